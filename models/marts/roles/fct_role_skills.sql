with

roles as (

    select * from {{ ref('int_roles_conformed') }}

),

skills as (

    select * from {{ ref('int_role_skills') }}

),

final as (

    select
        {{ surrogate_key(['skills.role_key', 'skills.skill_key']) }} as role_skill_id,
        roles.role_id,
        skills.role_key,
        roles.role_name,
        skills.skill_rank,
        skills.skill_id,
        skills.skill_key,
        skills.skill_name,
        skills.skill_share_pct,
        skills.top_skill_rank

    from skills
    inner join roles
        on skills.role_key = roles.role_key

)

select * from final
