{#-
    For each occupation, the state and the metro area where it pays best: the highest
    annual mean wage among that kind of area's cross-industry cells that have one.
-#}

with

ranked as (

    select * from {{ ref('int_oews_area_cells_ranked') }}
    where pay_rank = 1

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
    group by occupation_code

)

select * from final
