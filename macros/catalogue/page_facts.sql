{#-
    The catalogue of page facts (var page_facts, declared in dbt_project.yml) as the models
    read it. Every list below keeps the catalogue's order, which is the order of a role's
    profile columns.
-#}

{#- The facts a page table (overview, salary, education, demographics) carries; all facts
    when section is none. -#}
{% macro page_facts(section=none) -%}
    {%- set found = [] -%}
    {%- for fact in var('page_facts') -%}
        {%- if section is none or section in fact.sections -%}
            {%- do found.append(fact) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}

{#- The typed warehouse columns of those facts, each with its fact's name as `fact`:
    yearly_salary_usd (from value_usd), most_common_degree, most_common_degree_share_pct ... -#}
{% macro page_fact_warehouse_columns(section=none) -%}
    {%- set found = [] -%}
    {%- for fact in page_facts(section) -%}
        {%- for column in fact.columns -%}
            {%- do found.append(dict(column, fact=fact.name)) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}

{#- The columns that pairs compare side by side (rpt_role_comparisons), in their order. -#}
{% macro compared_page_fact_columns() -%}
    {%- set compared = [] -%}
    {%- for column in page_fact_warehouse_columns() if column.compared is defined -%}
        {%- do compared.append(column) -%}
    {%- endfor -%}
    {{ return(compared | sort(attribute='compared')) }}
{%- endmacro %}

{#- The compared columns whose difference (role a minus role b) every pair carries. -#}
{% macro pair_difference_columns() -%}
    {%- set found = [] -%}
    {%- for column in compared_page_fact_columns() if column.difference is defined -%}
        {%- do found.append(column) -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}

{#- The typed value columns (value_usd, value_pct ...) that a page table's facts fill. -#}
{% macro page_fact_value_columns(section) -%}
    {%- set found = [] -%}
    {%- for column in page_fact_warehouse_columns(section) -%}
        {%- if column.value != 'fact_value' and column.value not in found -%}
            {%- do found.append(column.value) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}

{#-
    The parsed value columns of a page table's staging model: for each typed value column
    its facts fill, the parse rule of each fact, e.g.
        case
            when fact_name in ('yearly_salary', 'hourly_rate') then <parse_money(fact_value)>
        end as value_usd
-#}
{% macro parsed_page_fact_values(section) -%}
    {%- for value_column in role_fact_value_columns() if value_column
        in page_fact_value_columns(section) -%}
        {%- set rules = {} -%}
        {%- for column in page_fact_warehouse_columns(section)
            if column.value == value_column -%}
            {%- do rules.setdefault(column.parse, []).append(column.fact) -%}
        {%- endfor %}
        case
        {%- for rule, facts in rules.items() %}
            when fact_name in ('{{ facts | join("', '") }}')
                then {{ parse_page_fact(rule, 'fact_value') }}
        {%- endfor %}
        end as {{ value_column }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- One parse rule of the catalogue, by name, applied to expression. -#}
{% macro parse_page_fact(rule, expression) -%}
    {%- if rule == 'parse_money' -%} {{ parse_money(expression) }}
    {%- elif rule == 'parse_percent' -%} {{ parse_percent(expression) }}
    {%- elif rule == 'parse_count' -%} {{ parse_count(expression) }}
    {%- elif rule == 'parse_number' -%} {{ parse_number(expression) }}
    {%- elif rule == 'parse_share_pct' -%} {{ parse_share_pct(expression) }}
    {%- elif rule == 'parse_share_label' -%} {{ parse_share_label(expression) }}
    {%- elif rule == 'parse_money_range_low' -%} {{ parse_money_range_low(expression) }}
    {%- elif rule == 'parse_money_range_high' -%} {{ parse_money_range_high(expression) }}
    {%- elif rule == 'parse_city_name' -%} {{ parse_city_name(expression) }}
    {%- elif rule == 'parse_city_state_code' -%} {{ parse_city_state_code(expression) }}
    {%- elif rule == 'missing_as_null' -%} {{ missing_as_null(expression) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error(
            "page_facts: no parse rule '" ~ rule ~ "' for a table row; rules are macros "
            ~ "of macros/parsing (parse_money, parse_percent, ...)"
        ) }}
    {%- endif -%}
{%- endmacro %}

{#-
    The columns of a pair section mart (rpt_pair_salaries, rpt_pair_education), as
    expressions over role_a and role_b: each of the section's columns for both roles, then
    the differences (role a minus role b) and the equalities (same) the catalogue declares.
-#}
{% macro pair_section_columns(section) -%}
    {%- set columns = page_fact_warehouse_columns(section) -%}
    {%- set expressions = [] -%}
    {%- for column in columns -%}
        {%- for role in ['role_a', 'role_b'] -%}
            {%- do expressions.append(
                role ~ '.' ~ column.name ~ ' as ' ~ role ~ '_' ~ column.name
            ) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- for column in columns if column.difference is defined -%}
        {%- do expressions.append(
            contract_cast('role_a.' ~ column.name ~ ' - role_b.' ~ column.name, column.difference)
            ~ ' as ' ~ column.difference
        ) -%}
    {%- endfor -%}
    {%- for column in columns if column.same is defined -%}
        {%- do expressions.append(
            'role_a.' ~ column.name ~ ' = role_b.' ~ column.name ~ ' as ' ~ column.same
        ) -%}
    {%- endfor -%}
    {{ return(expressions) }}
{%- endmacro %}
