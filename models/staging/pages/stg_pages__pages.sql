with

source as (

    select * from {{ raw_table('raw_pages') }}

),

renamed as (

    select
        page_id,
        source_file,
        layout as page_layout,
        nullif(title, '') as page_title,
        cast(title_line as {{ dbt.type_int() }}) as title_line_number,
        cast(header_line as {{ dbt.type_int() }}) as header_line_number,
        role_1_name,
        {{ role_key('role_1_name') }} as role_1_key,
        role_2_name,
        {{ role_key('role_2_name') }} as role_2_key

    from source

)

select * from renamed
