{#-
    Every raw text that is given (not "-" or empty) was parsed: the parsed column is not
    null. A failure names the page and line of the text that could not be read.
-#}
{% test is_parsed(model, column_name, raw_column) %}

    with

    failures as (

        select
            page_id,
            line_number,
            {{ raw_column }} as raw_text

        from {{ model }}
        where
            {{ missing_as_null(raw_column) }} is not null
            and {{ column_name }} is null

    )

    select * from failures

{% endtest %}
