with

source as (

    select * from {{ raw_table('raw_salary') }}

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
            when fact_name = 'average_salary' then {{ parse_money('fact_value') }}
        end as value_usd,
        case
            when fact_name = 'salary_range' then {{ parse_money_range_low('fact_value') }}
        end as value_usd_low,
        case
            when fact_name = 'salary_range' then {{ parse_money_range_high('fact_value') }}
        end as value_usd_high,
        case
            when fact_name = 'highest_paying_city' then {{ parse_city_name('fact_value') }}
            when fact_name in (
                'highest_paying_state', 'best_paying_company', 'best_paying_industry'
            ) then {{ missing_as_null('fact_value') }}
        end as value_label,
        case
            when fact_name = 'highest_paying_city' then {{ parse_city_state_code('fact_value') }}
        end as value_state_code

    from renamed

)

select * from parsed
