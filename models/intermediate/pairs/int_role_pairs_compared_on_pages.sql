{#-
    The pairs of roles that a source page compares (role_a_key sorts first), with the ids
    of those pages: as many rows as there are distinct compared pairs.
-#}

with

pages as (

    select * from {{ ref('stg_pages__pages') }}

),

oriented as (

    select
        page_id,
        case when role_1_key < role_2_key then role_1_key else role_2_key end as role_a_key,
        case when role_1_key < role_2_key then role_2_key else role_1_key end as role_b_key

    from pages

),

final as (

    select
        role_a_key,
        role_b_key,
        {{ dbt.listagg('page_id', "', '", "order by page_id") }} as compared_on_page_ids

    from oriented
    group by role_a_key, role_b_key

)

select * from final
