{#-
    "Between $22,000 And $58,000": parse_money_range_low gives 22000.00,
    parse_money_range_high gives 58000.00; "-" gives null for both.
-#}
{% macro parse_money_range_low(expression) -%}
    {{ parse_money(regexp_group(missing_as_null(expression), '^Between ([$][0-9,.]+) And [$][0-9,.]+$')) }}
{%- endmacro %}

{% macro parse_money_range_high(expression) -%}
    {{ parse_money(regexp_group(missing_as_null(expression), '^Between [$][0-9,.]+ And ([$][0-9,.]+)$')) }}
{%- endmacro %}
