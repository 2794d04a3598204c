with

roles as (

    select * from {{ ref('int_roles_conformed') }}

),

descriptions as (

    select * from {{ ref('int_role_descriptions') }}

),

skills as (

    select * from {{ ref('int_role_skills') }}

),

skill_summaries as (

    select
        role_key,
        count(*) as skill_count,
        max(case when top_skill_rank = 1 then top_skill_name end) as top_skill_1,
        max(case when top_skill_rank = 2 then top_skill_name end) as top_skill_2,
        max(case when top_skill_rank = 3 then top_skill_name end) as top_skill_3

    from skills
    group by role_key

),

final as (

    select
        roles.role_id,
        roles.role_key,
        roles.role_name,
        roles.page_count,
        roles.source_page_ids,
        descriptions.description,
        {%- for column in page_fact_warehouse_columns() %}
        roles.{{ column.name }},
        {%- endfor %}
        coalesce(skill_summaries.skill_count, 0) as skill_count,
        skill_summaries.top_skill_1,
        skill_summaries.top_skill_2,
        skill_summaries.top_skill_3

    from roles
    left join descriptions
        on roles.role_key = descriptions.role_key
    left join skill_summaries
        on roles.role_key = skill_summaries.role_key

)

select * from final
