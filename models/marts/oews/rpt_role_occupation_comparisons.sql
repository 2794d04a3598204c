{#-
    Every page role against every detailed occupation: the page's facts next to the
    occupation's official national figures, with the differences (page minus official), and
    whether the hand-made crosswalk maps the role to that occupation. A view: roles x 830
    rows, computed on read; filter role_key and occupation_code (or soc_code) for one.
-#}

with

roles as (

    select * from {{ ref('dim_roles') }}

),

occupations as (

    select * from {{ ref('dim_occupations') }}

),

crosswalk as (

    select * from {{ ref('stg_crosswalk__role_soc') }}

),

final as (

    select
        roles.role_id,
        roles.role_key,
        roles.role_name,
        occupations.occupation_id,
        occupations.occupation_code,
        occupations.soc_code,
        occupations.occupation_title,
        coalesce(crosswalk.occupation_code = occupations.occupation_code, false)
            as is_crosswalk_match,
        crosswalk.soc_code as crosswalk_soc_code,
        crosswalk.crosswalk_reason,
        roles.yearly_salary_usd as page_yearly_salary_usd,
        occupations.annual_mean_usd as official_annual_mean_usd,
        {{ contract_cast(
            'roles.yearly_salary_usd - occupations.annual_mean_usd', 'yearly_salary_diff_usd'
        ) }} as yearly_salary_diff_usd,
        cast(
            round(roles.yearly_salary_usd / nullif(occupations.annual_mean_usd, 0), 4)
            as decimal(10, 4)
        ) as yearly_salary_ratio,
        roles.hourly_rate_usd as page_hourly_rate_usd,
        occupations.hourly_mean_usd as official_hourly_mean_usd,
        {{ contract_cast(
            'roles.hourly_rate_usd - occupations.hourly_mean_usd', 'hourly_rate_diff_usd'
        ) }} as hourly_rate_diff_usd,
        roles.number_of_jobs as page_number_of_jobs,
        occupations.employment as official_employment,
        roles.number_of_jobs - occupations.employment as number_of_jobs_diff,
        roles.salary_range_low_usd as page_salary_range_low_usd,
        occupations.annual_p10_usd as official_annual_p10_usd,
        roles.salary_range_high_usd as page_salary_range_high_usd,
        occupations.annual_p90_usd as official_annual_p90_usd,
        roles.highest_paying_state as page_highest_paying_state,
        occupations.highest_paying_state as official_highest_paying_state,
        roles.best_paying_industry as page_best_paying_industry,
        occupations.best_paying_industry as official_best_paying_industry

    from roles
    cross join occupations
    left join crosswalk
        on roles.role_key = crosswalk.role_key

)

select * from final
