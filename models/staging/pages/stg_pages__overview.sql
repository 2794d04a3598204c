with

source as (

    select * from {{ raw_table('raw_overview') }}

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
            when fact_name in ('yearly_salary', 'hourly_rate')
                then {{ parse_money('fact_value') }}
        end as value_usd,
        case
            when fact_name = 'growth_rate' then {{ parse_percent('fact_value') }}
            when fact_name = 'most_common_degree' then {{ parse_share_pct('fact_value') }}
        end as value_pct,
        case
            when fact_name = 'number_of_jobs' then {{ parse_count('fact_value') }}
        end as value_count,
        case
            when fact_name in ('average_age', 'years_of_experience')
                then {{ parse_number('fact_value') }}
        end as value_years,
        case
            when fact_name = 'job_satisfaction' then {{ parse_number('fact_value') }}
        end as value_score,
        case
            when fact_name = 'most_common_degree' then {{ parse_share_label('fact_value') }}
        end as value_label

    from renamed

)

select * from parsed
