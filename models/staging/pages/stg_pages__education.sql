{#- The education table's rows, each value parsed by its fact's rule in the catalogue of
    page facts (var page_facts). -#}

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
        {{ parsed_page_fact_values('education') }}

    from renamed

)

select * from parsed
