{#-
    A pair section mart (rpt_pair_salaries, rpt_pair_education): every unordered pair of
    roles with the section's catalogue columns for both roles and their differences.
-#}
{% macro pair_section(section) -%}

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
        {{ pair_section_columns(section) | join(',\n        ') }}

    from pairs
    inner join roles as role_a
        on pairs.role_a_key = role_a.role_key
    inner join roles as role_b
        on pairs.role_b_key = role_b.role_key

)

select * from final

{%- endmacro %}
