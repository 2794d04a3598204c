{#-
    Each role's skills as a bitmap, so that a pair's shared skills are counted with a few
    bit operations instead of a join on skill: skills are numbered from 0 (skill_number),
    skill n is bit mod(n, 63) of word n / 63, and a word is a bigint (63 bits, never
    negative). E.g. 400 skills take 7 words; a pair shares
        shared_bit_count(a.word_0, b.word_0) + ... + shared_bit_count(a.word_6, b.word_6)
    skills.
-#}

{#- Bits in one word: 63, so that a word is a non-negative bigint everywhere. -#}
{% macro skill_bitmap_word_bits() -%}
    {{ return(63) }}
{%- endmacro %}

{#- How many words the skills of `relation` (one row per role and skill, column skill_id)
    need, counted from the data when the model runs; 1 while dbt only parses, or compiles
    before the relation is built (sqlfluff), when a query on it would fail anyway. -#}
{% macro skill_bitmap_word_count(relation) -%}
    {%- if not execute or load_relation(relation) is none -%}
        {{ return(1) }}
    {%- endif -%}
    {%- set counted = run_query(
        "select count(distinct skill_id) from " ~ relation
    ).columns[0].values()[0] -%}
    {%- set bits = skill_bitmap_word_bits() -%}
    {{ return([1, ((counted | int) + bits - 1) // bits] | max) }}
{%- endmacro %}

{#- The word (from 0) that holds skill number `skill_number`, as an integer. -#}
{% macro skill_bitmap_word(skill_number) -%}
    {%- set bits = skill_bitmap_word_bits() -%}
    cast(({{ skill_number }} - mod({{ skill_number }}, {{ bits }})) / {{ bits }} as {{
        dbt.type_int() }})
{%- endmacro %}

{#- The bit of skill number `skill_number` inside its word, as a bigint power of two. -#}
{% macro skill_bitmap_bit(skill_number) -%}
    cast(power(2, mod({{ skill_number }}, {{ skill_bitmap_word_bits() }})) as {{
        dbt.type_bigint() }})
{%- endmacro %}

{#- How many bits two words (bigint expressions, never negative) have in common. -#}
{% macro shared_bit_count(word_a, word_b) -%}
    {{ return(adapter.dispatch('shared_bit_count', 'job_compare')(word_a, word_b)) }}
{%- endmacro %}

{#- No default: `/` on bigints is integer division on some engines and float division on
    others (DuckDB, Spark), where a 63-bit word loses bits, so a generic formula would count
    wrongly without failing. An adapter without an implementation stops the compile. -#}
{% macro default__shared_bit_count(word_a, word_b) -%}
    {{ exceptions.raise_compiler_error(
        "shared_bit_count has no implementation for adapter '" ~ adapter.type()
        ~ "': add " ~ adapter.type() ~ "__shared_bit_count (bit_count(a & b) where the "
        ~ "engine has it) in macros/marts/skill_bitmaps.sql"
    ) }}
{%- endmacro %}

{% macro duckdb__shared_bit_count(word_a, word_b) -%}
    bit_count({{ word_a }} & {{ word_b }})
{%- endmacro %}

{% macro spark__shared_bit_count(word_a, word_b) -%}
    bit_count({{ word_a }} & {{ word_b }})
{%- endmacro %}
