{#- The pages write "-" for an unknown value; that, and empty text, become null. -#}
{% macro missing_as_null(expression) -%}
    nullif(nullif(trim({{ expression }}), '-'), '')
{%- endmacro %}
