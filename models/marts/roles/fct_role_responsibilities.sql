with

responsibilities as (

    select * from {{ ref('int_role_responsibilities') }}

),

roles as (

    select * from {{ ref('int_roles_conformed') }}

),

final as (

    select
        {{ surrogate_key(['responsibilities.role_key', 'responsibilities.responsibility_rank']) }}
            as role_responsibility_id,
        roles.role_id,
        responsibilities.role_key,
        responsibilities.responsibility_rank,
        responsibilities.responsibility,
        responsibilities.page_id as source_page_id,
        responsibilities.line_number as source_line_number

    from responsibilities
    inner join roles
        on responsibilities.role_key = roles.role_key

)

select * from final
