{#-
    One row per detailed occupation of the OEWS May 2025 release (830): national
    employment and wages with their percentiles, the reason for every missing wage, and
    where it pays best (state, metro area, industry).
-#}

{%- set wages = [
    'hourly_mean_usd', 'annual_mean_usd',
    'hourly_p10_usd', 'hourly_p25_usd', 'hourly_median_usd', 'hourly_p75_usd', 'hourly_p90_usd',
    'annual_p10_usd', 'annual_p25_usd', 'annual_median_usd', 'annual_p75_usd', 'annual_p90_usd',
] %}

with

occupations as (

    select * from {{ ref('int_oews_national_occupations') }}

),

top_areas as (

    select * from {{ ref('int_oews_occupation_top_areas') }}

),

top_industries as (

    select * from {{ ref('int_oews_occupation_top_industries') }}

),

final as (

    select
        occupations.occupation_id,
        occupations.occupation_code,
        occupations.soc_code,
        occupations.occupation_title,
        occupations.employment,
        occupations.employment_rse_pct,
        {%- for column in wages %}
        occupations.{{ column }},
        {%- endfor %}
        {%- for column in wages %}
        occupations.{{ column }}_null_reason as {{ column | replace('_usd', '') }}_null_reason,
        {%- endfor %}
        top_areas.highest_paying_state,
        top_areas.highest_paying_state_annual_mean_usd,
        top_areas.highest_paying_metro,
        top_areas.highest_paying_metro_annual_mean_usd,
        top_industries.best_paying_industry,
        top_industries.best_paying_industry_annual_mean_usd

    from occupations
    left join top_areas
        on occupations.occupation_code = top_areas.occupation_code
    left join top_industries
        on occupations.occupation_code = top_industries.occupation_code

)

select * from final
