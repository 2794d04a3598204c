-- Every table row's text that a page gives (not "-") was read into each value column its
-- fact fills, by the parse rule the catalogue of page facts (var page_facts) names. A row
-- here is a page, line, role position, fact and the raw text that could not be read. It
-- covers every fact of the catalogue, one added later too.
{%- set checks = [] %}
{%- for section in ['overview', 'salary', 'education', 'demographics'] %}
{%- for column in page_fact_warehouse_columns(section) if column.parse is defined %}
{%- do checks.append({'section': section, 'column': column}) %}
{%- endfor %}
{%- endfor %}

with

failures as (

    {%- for check in checks %}

    select
        page_id,
        line_number,
        role_position,
        fact_name,
        '{{ check.column.value }}' as value_column,
        fact_value as raw_text
    from {{ ref('stg_pages__' ~ check.section) }}
    where
        fact_name = '{{ check.column.fact }}'
        and not is_missing
        and {{ check.column.value }} is null
    {%- if not loop.last %}

    union all
    {%- endif %}
    {%- endfor %}

)

select * from failures
