{#-
    A raw table, wherever it was loaded from: the dbt seed of that name (the default, for
    the committed pages), or with --vars '{raw_source: external, raw_path: DIR}' the CSV
    file DIR/<name>.csv read by DuckDB directly (for large inputs, where dbt seed is slow).
    Staging models read raw tables only through this macro, so they do not care which.
-#}
{% macro raw_table(name) -%}
    {%- if var('raw_source', 'seeds') == 'external' -%}
        {{ source('raw_files', name) }}
    {%- else -%}
        {{ ref(name) }}
    {%- endif -%}
{%- endmacro %}
