{#-
    Every pair of roles in both orientations, both roles' key facts side by side with the
    differences (role a minus role b). Filter role_a_key = 'x' to see every comparison with
    x on the left. The differences come from fct_role_pairs, sign-flipped for the swapped
    orientation, so both orientations always agree.
-#}

{%- set side_by_side = [
    'yearly_salary_usd',
    'hourly_rate_usd',
    'growth_rate_pct',
    'number_of_jobs',
    'time_to_become_min_months',
    'time_to_become_max_months',
    'years_of_experience',
    'average_age_years',
    'most_common_degree',
    'most_common_degree_share_pct',
    'lgbt_share_pct',
] -%}
{%- set differences = role_pair_differences() -%}

with

pairs as (

    select * from {{ ref('fct_role_pairs') }}

),

roles as (

    select * from {{ ref('dim_roles') }}

),

oriented as (

    select
        pair_id,
        role_a_key,
        role_b_key,
        1 as orientation_sign,
        yearly_salary_ratio,
        role_a_skill_count,
        role_b_skill_count,
        {%- for column in differences %}
        {{ column }},
        {%- endfor %}
        is_compared_on_page,
        compared_on_page_ids,
        higher_paid_role_key,
        shared_skill_count,
        skill_jaccard_index

    from pairs

    union all

    select
        pair_id,
        role_b_key as role_a_key,
        role_a_key as role_b_key,
        -1 as orientation_sign,
        cast(round(1 / nullif(yearly_salary_ratio, 0), 4) as decimal(10, 4))
            as yearly_salary_ratio,
        role_b_skill_count as role_a_skill_count,
        role_a_skill_count as role_b_skill_count,
        {%- for column in differences %}
        -{{ column }} as {{ column }},
        {%- endfor %}
        is_compared_on_page,
        compared_on_page_ids,
        higher_paid_role_key,
        shared_skill_count,
        skill_jaccard_index

    from pairs

),

final as (

    select
        oriented.pair_id,
        oriented.role_a_key,
        role_a.role_name as role_a_name,
        oriented.role_b_key,
        role_b.role_name as role_b_name,
        oriented.orientation_sign,
        oriented.is_compared_on_page,
        oriented.compared_on_page_ids,
        {%- for column in side_by_side %}
        role_a.{{ column }} as role_a_{{ column }},
        role_b.{{ column }} as role_b_{{ column }},
        {%- endfor %}
        oriented.yearly_salary_ratio,
        oriented.higher_paid_role_key,
        {%- for column in differences %}
        oriented.{{ column }},
        {%- endfor %}
        oriented.role_a_skill_count,
        oriented.role_b_skill_count,
        oriented.shared_skill_count,
        oriented.skill_jaccard_index

    from oriented
    inner join roles as role_a
        on oriented.role_a_key = role_a.role_key
    inner join roles as role_b
        on oriented.role_b_key = role_b.role_key

)

select * from final
