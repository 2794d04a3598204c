with

groups as (

    select * from {{ ref('int_role_demographic_groups') }}

),

roles as (

    select * from {{ ref('int_roles_conformed') }}

),

final as (

    select
        {{ surrogate_key(['groups.role_key', 'groups.demographic', 'groups.group_key']) }}
            as role_group_id,
        roles.role_id,
        groups.role_key,
        groups.demographic,
        groups.group_position,
        groups.group_key,
        groups.group_name,
        groups.share_pct,
        groups.page_id as source_page_id,
        groups.line_number as source_line_number

    from groups
    inner join roles
        on groups.role_key = roles.role_key

)

select * from final
