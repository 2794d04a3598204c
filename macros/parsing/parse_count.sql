{#- A count as written: "192,052" -> 192052, "192052" -> 192052; "-" -> null. -#}
{% macro parse_count(expression) -%}
    {%- set digits = regexp_group(
        missing_as_null(expression), '^((?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]+))$'
    ) -%}
    {{ dbt.safe_cast(dbt.replace(digits, "','", "''"), dbt.type_bigint()) }}
{%- endmacro %}
