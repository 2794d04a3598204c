{#-
    The differences every role pair carries (role a minus role b): those of the compared
    columns of the catalogue of page facts (var page_facts), in their order. One list shared
    by fct_role_pairs, rpt_role_comparisons (which flips their sign for the swapped
    orientation) and the test that both orientations agree.
-#}
{% macro role_pair_differences() -%}
    {%- set differences = [] -%}
    {%- for column in pair_difference_columns() -%}
        {%- do differences.append(column.difference) -%}
    {%- endfor -%}
    {{ return(differences) }}
{%- endmacro %}

{#-
    fct_role_pairs names the role with more of a compared column by its role_id, in a column
    named like the catalogue's higher_role (the key the views show) with _id for _key:
    higher_paid_role_key -> higher_paid_role_id.
-#}
{% macro higher_role_id(column) -%}
    {%- if not column.higher_role.endswith('_key') -%}
        {{ exceptions.raise_compiler_error(
            "page_facts: higher_role '" ~ column.higher_role ~ "' of column '" ~ column.name
            ~ "' must end in _key (fct_role_pairs stores it as the role's id, ..._id)"
        ) }}
    {%- endif -%}
    {{ return(column.higher_role[:-4] ~ '_id') }}
{%- endmacro %}
