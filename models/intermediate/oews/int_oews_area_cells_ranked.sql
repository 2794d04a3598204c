{#-
    The cross-industry cells of every occupation in every state and metro area, named, with
    the rank of the annual mean wage among the areas of the same type (rank: ties share it;
    pay_rank: ties broken by area code, so exactly one area is first). Read by the highest
    paying areas and by the wages-by-area mart.
-#}

with

cells as (

    select * from {{ ref('stg_oews__cells') }}
    where
        industry_code = '000000'
        and area_type_code in ('S', 'M')

),

areas as (

    select * from {{ ref('stg_oews__areas') }}

),

final as (

    select
        cells.series_id,
        cells.occupation_code,
        areas.area_type,
        areas.area_code,
        areas.area_name,
        areas.state_fips_code,
        cells.employment,
        cells.employment_per_1000_jobs,
        cells.location_quotient,
        cells.hourly_mean_usd,
        cells.annual_mean_usd,
        cells.annual_p10_usd,
        cells.annual_median_usd,
        cells.annual_p90_usd,
        cells.annual_mean_usd_null_reason,
        -- Ranks are bigints on DuckDB and ints on Spark: cast to the contract's bigint.
        cast(case
            when cells.annual_mean_usd is not null
                then rank() over (
                    partition by cells.occupation_code, areas.area_type
                    order by cells.annual_mean_usd desc nulls last
                )
        end as {{ dbt.type_bigint() }}) as annual_mean_rank,
        cast(case
            when cells.annual_mean_usd is not null
                then row_number() over (
                    partition by cells.occupation_code, areas.area_type
                    order by cells.annual_mean_usd desc nulls last, areas.area_code asc
                )
        end as {{ dbt.type_bigint() }}) as pay_rank

    from cells
    inner join areas
        on cells.area_code = areas.area_code

)

select * from final
