{#-
    One row per OEWS series (area x industry x occupation), its key split into codes and
    its 17 values typed and unit-named; a value the release does not give is null, and
    <measure>_null_reason says why (top-coded, not released, ...).
-#}

with

source as (

    select * from {{ source('oews', 'cell') }}

),

renamed as (

    select
        key as series_id,
        substring(key, 4, 1) as area_type_code,
        substring(key, 5, 7) as area_code,
        substring(key, 12, 6) as industry_code,
        substring(key, 18, 6) as occupation_code,
        {%- for code, name, data_type in oews_measures() %}
        {{ parse_oews_value('v' ~ code, data_type) }} as {{ name }},
        {{ oews_null_reason('v' ~ code, 'f' ~ code) }} as {{ name }}_null_reason,
        {%- endfor %}
        {{ dbt.length('key') }} as series_id_length

    from source

)

select * from renamed
