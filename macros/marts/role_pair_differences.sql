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
