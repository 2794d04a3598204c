with

source as (

    select * from {{ source('oews', 'industry') }}

),

renamed as (

    select
        industry_code,
        industry_name,
        {{ regexp_replace_all('industry_name', '^Sectors? [0-9, and]+ - ', '') }}
            as industry_short_name,
        cast(display_level as {{ dbt.type_int() }}) as display_level

    from source

)

select * from renamed
