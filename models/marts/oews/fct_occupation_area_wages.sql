{#-
    Where each detailed occupation is paid what: its cross-industry figures in every state
    (and territory) and metro area that the release covers, with the rank of its annual mean
    wage among the areas of the same type (1 pays best). Wages are doubles, as agreed with
    the BI dashboard that reads this mart; a missing wage is null, never zero.
-#}

with

cells as (

    select * from {{ ref('stg_oews__cells') }}
    where
        industry_code = '000000'
        and area_type_code in ('S', 'M')

),

occupations as (

    select * from {{ ref('int_oews_national_occupations') }}

),

areas as (

    select * from {{ ref('stg_oews__areas') }}

),

final as (

    select
        occupations.occupation_id,
        occupations.occupation_code,
        occupations.soc_code,
        occupations.occupation_title,
        areas.area_type,
        areas.area_code,
        areas.area_name,
        areas.state_fips_code,
        cells.employment,
        cast(cells.employment_per_1000_jobs as double) as employment_per_1000_jobs,
        cast(cells.location_quotient as double) as location_quotient,
        cast(cells.hourly_mean_usd as double) as hourly_mean_usd,
        cast(cells.annual_mean_usd as double) as annual_mean_usd,
        cast(cells.annual_p10_usd as double) as annual_p10_usd,
        cast(cells.annual_median_usd as double) as annual_median_usd,
        cast(cells.annual_p90_usd as double) as annual_p90_usd,
        cells.annual_mean_usd_null_reason as annual_mean_null_reason,
        case
            when cells.annual_mean_usd is not null
                then rank() over (
                    partition by cells.occupation_code, areas.area_type
                    order by cells.annual_mean_usd desc nulls last
                )
        end as annual_mean_rank,
        cells.series_id

    from cells
    inner join occupations
        on cells.occupation_code = occupations.occupation_code
    inner join areas
        on cells.area_code = areas.area_code

)

select * from final
