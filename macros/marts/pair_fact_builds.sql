{#-
    What a build of the incremental pair fact (fct_role_pairs) leaves for the next build and
    for the tests of the pairs.

    The fingerprints the pairs were built from are kept beside the pair fact, in the table
    pair_fact_built_fingerprints() names (one row per role: role_key, role_id (the
    surrogate key of role_key, as in dim_roles), role_fingerprint combined with the model's
    definition, and is_recomputed). is_recomputed says whether the
    last build recomputed that role's pairs: every role after a full build (--full-refresh,
    the first build, or a change to the model's SQL or to the catalogue, which changes every
    fingerprint), only the new and changed roles after an incremental one. E.g. after adding
    10 roles to 10,000, 10 or 11 roles are recomputed and their 100,000 pairs are the rows
    that changed.

    pair_test_conditions(full_build_rows) turns that into the rows a data test of the pairs
    checks: after a full build, full_build_rows (every pair, or the var pair_test_sample's
    sample); after an incremental build, the pairs of the recomputed roles plus the sample of
    var pair_test_sample. pair_test_rows gives them as one condition (for the pair fact) and
    pair_test_subquery as a subquery (for the views over the pairs). They are expanded when
    the test runs, not when dbt parses the project (get_where_subquery, in macros/), because
    only then is the last build known.
-#}

