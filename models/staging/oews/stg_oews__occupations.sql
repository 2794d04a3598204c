with

source as (

    select * from {{ source('oews', 'occupation') }}

),

renamed as (

    select
        occupation_code,
        {{ dbt.concat(["left(occupation_code, 2)", "'-'", dbt.right('occupation_code', 4)]) }}
            as soc_code,
        occupation_name as occupation_title,
        cast(display_level as {{ dbt.type_int() }}) as display_level,
        cast(display_level as {{ dbt.type_int() }}) = 3 as is_detailed

    from source

)

select * from renamed
