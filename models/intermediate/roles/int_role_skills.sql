{#-
    Each role's skills, merged across pages: every skill of its lists (with the chosen share)
    and every skill its prose names among the top three, matched on the canonical skill key
    (staging computes it, so "Customer Service" and "customer service" are one skill).
    skill_id, the skill's surrogate key, is computed here once and carried to dim_skills and
    every mart that names a skill. skill_rank orders them as a page would: by share, then
    list order, then prose rank.
-#}

with

chosen_facts as (

    select * from {{ ref('int_role_facts_chosen') }}

),

listed as (

    select
        role_key,
        fact_item_key as skill_key,
        value_label as skill_name,
        value_pct as skill_share_pct,
        line_number as list_line_number

    from chosen_facts
    where fact_name = 'skill_share'

),

named_in_prose as (

    select
        role_key,
        value_label as skill_key,
        fact_value as skill_name,
        {{ dbt.safe_cast('fact_item_key', dbt.type_int()) }} as top_skill_rank

    from chosen_facts
    where fact_name = 'top_skill'

),

merged as (

    select
        listed.skill_share_pct,
        named_in_prose.top_skill_rank,
        named_in_prose.skill_name as top_skill_name,
        listed.list_line_number,
        coalesce(listed.role_key, named_in_prose.role_key) as role_key,
        coalesce(listed.skill_key, named_in_prose.skill_key) as skill_key,
        coalesce(listed.skill_name, named_in_prose.skill_name) as skill_name

    from listed
    full outer join named_in_prose
        on
            listed.role_key = named_in_prose.role_key
            and listed.skill_key = named_in_prose.skill_key

),

final as (

    select
        role_key,
        {{ surrogate_key(['skill_key']) }} as skill_id,
        skill_key,
        skill_name,
        skill_share_pct,
        top_skill_rank,
        top_skill_name,
        -- A bigint, as the marts' contracts say (Spark numbers rows as ints).
        cast(row_number() over (
            partition by role_key
            order by
                skill_share_pct desc nulls last,
                list_line_number asc nulls last,
                top_skill_rank asc nulls last,
                skill_key asc
        ) as {{ dbt.type_bigint() }}) as skill_rank

    from merged

)

select * from final
