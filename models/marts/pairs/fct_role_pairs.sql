{#-
    One row per unordered pair of roles (role a's key sorts first): the two roles' ids and
    the differences, always role a minus role b, of the page facts the catalogue (var
    page_facts) compares. The roles are named by their integer role_id (dim_roles), not by
    their text keys: at 5,000 roles (12.5 M pairs) writing the two roles' text keys took
    about half of the model's time (the higher-paid role's key cost nothing measurable).
    pair_id is still the surrogate key of the two text keys, the same value as
    int_role_pairs gives. Names, keys and facts stay in dim_roles; rpt_role_comparisons
    shows both roles, with their keys, side by side in both orientations.

    Incremental: a run recomputes only the pairs that involve a role whose fingerprint
    (facts, pages and skills) is new or changed since the pairs were built, replacing them
    by pair_id, and deletes the pairs of roles that are gone. The fingerprints the table
    was built from are kept beside it, in the intermediate schema, combined with a digest
    of this file and of the catalogue of page facts, so that a change to this SQL or to
    what the catalogue compares recomputes every pair. --full-refresh
    recomputes every pair. After the build the post-hooks delete the pairs of removed roles
    (only when a role is gone) and keep the fingerprints, marking the roles this build
    recomputed, whose pairs the pair tests then check (macros/marts/pair_fact_builds.sql).
    Within the query, roles are numbered (in key order) so that the N * (N - 1) / 2 pairs
    are joined on one integer, the pair number (role a's number times a million plus role
    b's), rather than on text, and each pair is computed in one pass
    over two role profiles: a role's facts, its skill count and its skills as a bitmap
    (macros/marts/skill_bitmaps.sql: as many 63-bit words as the skills in int_role_skills
    need, counted when the model runs). Shared skills are the bits two bitmaps have in
    common, so skills are matched on the conformed skill's surrogate key (skill_id, from
    skill_key: spellings that differ only in case are one skill), each once per role (the
    role and skill key are unique in int_role_skills).
-#}

{%- set built_fingerprints = pair_fact_built_fingerprints() -%}
{%- set skill_words = skill_bitmap_word_count(ref('int_role_skills')) -%}
{%- set incremental = is_incremental() and load_relation(built_fingerprints) is not none -%}

{#- On Spark a table, rebuilt whole by each build: delete+insert is not a Spark strategy, and
    merge needs Delta Lake or Iceberg, whose jars come from Maven (README: Running on Spark). -#}
{{ config(
    materialized='table' if target.type == 'spark' else 'incremental',
    unique_key='pair_id',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    post_hook=[
        "{{ delete_pairs_of_removed_roles(ref('int_roles_conformed')) }}",
        "{{ keep_pair_fact_fingerprints(ref('int_role_fingerprints')) }}",
    ]
) }}

with

roles as (

    select * from {{ ref('int_roles_conformed') }}

),

fingerprints as (

    select * from {{ ref('int_role_fingerprints') }}

),

skills as (

    select * from {{ ref('int_role_skills') }}

),

compared_on_pages as (

    select * from {{ ref('int_role_pairs_compared_on_pages') }}

),

{% if incremental %}

built as (

    select * from {{ built_fingerprints }}

),

{% endif %}

numbered_roles as (

    select
        roles.*,
        row_number() over (order by roles.role_key) as role_number,
        {% if incremental -%}
        built.role_key is null as needs_pairs
        {%- else -%}
        true as needs_pairs
        {%- endif %}

    from roles
    inner join fingerprints
        on roles.role_key = fingerprints.role_key
    {% if incremental -%}
    left join built
        on
            fingerprints.role_key = built.role_key
            and {{ fingerprint_with_definition('fingerprints.role_fingerprint') }}
            = built.role_fingerprint
    {%- endif %}

),

pair_numbers as (

    {% if incremental -%}
    {#- each pair with a role that needs its pairs, once: from its smaller changed role -#}
    select
        least(changed.role_number, other.role_number) as role_a_number,
        greatest(changed.role_number, other.role_number) as role_b_number,
        {{ pair_number(
            'least(changed.role_number, other.role_number)',
            'greatest(changed.role_number, other.role_number)'
        ) }} as pair_number

    from numbered_roles as changed
    inner join numbered_roles as other
        on changed.role_number != other.role_number
    where
        changed.needs_pairs
        and not (other.needs_pairs and other.role_number < changed.role_number)
    {%- else -%}
    select
        role_a.role_number as role_a_number,
        role_b.role_number as role_b_number,
        {{ pair_number('role_a.role_number', 'role_b.role_number') }} as pair_number

    from numbered_roles as role_a
    inner join numbered_roles as role_b
        on role_a.role_number < role_b.role_number
    {%- endif %}

),

numbered_skills as (

    select
        role_key,
        dense_rank() over (order by skill_id) - 1 as skill_number

    from skills

),

skill_bitmaps as (

    select
        role_key,
        {%- for word in range(skill_words) %}
        cast(sum(
            case
                when {{ skill_bitmap_word('skill_number') }} = {{ word }}
                    then {{ skill_bitmap_bit('skill_number') }}
                else 0
            end
        ) as {{ dbt.type_bigint() }}) as skill_word_{{ word }},
        {%- endfor %}
        count(*) as skill_count

    from numbered_skills
    group by role_key

),

role_profiles as (

    select
        numbered_roles.*,
        {%- for word in range(skill_words) %}
        coalesce(skill_bitmaps.skill_word_{{ word }}, 0) as skill_word_{{ word }},
        {%- endfor %}
        coalesce(skill_bitmaps.skill_count, 0) as skill_count

    from numbered_roles
    left join skill_bitmaps
        on numbered_roles.role_key = skill_bitmaps.role_key

),

compared_on_page_numbers as (

    select
        {{ pair_number('role_a.role_number', 'role_b.role_number') }} as pair_number,
        compared_on_pages.compared_on_page_ids

    from compared_on_pages
    inner join numbered_roles as role_a
        on compared_on_pages.role_a_key = role_a.role_key
    inner join numbered_roles as role_b
        on compared_on_pages.role_b_key = role_b.role_key

),

compared as (

    select
        role_a.role_key as role_a_key,
        role_b.role_key as role_b_key,
        role_a.role_id as role_a_id,
        role_b.role_id as role_b_id,
        compared_on_page_numbers.compared_on_page_ids,
        compared_on_page_numbers.compared_on_page_ids is not null as is_compared_on_page,
        {%- for column in pair_difference_columns() %}
        {{ contract_cast(
            'role_a.' ~ column.name ~ ' - role_b.' ~ column.name, column.difference
        ) }} as {{ column.difference }},
        {%- if column.ratio is defined %}
        cast(
            round(role_a.{{ column.name }} / nullif(role_b.{{ column.name }}, 0), 4)
            as decimal(10, 4)
        ) as {{ column.ratio }},
        {%- endif %}
        {%- if column.higher_role is defined %}
        case
            when role_a.{{ column.name }} > role_b.{{ column.name }} then role_a.role_id
            when role_b.{{ column.name }} > role_a.{{ column.name }} then role_b.role_id
        end as {{ higher_role_id(column) }},
        {%- endif %}
        {%- endfor %}
        role_a.skill_count as role_a_skill_count,
        role_b.skill_count as role_b_skill_count,
        cast(
            {%- for word in range(skill_words) %}
            {{ shared_bit_count('role_a.skill_word_' ~ word, 'role_b.skill_word_' ~ word) }}
            {{- ' +' if not loop.last }}
            {%- endfor %}
            as {{ dbt.type_bigint() }}
        ) as shared_skill_count

    from pair_numbers
    inner join role_profiles as role_a
        on pair_numbers.role_a_number = role_a.role_number
    inner join role_profiles as role_b
        on pair_numbers.role_b_number = role_b.role_number
    left join compared_on_page_numbers
        on pair_numbers.pair_number = compared_on_page_numbers.pair_number

),

final as (

    select
        {{ surrogate_key(['role_a_key', 'role_b_key']) }} as pair_id,
        role_a_id,
        role_b_id,
        is_compared_on_page,
        compared_on_page_ids,
        {%- for column in pair_difference_columns() %}
        {{ column.difference }},
        {%- if column.ratio is defined %}
        {{ column.ratio }},
        {%- endif %}
        {%- if column.higher_role is defined %}
        {{ higher_role_id(column) }},
        {%- endif %}
        {%- endfor %}
        role_a_skill_count,
        role_b_skill_count,
        shared_skill_count,
        cast(
            round(
                cast(shared_skill_count as decimal(18, 4))
                / nullif(role_a_skill_count + role_b_skill_count - shared_skill_count, 0),
                4
            ) as decimal(6, 4)
        ) as skill_jaccard_index

    from compared

)

select * from final
