with

source as (

    select * from {{ ref('raw_responsibilities') }}

),

renamed as (

    select
        {{ page_role_columns() }},
        list_rank,
        trim(responsibility) as responsibility

    from source

)

select * from renamed
