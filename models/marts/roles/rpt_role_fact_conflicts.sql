{#-
    Facts on which pages disagree, for analysts: every page's statement of a role's fact (or
    list item) when the pages that give it give more than one value, with the role's name.
    Empty when all pages agree. The disagreement itself is found once, in
    int_role_fact_conflicts (whose test fails the build on any row); this view only names
    the role.
-#}

with

conflicts as (

    select * from {{ ref('int_role_fact_conflicts') }}

),

roles as (

    select * from {{ ref('dim_roles') }}

),

final as (

    select
        roles.role_id,
        conflicts.role_key,
        roles.role_name,
        conflicts.fact_name,
        conflicts.fact_item_key,
        conflicts.page_id,
        conflicts.line_number,
        conflicts.section,
        conflicts.fact_value,
        conflicts.distinct_value_count

    from conflicts
    inner join roles
        on conflicts.role_key = roles.role_key

)

select * from final
