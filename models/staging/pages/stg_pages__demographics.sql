with

source as (

    select * from {{ raw_table('raw_demographics') }}

),

renamed as (

    select
        {{ page_fact_columns() }}

    from source

),

parsed as (

    select
        *,
        case
            when fact_name = 'average_age' then {{ parse_number('fact_value') }}
        end as value_years,
        case
            when fact_name = 'lgbt_percentage' then {{ parse_percent('fact_value') }}
        end as value_pct,
        case
            when fact_name in ('gender_ratio', 'race_ratio')
                then {{ missing_as_null('fact_value') }}
        end as value_label

    from renamed

)

select * from parsed
