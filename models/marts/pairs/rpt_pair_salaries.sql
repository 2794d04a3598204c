{#-
    The salary section of a comparison page, for every unordered pair of roles: the columns
    of the catalogue's salary facts (var page_facts) for both roles, their differences and
    equalities.
-#}

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
        {{ pair_section_columns('salary') | join(',\n        ') }}

    from pairs
    inner join roles as role_a
        on pairs.role_a_key = role_a.role_key
    inner join roles as role_b
        on pairs.role_b_key = role_b.role_key

)

select * from final
