{#- The SQL expression holds on every row (rows where it is null count as failures). -#}
{% test expression_is_true(model, expression, column_name=none) %}

    with

    failures as (

        select * from {{ model }}
        where not coalesce({{ expression }}, false)

    )

    select * from failures

{% endtest %}
