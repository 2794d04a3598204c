{#-
    Overrides dbt's get_where_subquery, which applies a data test's `where` config, to expand
    two markers when the test runs (dbt renders a `where` when it parses the project, before
    the build it checks is known; this runs when the test does):
        __changed_pairs_or_all__     every row after a full build of fct_role_pairs; after an
                                     incremental one, the pairs of the roles it recomputed
                                     and the sample of var pair_test_sample (on role_a_id and
                                     role_b_id: for fct_role_pairs)
        __changed_pairs_or_sample__  the sample of var pair_test_sample after a full build;
                                     after an incremental one, the same as above, each
                                     role's side selected on its own (pair_test_subquery)
    (pair_test_rows, macros/marts/pair_fact_builds.sql). Any other `where` applies as written.
-#}
{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- if where == '__changed_pairs_or_all__' -%}
        {%- set where = pair_test_rows('true', by_id=true) -%}
    {%- elif where == '__changed_pairs_or_sample__' -%}
        {{ return(pair_test_subquery(relation, var('pair_test_sample', 'true'))) }}
    {%- endif -%}
    {%- if where -%}
        {{ return('(' ~ tested_rows(relation, where) ~ ') dbt_subquery') }}
    {%- endif -%}
    {{ return(relation) }}
{%- endmacro %}

{#- The select of the rows of `relation` that meet `condition`, for a data test. The relation
    gets an alias (as tested): without one, Spark reads "from t where (x)" as the table t
    aliased "where" with one column named x, and the query fails. -#}
{% macro tested_rows(relation, condition) -%}
    {{ return('select * from ' ~ relation ~ ' as tested where ' ~ condition) }}
{%- endmacro %}
