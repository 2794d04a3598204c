{#-
    The text that group `group_number` of `pattern` matches in `expression`; null (or an
    empty string on DuckDB, which nullif turns into null) when it does not match.
    Regular expressions are not portable SQL, so each adapter gets its own implementation.
-#}
{% macro regexp_group(expression, pattern, group_number=1) -%}
    {{ return(adapter.dispatch('regexp_group', 'job_compare')(expression, pattern, group_number)) }}
{%- endmacro %}

{% macro default__regexp_group(expression, pattern, group_number) -%}
    {{ exceptions.raise_compiler_error(
        "regexp_group has no implementation for the " ~ adapter.type() ~ " adapter"
    ) }}
{%- endmacro %}

{% macro duckdb__regexp_group(expression, pattern, group_number) -%}
    nullif(regexp_extract({{ expression }}, '{{ pattern }}', {{ group_number }}), '')
{%- endmacro %}

{% macro postgres__regexp_group(expression, pattern, group_number) -%}
    (regexp_match({{ expression }}, '{{ pattern }}'))[{{ group_number }}]
{%- endmacro %}

{% macro spark__regexp_group(expression, pattern, group_number) -%}
    nullif(regexp_extract({{ expression }}, '{{ spark_java_pattern(pattern) }}', {{ group_number }}), '')
{%- endmacro %}

{#-
    A pattern written for the project's other engines (POSIX classes, '' for an apostrophe
    inside the SQL literal) as the body of a Spark SQL literal holding a Java regular
    expression: Spark reads backslashes in literals as escapes and two adjacent literals
    'a''b' as 'ab', so backslashes are doubled and '' becomes \'; Java writes the POSIX
    class [[:space:]] as \p{Space}.
-#}
{% macro spark_java_pattern(pattern) -%}
    {{ return(
        pattern
        | replace('\\', '\\\\')
        | replace("''", "\\'")
        | replace('[:space:]', '\\\\p{Space}')
        | replace('[:alpha:]', '\\\\p{Alpha}')
        | replace('[:digit:]', '\\\\p{Digit}')
        | replace('[:alnum:]', '\\\\p{Alnum}')
        | replace('[:upper:]', '\\\\p{Upper}')
        | replace('[:lower:]', '\\\\p{Lower}')
        | replace('[:punct:]', '\\\\p{Punct}')
    ) }}
{%- endmacro %}
