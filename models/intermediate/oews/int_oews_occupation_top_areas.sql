{#-
    For each occupation, the state and the metro area where it pays best: the highest
    annual mean wage among that kind of area's cross-industry cells that have one.
-#}

with

cells as (

    select * from {{ ref('stg_oews__cells') }}
    where
        industry_code = '000000'
        and area_type_code in ('S', 'M')
        and annual_mean_usd is not null

),

areas as (

    select * from {{ ref('stg_oews__areas') }}

),

ranked as (

    select
        cells.occupation_code,
        areas.area_type,
        areas.area_code,
        areas.area_name,
        cells.annual_mean_usd,
        row_number() over (
            partition by cells.occupation_code, areas.area_type
            order by cells.annual_mean_usd desc, areas.area_code asc
        ) as pay_rank

    from cells
    inner join areas
        on cells.area_code = areas.area_code

),

final as (

    select
        occupation_code,
        max(case when area_type = 'state' then area_name end) as highest_paying_state,
        max(case when area_type = 'state' then annual_mean_usd end)
            as highest_paying_state_annual_mean_usd,
        max(case when area_type = 'metro' then area_name end) as highest_paying_metro,
        max(case when area_type = 'metro' then annual_mean_usd end)
            as highest_paying_metro_annual_mean_usd

    from ranked
    where pay_rank = 1
    group by occupation_code

)

select * from final
