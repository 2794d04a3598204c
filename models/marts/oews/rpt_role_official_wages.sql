{#-
    Each page role next to the official figures of its occupation (through the hand-made
    crosswalk): pay, hourly wage, jobs, salary range against the 10th and 90th percentile,
    and where it pays best, with the differences (page minus official).
-#}

with

crosswalk as (

    select * from {{ ref('stg_crosswalk__role_soc') }}

),

roles as (

    select * from {{ ref('int_roles_conformed') }}

),

occupations as (

    select * from {{ ref('int_oews_national_occupations') }}

),

top_areas as (

    select * from {{ ref('int_oews_occupation_top_areas') }}

),

top_industries as (

    select * from {{ ref('int_oews_occupation_top_industries') }}

),

final as (

    select
        roles.role_key,
        roles.role_name,
        crosswalk.soc_code,
        occupations.occupation_title,
        crosswalk.crosswalk_reason,
        roles.yearly_salary_usd as page_yearly_salary_usd,
        occupations.annual_mean_usd as official_annual_mean_usd,
        roles.yearly_salary_usd - occupations.annual_mean_usd as yearly_salary_diff_usd,
        cast(
            round(roles.yearly_salary_usd / nullif(occupations.annual_mean_usd, 0), 4)
            as decimal(10, 4)
        ) as yearly_salary_ratio,
        roles.hourly_rate_usd as page_hourly_rate_usd,
        occupations.hourly_mean_usd as official_hourly_mean_usd,
        roles.hourly_rate_usd - occupations.hourly_mean_usd as hourly_rate_diff_usd,
        roles.number_of_jobs as page_number_of_jobs,
        occupations.employment as official_employment,
        roles.number_of_jobs - occupations.employment as number_of_jobs_diff,
        roles.salary_range_low_usd as page_salary_range_low_usd,
        occupations.annual_p10_usd as official_annual_p10_usd,
        roles.salary_range_high_usd as page_salary_range_high_usd,
        occupations.annual_p90_usd as official_annual_p90_usd,
        roles.highest_paying_state as page_highest_paying_state,
        top_areas.highest_paying_state as official_highest_paying_state,
        roles.best_paying_industry as page_best_paying_industry,
        top_industries.best_paying_industry as official_best_paying_industry

    from crosswalk
    inner join roles
        on crosswalk.role_key = roles.role_key
    inner join occupations
        on crosswalk.occupation_code = occupations.occupation_code
    left join top_areas
        on crosswalk.occupation_code = top_areas.occupation_code
    left join top_industries
        on crosswalk.occupation_code = top_industries.occupation_code

)

select * from final
