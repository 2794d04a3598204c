with

groups as (

    select * from {{ ref('int_role_demographic_groups') }}

),

final as (

    select
        {{ surrogate_key(['role_key', 'demographic', 'group_key']) }} as role_group_id,
        {{ surrogate_key(['role_key']) }} as role_id,
        role_key,
        demographic,
        group_position,
        group_key,
        group_name,
        share_pct,
        page_id as source_page_id,
        line_number as source_line_number

    from groups

)

select * from final
