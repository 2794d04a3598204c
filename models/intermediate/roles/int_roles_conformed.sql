{#-
    One profile per role, merged across every page that mentions it: its name, the pages,
    and each scalar fact's chosen value (see int_role_facts_chosen) in a typed column: the
    columns of the catalogue of page facts (var page_facts), in its order.
-#}

{%- set pivoted_facts = page_fact_warehouse_columns() %}
{%- set fingerprinted = ['role_pages.source_page_ids'] %}
{%- for column in pivoted_facts %}
{%- do fingerprinted.append('facts_pivoted.' ~ column.name) %}
{%- endfor %}

with

pages as (

    select * from {{ ref('stg_pages__pages') }}

),

chosen_facts as (

    select * from {{ ref('int_role_facts_chosen') }}
    where fact_item_key is null

),

page_roles as (

    select
        page_id,
        role_1_key as role_key,
        role_1_name as role_name
    from pages

    union all

    select
        page_id,
        role_2_key as role_key,
        role_2_name as role_name
    from pages

),

names_ranked as (

    select
        role_key,
        role_name,
        row_number() over (
            partition by role_key
            order by count(*) desc, min(page_id), role_name
        ) as name_rank

    from page_roles
    group by role_key, role_name

),

role_pages as (

    select
        role_key,
        count(distinct page_id) as page_count,
        {{ dbt.listagg('page_id', "', '", "order by page_id") }} as source_page_ids

    from page_roles
    group by role_key

),

facts_pivoted as (

    select
        role_key,
        {%- for column in pivoted_facts %}
        max(case when fact_name = '{{ column.fact }}' then {{ column.value }} end)
            as {{ column.name }},
        {%- endfor %}
        count(*) as chosen_fact_count

    from chosen_facts
    group by role_key

),

final as (

    select
        role_pages.role_key,
        {{ surrogate_key(['role_pages.role_key']) }} as role_id,
        names_ranked.role_name,
        role_pages.page_count,
        {%- for column in pivoted_facts %}
        facts_pivoted.{{ column.name }},
        {%- endfor %}
        role_pages.source_page_ids,
        {{ surrogate_key(fingerprinted) }} as profile_fingerprint

    from role_pages
    inner join names_ranked
        on
            role_pages.role_key = names_ranked.role_key
            and names_ranked.name_rank = 1
    left join facts_pivoted
        on role_pages.role_key = facts_pivoted.role_key

)

select * from final
