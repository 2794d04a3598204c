with

source as (

    select * from {{ raw_table('raw_times_to_become') }}

),

renamed as (

    select
        {{ page_role_columns() }},
        duration_text,
        {{ parse_duration_months('duration_text', 'min') }} as time_to_become_min_months,
        {{ parse_duration_months('duration_text', 'max') }} as time_to_become_max_months

    from source

)

select * from renamed
