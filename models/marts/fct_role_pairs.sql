{#-
    One row per unordered pair of roles (role_a_key sorts first): keys and the differences,
    always role a minus role b. Descriptive facts stay in dim_roles; role_comparisons shows
    both roles side by side in both orientations.
-#}

with

pairs as (

    select * from {{ ref('int_role_pairs') }}

),

roles as (

    select * from {{ ref('int_roles_conformed') }}

),

skills as (

    select * from {{ ref('int_role_skills') }}

),

skill_counts as (

    select
        role_key,
        count(*) as skill_count

    from skills
    group by role_key

),

shared_skills as (

    select
        skills_a.role_key as role_a_key,
        skills_b.role_key as role_b_key,
        count(*) as shared_skill_count

    from skills as skills_a
    inner join skills as skills_b
        on
            skills_a.skill_key = skills_b.skill_key
            and skills_a.role_key < skills_b.role_key
    group by skills_a.role_key, skills_b.role_key

),

compared as (

    select
        pairs.role_a_key,
        pairs.role_b_key,
        pairs.is_compared_on_page,
        pairs.compared_on_page_ids,
        role_a.yearly_salary_usd - role_b.yearly_salary_usd as yearly_salary_diff_usd,
        cast(
            round(role_a.yearly_salary_usd / nullif(role_b.yearly_salary_usd, 0), 4)
            as decimal(10, 4)
        ) as yearly_salary_ratio,
        case
            when role_a.yearly_salary_usd > role_b.yearly_salary_usd then pairs.role_a_key
            when role_b.yearly_salary_usd > role_a.yearly_salary_usd then pairs.role_b_key
        end as higher_paid_role_key,
        role_a.hourly_rate_usd - role_b.hourly_rate_usd as hourly_rate_diff_usd,
        role_a.growth_rate_pct - role_b.growth_rate_pct as growth_rate_diff_pct_points,
        role_a.number_of_jobs - role_b.number_of_jobs as number_of_jobs_diff,
        role_a.time_to_become_min_months - role_b.time_to_become_min_months
            as time_to_become_min_diff_months,
        role_a.time_to_become_max_months - role_b.time_to_become_max_months
            as time_to_become_max_diff_months,
        role_a.years_of_experience - role_b.years_of_experience as years_of_experience_diff,
        role_a.average_age_years - role_b.average_age_years as average_age_diff_years,
        role_a.most_common_degree_share_pct - role_b.most_common_degree_share_pct
            as degree_share_diff_pct_points,
        role_a.lgbt_share_pct - role_b.lgbt_share_pct as lgbt_share_diff_pct_points,
        coalesce(skills_a.skill_count, 0) as role_a_skill_count,
        coalesce(skills_b.skill_count, 0) as role_b_skill_count,
        coalesce(shared_skills.shared_skill_count, 0) as shared_skill_count

    from pairs
    inner join roles as role_a
        on pairs.role_a_key = role_a.role_key
    inner join roles as role_b
        on pairs.role_b_key = role_b.role_key
    left join skill_counts as skills_a
        on pairs.role_a_key = skills_a.role_key
    left join skill_counts as skills_b
        on pairs.role_b_key = skills_b.role_key
    left join shared_skills
        on
            pairs.role_a_key = shared_skills.role_a_key
            and pairs.role_b_key = shared_skills.role_b_key

),

final as (

    select
        {{ surrogate_key(['role_a_key', 'role_b_key']) }} as pair_id,
        {{ surrogate_key(['role_a_key']) }} as role_a_id,
        {{ surrogate_key(['role_b_key']) }} as role_b_id,
        role_a_key,
        role_b_key,
        is_compared_on_page,
        compared_on_page_ids,
        yearly_salary_diff_usd,
        yearly_salary_ratio,
        higher_paid_role_key,
        hourly_rate_diff_usd,
        growth_rate_diff_pct_points,
        number_of_jobs_diff,
        time_to_become_min_diff_months,
        time_to_become_max_diff_months,
        years_of_experience_diff,
        average_age_diff_years,
        degree_share_diff_pct_points,
        lgbt_share_diff_pct_points,
        role_a_skill_count,
        role_b_skill_count,
        shared_skill_count,
        cast(
            round(
                cast(shared_skill_count as decimal(18, 4))
                / nullif(role_a_skill_count + role_b_skill_count - shared_skill_count, 0),
                4
            ) as decimal(6, 4)
        ) as skill_jaccard_index

    from compared

)

select * from final
