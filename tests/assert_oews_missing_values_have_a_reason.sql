-- Every OEWS value is either a number or null with the reason it is missing (never a
-- zero standing in for a missing value): a row is a series where a measure breaks this.
with

cells as (

    select * from {{ ref('stg_oews__cells') }}

),

problems as (

    select series_id
    from cells
    where
        false
        {%- for _, name, _ in oews_measures() %}
        or ({{ name }} is null) != ({{ name }}_null_reason is not null)
        {%- endfor %}

)

select * from problems
