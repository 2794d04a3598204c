{#-
    Every raw text that is given (not "-" or empty) was parsed: the parsed column is not
    null. A failure names the page, line and role position of the text that could not be
    read (the staging models of page facts all have these columns).
-#}
{% test is_parsed(model, column_name, raw_column) %}

    with

    failures as (

        select
            page_id,
            line_number,
            role_position,
            {{ raw_column }} as raw_text

        from {{ model }}
        where
            {{ missing_as_null(raw_column) }} is not null
            and {{ column_name }} is null

    )

    select * from failures

{% endtest %}
