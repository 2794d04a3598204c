with

source as (

    select * from {{ source('oews', 'datatype') }}

),

renamed as (

    select
        datatype_code,
        datatype_name as measure_title,
        case datatype_code
            {%- for code, name, _ in oews_measures() %}
            when '{{ code }}' then '{{ name }}'
            {%- endfor %}
        end as measure_name

    from source

)

select * from renamed
