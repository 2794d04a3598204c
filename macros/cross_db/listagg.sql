{#-
    dbt.listagg on Spark, in order: dbt-spark's ignores the order by clause (with a warning),
    and collect_list keeps no order after a shuffle. Each value is collected with its sort
    keys and the array sorted by them. The clause is "order by <column> [, <column>]" of
    plain columns, ascending, as this project writes it. Reached through the project's
    dispatch search order for the dbt namespace (dbt_project.yml).
-#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
        {{ exceptions.raise_compiler_error("spark__listagg: limit_num is not supported") }}
    {%- endif -%}
    {%- if order_by_clause -%}
        {%- set keys = order_by_clause.strip()[8:].split(',') if order_by_clause.strip().lower().startswith('order by') else none -%}
        {%- if keys is none -%}
            {{ exceptions.raise_compiler_error(
                "spark__listagg: expected 'order by <columns>', got " ~ order_by_clause
            ) }}
        {%- endif -%}
        array_join(transform(array_sort(collect_list(named_struct(
            {%- for key in keys %}
            'k{{ loop.index }}', {{ key.strip() }},
            {%- endfor %}
            'value', {{ measure }}
        ))), entry -> entry.value), {{ delimiter_text }})
    {%- else -%}
        array_join(collect_list({{ measure }}), {{ delimiter_text }})
    {%- endif -%}
{%- endmacro %}
