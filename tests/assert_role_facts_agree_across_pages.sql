-- Pages must not disagree on a role's fact. Each row is one page's value of a fact that
-- another page gives differently: the role, the fact, the page and line, and the value.
select
    role_key,
    fact_name,
    fact_item_key,
    page_id,
    line_number,
    fact_value,
    distinct_value_count
from {{ ref('int_role_fact_conflicts') }}
