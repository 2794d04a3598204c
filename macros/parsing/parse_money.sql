{#-
    Money as the pages write it: "$36,097" -> 36097.00, "$17.35" -> 17.35, "$36097" -> 36097.00
    (thousands separators optional). "-" -> null. Text that is not money also gives null;
    the staging tests fail on any such row, naming its page and line.
-#}
{% macro parse_money(expression) -%}
    {%- set digits = regexp_group(
        missing_as_null(expression),
        '^[$]((?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]+)(?:[.][0-9]{1,2})?)$'
    ) -%}
    {{ dbt.safe_cast(dbt.replace(digits, "','", "''"), "decimal(18, 2)") }}
{%- endmacro %}
