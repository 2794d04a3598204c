{#-
    The duties section of a comparison page in long form: for every unordered pair, each
    role's example responsibilities, role a's first.
-#}

with

pairs as {{ not_materialized() }} (

    select * from {{ ref('int_role_pairs') }}

),

responsibilities as (

    select * from {{ ref('int_role_responsibilities') }}

),

sides as (

    select
        pairs.pair_id,
        pairs.role_a_key,
        pairs.role_b_key,
        'a' as role_side,
        pairs.role_a_key as role_key

    from pairs

    union all

    select
        pairs.pair_id,
        pairs.role_a_key,
        pairs.role_b_key,
        'b' as role_side,
        pairs.role_b_key as role_key

    from pairs

),

final as (

    select
        sides.pair_id,
        sides.role_a_key,
        sides.role_b_key,
        sides.role_side,
        sides.role_key,
        responsibilities.responsibility_rank,
        responsibilities.responsibility

    from sides
    inner join responsibilities
        on sides.role_key = responsibilities.role_key

)

select * from final
