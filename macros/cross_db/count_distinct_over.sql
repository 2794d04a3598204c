{#-
    How many distinct non-null values `expression` takes in each window of `partition_by`
    (a comma-separated column list), as a bigint. Spark has no distinct window aggregates;
    the size of the window's set of values is the same number.
-#}
{% macro count_distinct_over(expression, partition_by) -%}
    {{ return(adapter.dispatch('count_distinct_over', 'job_compare')(expression, partition_by)) }}
{%- endmacro %}

{% macro default__count_distinct_over(expression, partition_by) -%}
    count(distinct {{ expression }}) over (partition by {{ partition_by }})
{%- endmacro %}

{% macro spark__count_distinct_over(expression, partition_by) -%}
    cast(size(collect_set({{ expression }}) over (partition by {{ partition_by }})) as bigint)
{%- endmacro %}
