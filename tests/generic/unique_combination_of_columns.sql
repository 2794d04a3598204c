{#- No two rows share the same values in all of the given columns. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

    {%- set columns = combination_of_columns | join(', ') -%}

    with

    duplicates as (

        select
            {{ columns }},
            count(*) as row_count

        from {{ model }}
        group by {{ columns }}
        having count(*) > 1

    )

    select * from duplicates

{% endtest %}
