{#-
    One profile per role, merged across every page that mentions it: its name, the pages,
    and each scalar fact's chosen value (see int_role_facts_chosen) in a typed column.
-#}

{%- set pivoted_facts = [
    ('yearly_salary', 'yearly_salary_usd', 'value_usd'),
    ('hourly_rate', 'hourly_rate_usd', 'value_usd'),
    ('growth_rate', 'growth_rate_pct', 'value_pct'),
    ('number_of_jobs', 'number_of_jobs', 'value_count'),
    ('job_satisfaction', 'job_satisfaction_score', 'value_score'),
    ('most_common_degree', 'most_common_degree', 'value_label'),
    ('most_common_degree', 'most_common_degree_share_pct', 'value_pct'),
    ('average_age', 'average_age_years', 'value_years'),
    ('years_of_experience', 'years_of_experience', 'value_years'),
    ('average_salary', 'average_salary_usd', 'value_usd'),
    ('salary_range', 'salary_range_low_usd', 'value_usd_low'),
    ('salary_range', 'salary_range_high_usd', 'value_usd_high'),
    ('highest_paying_city', 'highest_paying_city', 'value_label'),
    ('highest_paying_city', 'highest_paying_city_state_code', 'value_state_code'),
    ('highest_paying_state', 'highest_paying_state', 'value_label'),
    ('best_paying_company', 'best_paying_company', 'value_label'),
    ('best_paying_industry', 'best_paying_industry', 'value_label'),
    ('most_common_major', 'most_common_major', 'value_label'),
    ('most_common_college', 'most_common_college', 'value_label'),
    ('gender_ratio', 'gender_ratio', 'value_label'),
    ('race_ratio', 'race_ratio', 'value_label'),
    ('lgbt_percentage', 'lgbt_share_pct', 'value_pct'),
    ('time_to_become', 'time_to_become', 'fact_value'),
    ('time_to_become', 'time_to_become_min_months', 'value_months_min'),
    ('time_to_become', 'time_to_become_max_months', 'value_months_max'),
] %}
{%- set fingerprinted = ['role_pages.source_page_ids'] %}
{%- for _, column, _ in pivoted_facts %}
{%- do fingerprinted.append('facts_pivoted.' ~ column) %}
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
        {%- for fact_name, column, value_column in pivoted_facts %}
        max(case when fact_name = '{{ fact_name }}' then {{ value_column }} end) as {{ column }},
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
        {%- for _, column, _ in pivoted_facts %}
        facts_pivoted.{{ column }},
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
