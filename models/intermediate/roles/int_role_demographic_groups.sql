{#-
    Each role's demographics in long form: one row per role and group of its gender and race
    ratios ("Male, 32.1% Female, 67.9%" -> Male 32.1, Female 67.9), and its LGBT share as
    the one group of demographic 'lgbt'. Values come from the chosen page's row. The ratios
    are the catalogue's facts with a demographic (var page_facts).
-#}

{%- set ratio_facts = [] %}
{%- for fact in page_facts() if fact.demographic is defined %}
{%- do ratio_facts.append(fact) %}
{%- endfor %}
{%- set ratio_fact_names = "'" ~ ratio_facts | map(attribute='name') | join("', '") ~ "'" %}

with

chosen_facts as (

    select * from {{ ref('int_role_facts_chosen') }}

),

chosen_ratios as (

    select * from chosen_facts
    where
        fact_name in ({{ ratio_fact_names }})
        and value_label is not null

),

positions as (

    {{ dbt.generate_series(16) }}

),

split as (

    select
        chosen_ratios.role_key,
        chosen_ratios.fact_name,
        chosen_ratios.page_id,
        chosen_ratios.line_number,
        cast(positions.generated_number as {{ dbt.type_bigint() }}) as group_position,
        {{ dbt.split_part('chosen_ratios.value_label', "'% '", 'positions.generated_number') }}
            as group_part

    from chosen_ratios
    cross join positions

),

entries as (

    select
        *,
        {{ dbt.concat(["trim(trailing '%' from group_part)", "'%'"]) }} as group_entry

    from split
    where coalesce(group_part, '') != ''

),

ratio_groups as (

    select
        role_key,
        case fact_name
            {%- for fact in ratio_facts %}
            when '{{ fact.name }}' then '{{ fact.demographic }}'
            {%- endfor %}
        end as demographic,
        group_position,
        {{ parse_share_label('group_entry') }} as group_name,
        {{ canonical_key(parse_share_label('group_entry')) }} as group_key,
        {{ parse_share_pct('group_entry') }} as share_pct,
        page_id,
        line_number

    from entries

),

lgbt_groups as (

    select
        role_key,
        'lgbt' as demographic,
        1 as group_position,
        'LGBT' as group_name,
        'lgbt' as group_key,
        value_pct as share_pct,
        page_id,
        line_number

    from chosen_facts
    where
        fact_name = 'lgbt_percentage'
        and value_pct is not null

),

final as (

    select * from ratio_groups
    union all
    select * from lgbt_groups

)

select * from final
