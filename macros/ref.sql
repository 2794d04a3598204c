{#-
    Overrides dbt's ref: the relation a model reads, without its database where the adapter
    needs that (relation_without_catalog). On DuckDB a view's SQL is stored as written, so a
    view that named "job_compare"."marts"."dim_roles" would fail in a copy under another name
    or under `attach ... as other`; "marts"."dim_roles" binds in the view's own file.
-#}
{% macro ref() -%}
    {{ return(relation_without_catalog(builtins.ref(*varargs, **kwargs))) }}
{%- endmacro %}
