{#-
    Within each group of rows, the column adds up to `total` within `tolerance`
    (gender shares of a role sum to 100 +- 0.2, for example).
-#}
{% test group_sums_to(model, column_name, group_by, total=100, tolerance=0.2) %}

    {%- set groups = group_by | join(', ') -%}

    with

    sums as (

        select
            {{ groups }},
            sum({{ column_name }}) as group_total

        from {{ model }}
        group by {{ groups }}

    ),

    failures as (

        select * from sums
        where abs(group_total - {{ total }}) > {{ tolerance }}

    )

    select * from failures

{% endtest %}
