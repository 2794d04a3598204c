with

source as (

    select * from {{ raw_table('raw_responsibilities') }}

),

renamed as (

    select
        {{ page_role_columns() }},
        cast(list_rank as {{ dbt.type_int() }}) as list_rank,
        trim(responsibility) as responsibility

    from source

)

select * from renamed
