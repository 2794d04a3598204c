{#-
    A fingerprint of everything a role's pair comparisons are computed from: its profile
    (facts and pages) and its skills. When it changes, every pair with that role is
    recomputed by the incremental pair fact; pairs of two unchanged roles are kept.
-#}

with

roles as (

    select * from {{ ref('int_roles_conformed') }}

),

skills as (

    select * from {{ ref('int_role_skills') }}

),

skill_lists as (

    select
        role_key,
        {{ dbt.listagg(
            dbt.concat([
                'skill_key',
                "':'",
                "coalesce(cast(skill_share_pct as " ~ dbt.type_string() ~ "), '')",
                "':'",
                "coalesce(cast(top_skill_rank as " ~ dbt.type_string() ~ "), '')",
            ]),
            "','",
            "order by skill_key"
        ) }} as skill_list

    from skills
    group by role_key

),

final as (

    select
        roles.role_key,
        {{ surrogate_key(['roles.profile_fingerprint', 'skill_lists.skill_list']) }}
            as role_fingerprint

    from roles
    left join skill_lists
        on roles.role_key = skill_lists.role_key

)

select * from final
