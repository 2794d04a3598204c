{#-
    Two role numbers (from 1, below a million) as one integer, for joining and grouping
    pairs inside one query. Not a key to store: role numbers change when roles are added.
-#}
{% macro pair_number(role_a_number, role_b_number) -%}
    cast({{ role_a_number }} as {{ dbt.type_bigint() }}) * 1000000 + {{ role_b_number }}
{%- endmacro %}
