{#-
    Every pair of roles in both orientations, both roles' key facts (the compared columns of
    the catalogue of page facts, var page_facts) side by side with the differences (role a
    minus role b). Filter role_a_key = 'x' to see every comparison with
    x on the left. The differences come from fct_role_pairs, sign-flipped for the swapped
    orientation, so both orientations always agree.

    Each orientation joins the pairs to the two roles before the two are stacked: a filter on
    role a's key (or name, or facts) then narrows the roles each join looks up, and only the
    pairs it keeps are turned round, instead of every pair of both orientations. The import
    CTEs are inlined (not_materialized): kept once, the pairs CTE would hold every pair in
    memory and no filter would reach the table.
-#}

{%- set side_by_side = compared_page_fact_columns() -%}
{%- set differences = role_pair_differences() -%}

with

pairs as {{ not_materialized() }} (

    select * from {{ ref('fct_role_pairs') }}

),

roles as {{ not_materialized() }} (

    select * from {{ ref('dim_roles') }}

),

{%- for orientation in [
    {'name': 'as_built', 'sign': 1, 'a': 'a', 'b': 'b'},
    {'name': 'swapped', 'sign': -1, 'a': 'b', 'b': 'a'},
] %}

{{ orientation.name }} as (

    select
        pairs.pair_id,
        role_a.role_key as role_a_key,
        role_a.role_name as role_a_name,
        role_b.role_key as role_b_key,
        role_b.role_name as role_b_name,
        {{ orientation.sign }} as orientation_sign,
        pairs.is_compared_on_page,
        pairs.compared_on_page_ids,
        {%- for column in side_by_side %}
        role_a.{{ column.name }} as role_a_{{ column.name }},
        role_b.{{ column.name }} as role_b_{{ column.name }},
        {%- endfor %}
        {%- for column in side_by_side %}
        {%- if column.ratio is defined %}
        {%- if orientation.sign == 1 %}
        pairs.{{ column.ratio }},
        {%- else %}
        cast(round(1 / nullif(pairs.{{ column.ratio }}, 0), 4) as decimal(10, 4))
            as {{ column.ratio }},
        {%- endif %}
        {%- endif %}
        {%- if column.higher_role is defined %}
        case pairs.{{ higher_role_id(column) }}
            when role_a.role_id then role_a.role_key
            when role_b.role_id then role_b.role_key
        end as {{ column.higher_role }},
        {%- endif %}
        {%- endfor %}
        {%- for column in differences %}
        {%- if orientation.sign == 1 %}
        pairs.{{ column }},
        {%- else %}
        -pairs.{{ column }} as {{ column }},
        {%- endif %}
        {%- endfor %}
        {%- if orientation.sign == 1 %}
        pairs.role_a_skill_count,
        pairs.role_b_skill_count,
        {%- else %}
        pairs.role_b_skill_count as role_a_skill_count,
        pairs.role_a_skill_count as role_b_skill_count,
        {%- endif %}
        pairs.shared_skill_count,
        pairs.skill_jaccard_index

    from pairs
    inner join roles as role_a
        on pairs.role_{{ orientation.a }}_id = role_a.role_id
    inner join roles as role_b
        on pairs.role_{{ orientation.b }}_id = role_b.role_id

),
{%- endfor %}

final as (

    select * from as_built
    union all
    select * from swapped

)

select * from final
