with

source as (

    select * from {{ ref('role_soc_crosswalk') }}

),

renamed as (

    select
        role_key,
        soc_code,
        replace(soc_code, '-', '') as occupation_code,
        reason as crosswalk_reason

    from source

)

select * from renamed