{#- The table of the fingerprints the pair fact was built from, in the intermediate schema. -#}
{% macro pair_fact_built_fingerprints() -%}
    {{ return(api.Relation.create(
        database=target.database if target.database is defined else none,
        schema=generate_schema_name('intermediate', none) | trim,
        identifier='int_role_fingerprints__in_pair_fact',
    )) }}
{%- endmacro %}

{#- Post-hook of the pair fact: delete the pairs of roles that are gone. Renders nothing (so
    dbt runs nothing) after a full build, which only computed pairs of present roles, and
    when no role the pairs were built from is gone, the usual incremental run: the delete
    would scan every pair for nothing. -#}
{% macro delete_pairs_of_removed_roles(roles) -%}
    {%- if execute and not is_incremental() -%}
        {{ return('') }}
    {%- endif -%}
    {%- set built = load_relation(pair_fact_built_fingerprints()) -%}
    {%- if execute and built is not none -%}
        {%- set removed = run_query(
            "select count(*) from " ~ built
            ~ " where role_key not in (select role_key from " ~ roles ~ ")"
        ).columns[0].values()[0] -%}
        {%- if removed == 0 -%}
            {{ return('') }}
        {%- endif -%}
    {%- endif %}
    delete from {{ this }}
    where
        role_a_id not in (select role_id from {{ roles }})
        or role_b_id not in (select role_id from {{ roles }})
{%- endmacro %}

{#- Post-hook of the pair fact: keep the fingerprints it was built from, and which roles this
    build recomputed (the same test as the model's: new, or a fingerprint that differs). -#}
{% macro keep_pair_fact_fingerprints(fingerprints) -%}
    {%- set built = pair_fact_built_fingerprints() -%}
    {%- set compared = is_incremental() and load_relation(built) is not none
        and 'is_recomputed' in (adapter.get_columns_in_relation(built)
            | map(attribute='name') | list) -%}
    {#- Spark's own tables (Parquet, no Delta Lake here) cannot be replaced in one statement. -#}
    {%- if execute and target.type == 'spark' -%}
        {%- do run_query('drop table if exists ' ~ built) -%}
    {%- endif %}
    {{ 'create table' if target.type == 'spark' else 'create or replace table' }} {{ built }} as
    select
        fingerprints.role_key,
        {{ surrogate_key(['fingerprints.role_key']) }} as role_id,
        {{ fingerprint_with_definition('fingerprints.role_fingerprint') }} as role_fingerprint,
        {% if compared -%}
        built.role_key is null as is_recomputed
        {%- else -%}
        true as is_recomputed
        {%- endif %}

    from {{ fingerprints }} as fingerprints
    {% if compared -%}
    left join {{ built }} as built
        on
            fingerprints.role_key = built.role_key
            and {{ fingerprint_with_definition('fingerprints.role_fingerprint') }}
            = built.role_fingerprint
    {%- endif %}
{%- endmacro %}

{#- The rows a data test of the pairs checks (see the header), as conditions on the two
    roles' keys (role_a_key, role_b_key: the views) or, with by_id, on their ids (role_a_id,
    role_b_id: fct_role_pairs): after a full build one, full_build_rows; after an
    incremental build two, role a among the recomputed or sampled roles, and role b among
    the recomputed roles. The roles are looked up among the roles (thousands of rows, not
    millions of pairs) and listed as literals, so that the test filters the pairs on one
    column at a time rather than evaluating the sample's condition on every pair. -#}
{% macro pair_test_conditions(full_build_rows, by_id=false) -%}
    {%- set built = pair_fact_built_fingerprints() -%}
    {%- if not execute or load_relation(built) is none -%}
        {{ return(['(' ~ full_build_rows ~ ')']) }}
    {%- endif -%}
    {%- set counts = run_query(
        "select count(*), count(case when is_recomputed then 1 end) from " ~ built
    ) -%}
    {%- set roles = counts.columns[0].values()[0] -%}
    {%- if counts.columns[1].values()[0] == roles -%}
        {{ return(['(' ~ full_build_rows ~ ')']) }}
    {%- endif -%}
    {%- set suffix = '_id' if by_id else '_key' -%}
    {{ return([
        role_keys_condition(
            'role_a' ~ suffix, built,
            'is_recomputed or (' ~ var('pair_test_sample', 'true') ~ ')', roles
        ),
        role_keys_condition('role_b' ~ suffix, built, 'is_recomputed', roles),
    ]) }}
{%- endmacro %}

{#- pair_test_conditions as one condition, either of them. -#}
{% macro pair_test_rows(full_build_rows, by_id=false) -%}
    {{ return('(' ~ pair_test_conditions(full_build_rows, by_id) | join(' or ') ~ ')') }}
{%- endmacro %}

{#- The rows of `relation` (a view over every pair) that a data test checks, as a subquery
    named dbt_subquery: pair_test_conditions on the keys, and after an incremental build
    each of the two as its own select, stacked. A view joins each role to the pairs, so a
    condition on one role reaches the table through that join, and only the pairs of the
    listed roles are read; "role a among these or role b among those" names both sides at
    once, so every pair was joined first and filtered after (at 10,000 roles, 7 to 20 s a
    test). -#}
{% macro pair_test_subquery(relation, full_build_rows) -%}
    {%- set conditions = pair_test_conditions(full_build_rows) -%}
    {%- if conditions | length == 1 -%}
        {{ return('(' ~ tested_rows(relation, conditions[0]) ~ ') dbt_subquery') }}
    {%- endif -%}
    {{ return(
        '(' ~ tested_rows(relation, conditions[0]) ~ ' union all '
        ~ tested_rows(relation, conditions[1] ~ ' and not coalesce(' ~ conditions[0] ~ ', false)')
        ~ ') dbt_subquery'
    ) }}
{%- endmacro %}

{#- `column` (role_a_key or role_b_key, or the _id columns) among the roles of `built` that
    meet `condition` (SQL on role_a_key, as the var pair_test_sample is written, or on the
    table's columns): 'true' when all `roles` do, the keys or ids as literals up to 1,000 of
    them, else a subquery. -#}
{% macro role_keys_condition(column, built, condition, roles) -%}
    {%- set value = 'role_id' if column.endswith('_id') else 'role_key' -%}
    {%- set selected = "select " ~ value ~ " from (select *, role_key as role_a_key from "
        ~ built ~ ") as roles where " ~ condition -%}
    {%- set keys = run_query(selected ~ " order by " ~ value ~ " limit 1001")
        .columns[0].values() -%}
    {%- if keys | length == 0 -%}
        {{ return('false') }}
    {%- elif keys | length > 1000 -%}
        {%- if run_query("select count(*) from (" ~ selected ~ ") as selected")
            .columns[0].values()[0] == roles -%}
            {{ return('true') }}
        {%- endif -%}
        {{ return(column ~ ' in (' ~ selected ~ ')') }}
    {%- elif keys | length == roles -%}
        {{ return('true') }}
    {%- endif -%}
    {%- set listed = [] -%}
    {%- for key in keys -%}
        {%- if value == 'role_id' -%}
            {%- do listed.append(key | int | string) -%}
        {%- else -%}
            {%- do listed.append("'" ~ (key | replace("'", "''")) ~ "'") -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(column ~ ' in (' ~ listed | join(', ') ~ ')') }}
{%- endmacro %}
