{#-
    Every OEWS value in long form: one row per series and measure (17 per series), the
    value as a number or null, and why it is null. A view: about 6.3 million rows.
-#}

with

cells as (

    select * from {{ ref('stg_oews__cells') }}

),

measures as (

    {%- for code, name, _ in oews_measures() %}
    select
        series_id,
        area_type_code,
        area_code,
        industry_code,
        occupation_code,
        '{{ code }}' as datatype_code,
        '{{ name }}' as measure_name,
        cast({{ name }} as decimal(18, 3)) as measure_value,
        {{ name }}_null_reason as null_reason
    from cells
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

)

select * from measures
