{#-
    Each page role next to the official figures of its occupation (through the hand-made
    crosswalk): pay, hourly wage, jobs, salary range against the 10th and 90th percentile,
    and where it pays best, with the differences (page minus official). The crosswalk's rows
    of rpt_role_occupation_comparisons, which compares every role with every occupation.
-#}

with

comparisons as (

    select * from {{ ref('rpt_role_occupation_comparisons') }}
    where is_crosswalk_match

),

final as (

    select
        role_key,
        role_name,
        soc_code,
        occupation_title,
        crosswalk_reason,
        page_yearly_salary_usd,
        official_annual_mean_usd,
        yearly_salary_diff_usd,
        yearly_salary_ratio,
        page_hourly_rate_usd,
        official_hourly_mean_usd,
        hourly_rate_diff_usd,
        page_number_of_jobs,
        official_employment,
        number_of_jobs_diff,
        page_salary_range_low_usd,
        official_annual_p10_usd,
        page_salary_range_high_usd,
        official_annual_p90_usd,
        page_highest_paying_state,
        official_highest_paying_state,
        page_best_paying_industry,
        official_best_paying_industry

    from comparisons

)

select * from final
