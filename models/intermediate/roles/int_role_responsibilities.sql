{#-
    Each role's example responsibilities from every page, each text once (case and spacing
    aside), in the order the pages list them (pages by id).
-#}

with

items as (

    select * from {{ ref('stg_pages__responsibilities') }}

),

first_mentions as (

    select
        *,
        row_number() over (
            partition by role_key, lower(trim(responsibility))
            order by page_id, list_rank
        ) as mention_rank

    from items

),

final as (

    select
        role_key,
        responsibility,
        page_id,
        line_number,
        -- A bigint, as the marts' contracts say (Spark numbers rows as ints).
        cast(row_number() over (
            partition by role_key order by page_id, list_rank
        ) as {{ dbt.type_bigint() }}) as responsibility_rank

    from first_mentions
    where mention_rank = 1

)

select * from final
