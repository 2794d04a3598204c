{#- "Goldsboro, NC": parse_city_name gives 'Goldsboro', parse_city_state_code gives 'NC'. -#}
{% macro parse_city_name(expression) -%}
    trim({{ regexp_group(missing_as_null(expression), '^([^,]+), [A-Z]{2}$') }})
{%- endmacro %}

{% macro parse_city_state_code(expression) -%}
    {{ regexp_group(missing_as_null(expression), '^[^,]+, ([A-Z]{2})$') }}
{%- endmacro %}
