{#-
    The columns every raw page table shares, renamed the same way in every staging model:
    provenance (page and line), the role's position on the page, its name and natural key.
-#}
{% macro page_role_columns() -%}
        page_id,
        cast(line_number as {{ dbt.type_int() }}) as line_number,
        cast(role_position as {{ dbt.type_int() }}) as role_position,
        role_name,
        {{ role_key('role_name') }} as role_key
{%- endmacro %}

{#- The columns of a raw table row ("Yearly salary" | "$36,097"), for the four table seeds. -#}
{% macro page_fact_columns() -%}
        {{ page_role_columns() }},
        fact_label,
        {{ canonical_key('fact_label', '_') }} as fact_name,
        fact_value,
        reading as value_reading,
        {{ missing_as_null('fact_value') }} is null as is_missing
{%- endmacro %}
