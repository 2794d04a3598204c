{#-
    Every fact any page states about a role, one row per page, line and fact, in one shape:
    the four tables' rows, the time it takes to become the role, the prose's top three skills
    (one fact per rank) and each listed skill's share (one fact per skill). Each table's
    typed value columns are those its facts fill (see the catalogue, var page_facts).
-#}

with

overview as (

    select * from {{ ref('stg_pages__overview') }}

),

salary as (

    select * from {{ ref('stg_pages__salary') }}

),

education as (

    select * from {{ ref('stg_pages__education') }}

),

demographics as (

    select * from {{ ref('stg_pages__demographics') }}

),

times_to_become as (

    select * from {{ ref('stg_pages__times_to_become') }}

),

top_skills as (

    select * from {{ ref('stg_pages__top_skills') }}

),

skills as (

    select * from {{ ref('stg_pages__skills') }}

),

durations_as_facts as (

    select
        *,
        'time_to_become' as fact_name,
        duration_text as fact_value,
        'prose' as value_reading,
        false as is_missing,
        time_to_become_min_months as value_months_min,
        time_to_become_max_months as value_months_max

    from times_to_become

),

top_skills_as_facts as (

    select
        *,
        'top_skill' as fact_name,
        skill_name as fact_value,
        'prose' as value_reading,
        false as is_missing,
        skill_key as value_label

    from top_skills

),

skill_shares_as_facts as (

    select
        *,
        'skill_share' as fact_name,
        skill_entry as fact_value,
        'list' as value_reading,
        false as is_missing,
        skill_share_pct as value_pct,
        skill_name as value_label

    from skills

),

unioned as (

    select {{ role_fact_columns('overview', page_fact_value_columns('overview')) }}
    from overview

    union all

    select {{ role_fact_columns('salary', page_fact_value_columns('salary')) }}
    from salary

    union all

    select {{ role_fact_columns('education', page_fact_value_columns('education')) }}
    from education

    union all

    select {{ role_fact_columns('demographics', page_fact_value_columns('demographics')) }}
    from demographics

    union all

    select
        {{ role_fact_columns('prose', ['value_months_min', 'value_months_max']) }}
    from durations_as_facts

    union all

    select
        {{ role_fact_columns('prose', ['value_label'], fact_item_key='top_skill_rank') }}
    from top_skills_as_facts

    union all

    select
        {{ role_fact_columns('skills', ['value_pct', 'value_label'], fact_item_key='skill_key') }}
    from skill_shares_as_facts

),

final as (

    select
        *,
        {{ role_fact_signature() }} as value_signature

    from unioned

)

select * from final
