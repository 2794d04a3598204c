-- Which roles do the pages describe differently? Each fact that two pages give with
-- different values, with every page's value and line. Empty when all pages agree.
with

conflicts as (

    select * from {{ ref('int_role_fact_conflicts') }}

),

roles as (

    select * from {{ ref('dim_roles') }}

)

select
    roles.role_name,
    conflicts.fact_name,
    conflicts.fact_item_key,
    conflicts.page_id,
    conflicts.line_number,
    conflicts.fact_value
from conflicts
inner join roles
    on conflicts.role_key = roles.role_key
order by roles.role_name, conflicts.fact_name, conflicts.fact_item_key, conflicts.page_id
