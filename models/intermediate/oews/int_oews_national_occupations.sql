{#-
    The national, cross-industry figures of every detailed occupation (830): employment,
    wages and their percentiles, with the reason for each missing wage.
-#}

with

occupations as (

    select * from {{ ref('stg_oews__occupations') }}
    where is_detailed

),

cells as (

    select * from {{ ref('stg_oews__cells') }}
    where
        area_type_code = 'N'
        and industry_code = '000000'

),

final as (

    select
        {{ surrogate_key(['occupations.occupation_code']) }} as occupation_id,
        occupations.occupation_code,
        occupations.soc_code,
        occupations.occupation_title,
        {%- for _, name, _ in oews_measures() %}
        cells.{{ name }},
        cells.{{ name }}_null_reason,
        {%- endfor %}
        cells.series_id

    from occupations
    left join cells
        on occupations.occupation_code = cells.occupation_code

)

select * from final
