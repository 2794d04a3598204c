-- Each difference in rpt_role_comparisons (from fct_role_pairs) equals role a's fact minus
-- role b's (from dim_roles): a row here is a comparison where they do not. The check covers
-- the pairs pair_test_subquery selects: after an incremental build of the pair fact, the pairs
-- it recomputed plus the sample of var pair_test_sample; after a full build, that sample.
with

comparisons as (

    select * from {{ pair_test_subquery(
        ref('rpt_role_comparisons'), var('pair_test_sample', 'true')
    ) }}

),

problems as (

    select * from comparisons
    where
        yearly_salary_diff_usd != role_a_yearly_salary_usd - role_b_yearly_salary_usd
        or hourly_rate_diff_usd != role_a_hourly_rate_usd - role_b_hourly_rate_usd
        or growth_rate_diff_pct_points != role_a_growth_rate_pct - role_b_growth_rate_pct
        or number_of_jobs_diff != role_a_number_of_jobs - role_b_number_of_jobs
        or time_to_become_min_diff_months
        != role_a_time_to_become_min_months - role_b_time_to_become_min_months
        or time_to_become_max_diff_months
        != role_a_time_to_become_max_months - role_b_time_to_become_max_months
        or years_of_experience_diff != role_a_years_of_experience - role_b_years_of_experience
        or average_age_diff_years != role_a_average_age_years - role_b_average_age_years
        or degree_share_diff_pct_points
        != role_a_most_common_degree_share_pct - role_b_most_common_degree_share_pct
        or lgbt_share_diff_pct_points != role_a_lgbt_share_pct - role_b_lgbt_share_pct
        or (
            role_a_yearly_salary_usd > role_b_yearly_salary_usd
            and higher_paid_role_key != role_a_key
        )
        or (
            role_b_yearly_salary_usd > role_a_yearly_salary_usd
            and higher_paid_role_key != role_b_key
        )

)

select * from problems
