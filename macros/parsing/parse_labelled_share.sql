{#-
    "Bachelor's Degree, 33%" and "Cleanliness, 65%": a label and a share of 100.
    parse_share_label returns the label ("Bachelor's Degree"), parse_share_pct the share (33).
-#}
{% macro parse_share_label(expression) -%}
    trim({{ regexp_group(missing_as_null(expression), '^(.+), [0-9]+(?:[.][0-9]+)?%$') }})
{%- endmacro %}

{% macro parse_share_pct(expression) -%}
    {{ dbt.safe_cast(
        regexp_group(missing_as_null(expression), '^.+, ([0-9]+(?:[.][0-9]+)?)%$'),
        "decimal(9, 2)"
    ) }}
{%- endmacro %}
