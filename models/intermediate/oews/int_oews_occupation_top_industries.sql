{#-
    For each occupation, the industry that pays it best nationally: the highest annual mean
    wage among the sector-level industries (NAICS sectors and the OEWS government
    designations, display level 2) whose cells have one.
-#}

with

cells as (

    select * from {{ ref('stg_oews__cells') }}
    where
        area_type_code = 'N'
        and annual_mean_usd is not null

),

industries as (

    select * from {{ ref('stg_oews__industries') }}
    where display_level = 2

),

ranked as (

    select
        cells.occupation_code,
        industries.industry_code,
        industries.industry_short_name,
        cells.annual_mean_usd,
        row_number() over (
            partition by cells.occupation_code
            order by cells.annual_mean_usd desc, industries.industry_code asc
        ) as pay_rank

    from cells
    inner join industries
        on cells.industry_code = industries.industry_code

),

final as (

    select
        occupation_code,
        industry_code as best_paying_industry_code,
        industry_short_name as best_paying_industry,
        annual_mean_usd as best_paying_industry_annual_mean_usd

    from ranked
    where pay_rank = 1

)

select * from final
