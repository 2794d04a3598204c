{#-
    dbt.safe_cast on Spark: null where the value does not convert, as on DuckDB (try_cast).
    dbt-spark's is a plain cast, which fails the query under ANSI mode, Spark 4's default.
    Reached through the project's dispatch search order for the dbt namespace.
-#}
{% macro spark__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}
