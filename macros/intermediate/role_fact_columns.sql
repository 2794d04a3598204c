{#-
    The shape every role fact takes in int_role_facts_unioned: provenance, the fact's name
    (and item, for list facts such as one skill's share), the value as the page wrote it, and
    one typed column per kind of value. A source that has no such column gets a typed null.
-#}
{% macro role_fact_value_columns() -%}
    {{ return({
        'value_usd': 'decimal(18, 2)',
        'value_usd_low': 'decimal(18, 2)',
        'value_usd_high': 'decimal(18, 2)',
        'value_pct': 'decimal(9, 2)',
        'value_count': dbt.type_bigint(),
        'value_years': 'decimal(9, 2)',
        'value_score': 'decimal(9, 2)',
        'value_months_min': 'decimal(9, 2)',
        'value_months_max': 'decimal(9, 2)',
        'value_label': dbt.type_string(),
        'value_state_code': dbt.type_string(),
    }) }}
{%- endmacro %}

{% macro role_fact_columns(section, present=[], fact_item_key='null') -%}
        '{{ section }}' as section,
        page_id,
        line_number,
        role_key,
        role_name,
        fact_name,
        cast({{ fact_item_key }} as {{ dbt.type_string() }}) as fact_item_key,
        fact_value,
        value_reading,
        is_missing,
    {%- for column, data_type in role_fact_value_columns().items() %}
        {% if column in present -%}
            cast({{ column }} as {{ data_type }}) as {{ column }}
        {%- else -%}
            cast(null as {{ data_type }}) as {{ column }}
        {%- endif %}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- A hash of every typed value: two rows state the same fact when their signatures match. -#}
{% macro role_fact_signature() -%}
    {{ surrogate_key(role_fact_value_columns().keys() | list) }}
{%- endmacro %}
