{#- The first 60 bits of a hexadecimal md5 hash as a (positive) bigint. -#}
{% macro hash_to_bigint(md5_hex) -%}
    {{ return(adapter.dispatch('hash_to_bigint', 'job_compare')(md5_hex)) }}
{%- endmacro %}

{% macro default__hash_to_bigint(md5_hex) -%}
    {{ exceptions.raise_compiler_error(
        "hash_to_bigint has no implementation for the " ~ adapter.type() ~ " adapter"
    ) }}
{%- endmacro %}

{% macro duckdb__hash_to_bigint(md5_hex) -%}
    cast(('0x' || left({{ md5_hex }}, 15)) as bigint)
{%- endmacro %}

{% macro postgres__hash_to_bigint(md5_hex) -%}
    ('x' || left({{ md5_hex }}, 15))::bit(60)::bigint
{%- endmacro %}

{% macro spark__hash_to_bigint(md5_hex) -%}
    cast(conv(left({{ md5_hex }}, 15), 16, 10) as bigint)
{%- endmacro %}
