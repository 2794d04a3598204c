{#-
    The text that group `group_number` of `pattern` matches in `expression`; null (or an
    empty string on DuckDB, which nullif turns into null) when it does not match.
    Regular expressions are not portable SQL, so each adapter gets its own implementation.
-#}
{% macro regexp_group(expression, pattern, group_number=1) -%}
    {{ return(adapter.dispatch('regexp_group', 'job_compare')(expression, pattern, group_number)) }}
{%- endmacro %}

{% macro default__regexp_group(expression, pattern, group_number) -%}
    {{ exceptions.raise_compiler_error(
        "regexp_group has no implementation for the " ~ adapter.type() ~ " adapter"
    ) }}
{%- endmacro %}

{% macro duckdb__regexp_group(expression, pattern, group_number) -%}
    nullif(regexp_extract({{ expression }}, '{{ pattern }}', {{ group_number }}), '')
{%- endmacro %}

{% macro postgres__regexp_group(expression, pattern, group_number) -%}
    (regexp_match({{ expression }}, '{{ pattern }}'))[{{ group_number }}]
{%- endmacro %}
