with

source as (

    select * from {{ raw_table('raw_education') }}

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
            when fact_name = 'most_common_degree' then {{ parse_share_pct('fact_value') }}
        end as value_pct,
        case
            when fact_name = 'most_common_degree' then {{ parse_share_label('fact_value') }}
            when fact_name in ('most_common_major', 'most_common_college')
                then {{ missing_as_null('fact_value') }}
        end as value_label

    from renamed

)

select * from parsed
