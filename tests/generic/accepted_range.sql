{#- Every value of the column lies between min_value and max_value (either may be omitted). -#}
{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}

    {%- set low = '>=' if inclusive else '>' -%}
    {%- set high = '<=' if inclusive else '<' -%}

    with

    checked as (

        select * from {{ model }}
        where {{ column_name }} is not null

    ),

    failures as (

        select * from checked
        where
            1 = 0
            {%- if min_value is not none %}
            or not ({{ column_name }} {{ low }} {{ min_value }})
            {%- endif %}
            {%- if max_value is not none %}
            or not ({{ column_name }} {{ high }} {{ max_value }})
            {%- endif %}

    )

    select * from failures

{% endtest %}
