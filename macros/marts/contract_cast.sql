{#-
    `expression` cast to the type the model's contract gives column `column_name` (its YAML
    data_type), or as it is where the contract does not name the column. For arithmetic
    whose type engines derive differently: a decimal(18, 2) minus a decimal(18, 2) is a
    decimal(18, 2) on DuckDB and a decimal(19, 2) on Spark, and a contract compares types.
-#}
{% macro contract_cast(expression, column_name) -%}
    {%- set column = model.columns.get(column_name) if model is defined and model.columns else none -%}
    {%- set data_type = column.data_type if column else none -%}
    {%- if data_type -%}
        cast({{ expression }} as {{ data_type }})
    {%- else -%}
        {{ expression }}
    {%- endif -%}
{%- endmacro %}
