with

source as (

    select * from {{ source('oews', 'area') }}

),

renamed as (

    select
        area_code,
        case areatype_code
            when 'N' then 'national'
            when 'S' then 'state'
            when 'M' then 'metro'
        end as area_type,
        state_code as state_fips_code,
        area_name

    from source

)

select * from renamed
