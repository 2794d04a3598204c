{#-
    Use the configured schema name as it is (raw, staging, intermediate, marts) rather than
    dbt's default "<target schema>_<custom schema>", so analysts query marts.dim_roles.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
