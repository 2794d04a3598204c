with

source as (

    select * from {{ raw_table('raw_descriptions') }}

),

renamed as (

    select
        {{ page_role_columns() }},
        trim(description) as description

    from source

)

select * from renamed
