{#-
    dbt.split_part on Spark: dbt-spark's takes the part number as a Jinja number, not a
    column, and indexes past the end with an error under ANSI mode. Here the delimiter (a
    SQL literal) is quoted for Spark's regular expression split, and a part past the end is
    null (DuckDB: an empty string; callers treat both as no part). Part numbers from 1.
    Reached through the project's dispatch search order for the dbt namespace.
-#}
{% macro spark__split_part(string_text, delimiter_text, part_number) -%}
    try_element_at(
        split({{ string_text }}, concat('\\Q', {{ delimiter_text }}, '\\E')),
        cast({{ part_number }} as int)
    )
{%- endmacro %}
