{#- Percent as written: "-4%" -> -4, "6%" -> 6, "32.1%" -> 32.1; "-" -> null. -#}
{% macro parse_percent(expression) -%}
    {{ dbt.safe_cast(
        regexp_group(missing_as_null(expression), '^(-?[0-9]+(?:[.][0-9]+)?)%$'),
        "decimal(9, 2)"
    ) }}
{%- endmacro %}
