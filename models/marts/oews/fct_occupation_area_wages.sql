{#-
    Where each detailed occupation is paid what: its cross-industry figures in every state
    (and territory) and metro area that the release covers, with the rank of its annual mean
    wage among the areas of the same type (1 pays best). Wages are doubles, as agreed with
    the BI dashboard that reads this mart; a missing wage is null, never zero.
-#}

with

area_cells as (

    select * from {{ ref('int_oews_area_cells_ranked') }}

),

occupations as (

    select * from {{ ref('int_oews_national_occupations') }}

),

final as (

    select
        occupations.occupation_id,
        occupations.occupation_code,
        occupations.soc_code,
        occupations.occupation_title,
        area_cells.area_type,
        area_cells.area_code,
        area_cells.area_name,
        area_cells.state_fips_code,
        area_cells.employment,
        cast(area_cells.employment_per_1000_jobs as double) as employment_per_1000_jobs,
        cast(area_cells.location_quotient as double) as location_quotient,
        cast(area_cells.hourly_mean_usd as double) as hourly_mean_usd,
        cast(area_cells.annual_mean_usd as double) as annual_mean_usd,
        cast(area_cells.annual_p10_usd as double) as annual_p10_usd,
        cast(area_cells.annual_median_usd as double) as annual_median_usd,
        cast(area_cells.annual_p90_usd as double) as annual_p90_usd,
        area_cells.annual_mean_usd_null_reason as annual_mean_null_reason,
        area_cells.annual_mean_rank,
        area_cells.series_id

    from area_cells
    inner join occupations
        on area_cells.occupation_code = occupations.occupation_code

)

select * from final
