{#-
    Facts on which pages disagree: every statement of a role's fact (or list item) when the
    pages that give it give more than one value. Empty when all pages agree; a data test
    fails on any row, naming the role, the fact and each page's value.
-#}

with

facts as (

    select * from {{ ref('int_role_facts_unioned') }}
    where not is_missing

),

disagreeing as (

    select
        role_key,
        fact_name,
        fact_item_key,
        count(distinct value_signature) as distinct_value_count

    from facts
    group by role_key, fact_name, fact_item_key
    having count(distinct value_signature) > 1

),

final as (

    select
        facts.role_key,
        facts.fact_name,
        facts.fact_item_key,
        facts.page_id,
        facts.line_number,
        facts.section,
        facts.fact_value,
        disagreeing.distinct_value_count

    from facts
    inner join disagreeing
        on
            facts.role_key = disagreeing.role_key
            and facts.fact_name = disagreeing.fact_name
            and facts.fact_item_key is not distinct from disagreeing.fact_item_key

)

select * from final
