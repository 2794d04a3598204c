{#-
    Every pair of roles in both orientations, both roles' key facts (the compared columns of
    the catalogue of page facts, var page_facts) side by side with the differences (role a
    minus role b). Filter role_a_key = 'x' to see every comparison with
    x on the left. The differences come from fct_role_pairs, sign-flipped for the swapped
    orientation, so both orientations always agree.
-#}

{%- set side_by_side = compared_page_fact_columns() -%}
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
        role_a_id,
        role_b_id,
        1 as orientation_sign,
        {%- for column in side_by_side if column.ratio is defined %}
        {{ column.ratio }},
        {%- endfor %}
        role_a_skill_count,
        role_b_skill_count,
        {%- for column in differences %}
        {{ column }},
        {%- endfor %}
        is_compared_on_page,
        compared_on_page_ids,
        {%- for column in side_by_side if column.higher_role is defined %}
        {{ higher_role_id(column) }},
        {%- endfor %}
        shared_skill_count,
        skill_jaccard_index

    from pairs

    union all

    select
        pair_id,
        role_b_id as role_a_id,
        role_a_id as role_b_id,
        -1 as orientation_sign,
        {%- for column in side_by_side if column.ratio is defined %}
        cast(round(1 / nullif({{ column.ratio }}, 0), 4) as decimal(10, 4))
            as {{ column.ratio }},
        {%- endfor %}
        role_b_skill_count as role_a_skill_count,
        role_a_skill_count as role_b_skill_count,
        {%- for column in differences %}
        -{{ column }} as {{ column }},
        {%- endfor %}
        is_compared_on_page,
        compared_on_page_ids,
        {%- for column in side_by_side if column.higher_role is defined %}
        {{ higher_role_id(column) }},
        {%- endfor %}
        shared_skill_count,
        skill_jaccard_index

    from pairs

),

final as (

    select
        oriented.pair_id,
        role_a.role_key as role_a_key,
        role_a.role_name as role_a_name,
        role_b.role_key as role_b_key,
        role_b.role_name as role_b_name,
        oriented.orientation_sign,
        oriented.is_compared_on_page,
        oriented.compared_on_page_ids,
        {%- for column in side_by_side %}
        role_a.{{ column.name }} as role_a_{{ column.name }},
        role_b.{{ column.name }} as role_b_{{ column.name }},
        {%- endfor %}
        {%- for column in side_by_side %}
        {%- if column.ratio is defined %}
        oriented.{{ column.ratio }},
        {%- endif %}
        {%- if column.higher_role is defined %}
        case oriented.{{ higher_role_id(column) }}
            when role_a.role_id then role_a.role_key
            when role_b.role_id then role_b.role_key
        end as {{ column.higher_role }},
        {%- endif %}
        {%- endfor %}
        {%- for column in differences %}
        oriented.{{ column }},
        {%- endfor %}
        oriented.role_a_skill_count,
        oriented.role_b_skill_count,
        oriented.shared_skill_count,
        oriented.skill_jaccard_index

    from oriented
    inner join roles as role_a
        on oriented.role_a_id = role_a.role_id
    inner join roles as role_b
        on oriented.role_b_id = role_b.role_id

)

select * from final
