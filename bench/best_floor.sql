-- The best floor: fct_role_pairs as the best hand-written DuckDB SQL we know, from the same
-- inputs the model reads (the roles' conformed facts, their skills, the pairs pages compare).
-- jobcompare/bench/best_floor.py runs it against a built warehouse and checks it equal to
-- marts.fct_role_pairs. Techniques: roles numbered in key order (integer joins, role a's
-- number below role b's, so role_a_key sorts first); each role's skills as a bitmap of
-- bigint words, shared skills = bit_count(a & b) summed; every pair in one pass over two
-- role profiles; the roles named by their integer role_id (no text key is written);
-- pair_id the stable md5 surrogate key of the two text keys.
-- The three placeholders (a dollar sign and a name) are filled in by best_floor.py for the
-- number of 63-bit words the skills need.

with

roles as (

    select
        role_key,
        role_id,
        yearly_salary_usd,
        hourly_rate_usd,
        growth_rate_pct,
        number_of_jobs,
        time_to_become_min_months,
        time_to_become_max_months,
        years_of_experience,
        average_age_years,
        most_common_degree_share_pct,
        lgbt_share_pct,
        remote_jobs_share_pct,
        row_number() over (order by role_key) as role_number

    from intermediate.int_roles_conformed

),

skill_numbers as (

    select
        role_key,
        dense_rank() over (order by skill_id) - 1 as skill_number

    from intermediate.int_role_skills

),

bitmaps as (

    select
        role_key,
        $skill_word_sums
        count(*) as skill_count

    from skill_numbers
    group by role_key

),

profiles as (

    select
        roles.*,
        $skill_word_columns
        coalesce(bitmaps.skill_count, 0) as skill_count

    from roles
    left join bitmaps
        on roles.role_key = bitmaps.role_key

),

compared_on_pages as (

    select
        compared.compared_on_page_ids,
        role_a.role_number * 1000000 + role_b.role_number as pair_number

    from intermediate.int_role_pairs_compared_on_pages as compared
    inner join roles as role_a
        on compared.role_a_key = role_a.role_key
    inner join roles as role_b
        on compared.role_b_key = role_b.role_key

),

pairs as (

    select
        role_a.role_key as role_a_key,
        role_b.role_key as role_b_key,
        role_a.role_id as role_a_id,
        role_b.role_id as role_b_id,
        compared_on_pages.compared_on_page_ids,
        role_a.yearly_salary_usd - role_b.yearly_salary_usd as yearly_salary_diff_usd,
        cast(
            round(role_a.yearly_salary_usd / nullif(role_b.yearly_salary_usd, 0), 4)
            as decimal(10, 4)
        ) as yearly_salary_ratio,
        case
            when role_a.yearly_salary_usd > role_b.yearly_salary_usd then role_a.role_id
            when role_b.yearly_salary_usd > role_a.yearly_salary_usd then role_b.role_id
        end as higher_paid_role_id,
        role_a.hourly_rate_usd - role_b.hourly_rate_usd as hourly_rate_diff_usd,
        role_a.growth_rate_pct - role_b.growth_rate_pct as growth_rate_diff_pct_points,
        role_a.number_of_jobs - role_b.number_of_jobs as number_of_jobs_diff,
        role_a.time_to_become_min_months
        - role_b.time_to_become_min_months as time_to_become_min_diff_months,
        role_a.time_to_become_max_months
        - role_b.time_to_become_max_months as time_to_become_max_diff_months,
        role_a.years_of_experience - role_b.years_of_experience as years_of_experience_diff,
        role_a.average_age_years - role_b.average_age_years as average_age_diff_years,
        role_a.most_common_degree_share_pct
        - role_b.most_common_degree_share_pct as degree_share_diff_pct_points,
        role_a.lgbt_share_pct - role_b.lgbt_share_pct as lgbt_share_diff_pct_points,
        role_a.remote_jobs_share_pct
        - role_b.remote_jobs_share_pct as remote_jobs_diff_pct_points,
        role_a.skill_count as role_a_skill_count,
        role_b.skill_count as role_b_skill_count,
        $shared_skill_count as shared_skill_count

    from profiles as role_a
    inner join profiles as role_b
        on role_a.role_number < role_b.role_number
    left join compared_on_pages
        on role_a.role_number * 1000000 + role_b.role_number = compared_on_pages.pair_number

)

select
    cast(('0x' || left(md5(role_a_key || '|' || role_b_key), 15)) as bigint) as pair_id,
    role_a_id,
    role_b_id,
    compared_on_page_ids is not null as is_compared_on_page,
    compared_on_page_ids,
    yearly_salary_diff_usd,
    yearly_salary_ratio,
    higher_paid_role_id,
    hourly_rate_diff_usd,
    growth_rate_diff_pct_points,
    number_of_jobs_diff,
    time_to_become_min_diff_months,
    time_to_become_max_diff_months,
    years_of_experience_diff,
    average_age_diff_years,
    degree_share_diff_pct_points,
    lgbt_share_diff_pct_points,
    remote_jobs_diff_pct_points,
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

from pairs
