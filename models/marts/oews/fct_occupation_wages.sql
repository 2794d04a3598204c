{#-
    Every value of the OEWS release, in long form and named: one row per occupation, area,
    industry and measure, the value or null with the reason it is missing. A view over
    the raw cells (about 6.3 million rows), computed on read.
-#}

with

measures as (

    select * from {{ ref('int_oews_cell_measures') }}

),

occupations as (

    select * from {{ ref('stg_oews__occupations') }}

),

areas as (

    select * from {{ ref('stg_oews__areas') }}

),

industries as (

    select * from {{ ref('stg_oews__industries') }}

),

final as (

    select
        measures.series_id,
        occupations.soc_code,
        occupations.occupation_title,
        occupations.is_detailed as is_detailed_occupation,
        areas.area_type,
        areas.area_code,
        areas.area_name,
        industries.industry_code,
        industries.industry_name,
        measures.measure_name,
        measures.measure_value,
        measures.null_reason

    from measures
    inner join occupations
        on measures.occupation_code = occupations.occupation_code
    inner join areas
        on measures.area_code = areas.area_code
    inner join industries
        on measures.industry_code = industries.industry_code

)

select * from final
