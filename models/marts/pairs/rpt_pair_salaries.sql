{#- The salary section of a comparison page, for every unordered pair of roles. -#}

{%- set salary_columns = [
    'average_salary_usd',
    'salary_range_low_usd',
    'salary_range_high_usd',
    'highest_paying_city',
    'highest_paying_city_state_code',
    'highest_paying_state',
    'best_paying_company',
    'best_paying_industry',
] -%}

with

pairs as (

    select * from {{ ref('int_role_pairs') }}

),

roles as (

    select * from {{ ref('int_roles_conformed') }}

),

final as (

    select
        pairs.pair_id,
        pairs.role_a_key,
        pairs.role_b_key,
        {%- for column in salary_columns %}
        role_a.{{ column }} as role_a_{{ column }},
        role_b.{{ column }} as role_b_{{ column }},
        {%- endfor %}
        role_a.average_salary_usd - role_b.average_salary_usd as average_salary_diff_usd

    from pairs
    inner join roles as role_a
        on pairs.role_a_key = role_a.role_key
    inner join roles as role_b
        on pairs.role_b_key = role_b.role_key

)

select * from final
