{#- A plain number as written: "44" -> 44, "4.5" -> 4.5; "-" -> null. -#}
{% macro parse_number(expression) -%}
    {{ dbt.safe_cast(
        regexp_group(missing_as_null(expression), '^([0-9]+(?:[.][0-9]+)?)$'),
        "decimal(9, 2)"
    ) }}
{%- endmacro %}
