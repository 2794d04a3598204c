{#-
    One value per role and fact (and item): the value most pages agree on; then a value read
    from its own table cell over one split from run-together text; then the first page.
    A value that a page does not give ("-") is chosen only when no page gives one.
-#}

with

facts as (

    select * from {{ ref('int_role_facts_unioned') }}

),

counted as (

    select
        *,
        {{ count_distinct_over(
            'case when not is_missing then page_id end',
            'role_key, fact_name, fact_item_key, value_signature'
        ) }} as agreeing_page_count

    from facts

),

ranked as (

    select
        *,
        row_number() over (
            partition by role_key, fact_name, fact_item_key
            order by
                is_missing asc,
                agreeing_page_count desc,
                case when value_reading = 'cell' then 0 else 1 end asc,
                page_id asc,
                line_number asc
        ) as choice_rank

    from counted

),

final as (

    select * from ranked
    where choice_rank = 1

)

select * from final
