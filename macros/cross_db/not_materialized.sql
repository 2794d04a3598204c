{#-
    Written between a CTE's name and its body (`pairs as {{ not_materialized() }} (`) so the
    engine inlines the CTE where it is read instead of computing it once and keeping it.
    DuckDB keeps (materializes) a CTE that a query reads more than once; for an import CTE
    over a pair-sized relation that holds every pair in memory and stops a filter on the view
    from reaching the table (a sampled test of rpt_role_comparisons at 5,000 roles: 2.6 GB
    and 2.7 s kept, 0.08 s inlined). Engines that inline CTEs anyway need nothing.
-#}
{% macro not_materialized() -%}
    {{ return(adapter.dispatch('not_materialized', 'job_compare')()) }}
{%- endmacro %}

{% macro default__not_materialized() -%}
{%- endmacro %}

{% macro duckdb__not_materialized() -%}
    not materialized
{%- endmacro %}

{% macro postgres__not_materialized() -%}
    not materialized
{%- endmacro %}
