{#-
    dbt seed's insert on Spark, with each value written as a SQL literal. dbt-spark's session
    connection splices bindings into the statement between apostrophes without escaping
    them, so a value holding an apostrophe ("Entry-level ... isn't") broke the statement.
    Here backslashes and apostrophes are escaped as Spark reads string literals, and an
    empty cell is null. Reached through the project's dispatch search order (namespace dbt).
-#}
{% macro spark__load_csv_rows(model, agate_table) -%}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                (
                {%- for value in row -%}
                    {%- set name = agate_table.column_names[loop.index0] -%}
                    {%- set type = column_override.get(
                        name, adapter.convert_type(agate_table, loop.index0)) -%}
                    {%- if value is none -%}
                        cast(null as {{ type }})
                    {%- elif value is string -%}
                        cast('{{ value | replace("\\", "\\\\") | replace("'", "\\'") }}' as {{ type }})
                    {%- else -%}
                        cast('{{ value }}' as {{ type }})
                    {%- endif -%}
                    {{- ', ' if not loop.last -}}
                {%- endfor -%}
                ){{ ',' if not loop.last }}
            {% endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.first -%}
            {%- do statements.append(sql) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{%- endmacro %}
