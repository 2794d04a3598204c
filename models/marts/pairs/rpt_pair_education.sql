{#- The education section of a comparison page, for every unordered pair of roles. -#}

{%- set education_columns = [
    'most_common_degree',
    'most_common_degree_share_pct',
    'most_common_major',
    'most_common_college',
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
        {%- for column in education_columns %}
        role_a.{{ column }} as role_a_{{ column }},
        role_b.{{ column }} as role_b_{{ column }},
        {%- endfor %}
        role_a.most_common_degree_share_pct - role_b.most_common_degree_share_pct
            as degree_share_diff_pct_points,
        role_a.most_common_degree = role_b.most_common_degree as has_same_degree,
        role_a.most_common_major = role_b.most_common_major as has_same_major

    from pairs
    inner join roles as role_a
        on pairs.role_a_key = role_a.role_key
    inner join roles as role_b
        on pairs.role_b_key = role_b.role_key

)

select * from final
