with

roles as (

    select * from {{ ref('int_roles_conformed') }}

),

descriptions as (

    select * from {{ ref('int_role_descriptions') }}

),

skills as (

    select * from {{ ref('int_role_skills') }}

),

skill_summaries as (

    select
        role_key,
        count(*) as skill_count,
        max(case when top_skill_rank = 1 then top_skill_name end) as top_skill_1,
        max(case when top_skill_rank = 2 then top_skill_name end) as top_skill_2,
        max(case when top_skill_rank = 3 then top_skill_name end) as top_skill_3

    from skills
    group by role_key

),

final as (

    select
        roles.role_id,
        roles.role_key,
        roles.role_name,
        roles.page_count,
        roles.source_page_ids,
        descriptions.description,
        roles.time_to_become,
        roles.time_to_become_min_months,
        roles.time_to_become_max_months,
        roles.yearly_salary_usd,
        roles.hourly_rate_usd,
        roles.growth_rate_pct,
        roles.number_of_jobs,
        roles.job_satisfaction_score,
        roles.most_common_degree,
        roles.most_common_degree_share_pct,
        roles.average_age_years,
        roles.years_of_experience,
        roles.average_salary_usd,
        roles.salary_range_low_usd,
        roles.salary_range_high_usd,
        roles.highest_paying_city,
        roles.highest_paying_city_state_code,
        roles.highest_paying_state,
        roles.best_paying_company,
        roles.best_paying_industry,
        roles.most_common_major,
        roles.most_common_college,
        roles.gender_ratio,
        roles.race_ratio,
        roles.lgbt_share_pct,
        coalesce(skill_summaries.skill_count, 0) as skill_count,
        skill_summaries.top_skill_1,
        skill_summaries.top_skill_2,
        skill_summaries.top_skill_3

    from roles
    left join descriptions
        on roles.role_key = descriptions.role_key
    left join skill_summaries
        on roles.role_key = skill_summaries.role_key

)

select * from final
