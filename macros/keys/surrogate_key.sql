{#-
    The project's one surrogate key: a 60-bit integer taken from the md5 hash of the given
    columns' text, with nulls and the separator spelled out so that ('a-', 'b') and
    ('a', '-b') never collide. Integers keep wide pair tables narrow and joins cheap; the
    unique tests on every key guard against the (about 1 in 10^13 per pair) collision.
-#}
{% macro surrogate_key(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append(
            "coalesce(cast(" ~ column ~ " as " ~ dbt.type_string() ~ "), '_null_')"
        ) -%}
        {%- if not loop.last %}{% do parts.append("'|'") %}{% endif -%}
    {%- endfor -%}
    {{ hash_to_bigint(dbt.hash(dbt.concat(parts))) }}
{%- endmacro %}
