{#-
    A relation as a model's SQL should name it. On DuckDB without the database (the
    catalog), which is the file's name and changes with it: "marts"."dim_roles" rather than
    "job_compare"."marts"."dim_roles". Other adapters keep dbt's full name.
-#}
{% macro relation_without_catalog(relation) -%}
    {{ return(adapter.dispatch('relation_without_catalog', 'job_compare')(relation)) }}
{%- endmacro %}

{% macro default__relation_without_catalog(relation) -%}
    {{ return(relation) }}
{%- endmacro %}

{% macro duckdb__relation_without_catalog(relation) -%}
    {{ return(relation.include(database=false)) }}
{%- endmacro %}
