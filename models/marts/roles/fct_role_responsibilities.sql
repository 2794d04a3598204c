with

responsibilities as (

    select * from {{ ref('int_role_responsibilities') }}

),

final as (

    select
        {{ surrogate_key(['role_key', 'responsibility_rank']) }} as role_responsibility_id,
        {{ surrogate_key(['role_key']) }} as role_id,
        role_key,
        responsibility_rank,
        responsibility,
        page_id as source_page_id,
        line_number as source_line_number

    from responsibilities

)

select * from final
