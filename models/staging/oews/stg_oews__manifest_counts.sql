with

source as (

    select * from {{ source('oews', 'manifest_counts') }}

),

renamed as (

    select
        table_name,
        cast(manifest_count as {{ dbt.type_bigint() }}) as manifest_count

    from source

)

select * from renamed
