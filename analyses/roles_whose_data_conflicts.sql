-- Which roles do the pages describe differently? Each fact that two pages give with
-- different values, with every page's value and line. Empty when all pages agree.
with

conflicts as (

    select * from {{ ref('rpt_role_fact_conflicts') }}

)

select
    role_name,
    fact_name,
    fact_item_key,
    page_id,
    line_number,
    fact_value
from conflicts
order by role_name, fact_name, fact_item_key, page_id
