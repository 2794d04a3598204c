-- In every OEWS series whose percentiles are all given, they are in order:
-- 10th <= 25th <= median <= 75th <= 90th, hourly and annual. A row is a series that is not.
with

cells as (

    select * from {{ ref('stg_oews__cells') }}

),

problems as (

    select
        series_id,
        annual_p10_usd,
        annual_p25_usd,
        annual_median_usd,
        annual_p75_usd,
        annual_p90_usd
    from cells
    where
        not (
            annual_p10_usd <= annual_p25_usd
            and annual_p25_usd <= annual_median_usd
            and annual_median_usd <= annual_p75_usd
            and annual_p75_usd <= annual_p90_usd
        )
        or not (
            hourly_p10_usd <= hourly_p25_usd
            and hourly_p25_usd <= hourly_median_usd
            and hourly_median_usd <= hourly_p75_usd
            and hourly_p75_usd <= hourly_p90_usd
        )

)

select * from problems
