{#-
    How long it takes to become a role, in months, as a range. `bound` is 'min' or 'max':
    "6-12 months" -> 6 to 12, "4-6 years" -> 48 to 72, "1 year" -> 12 to 12,
    "a year" -> 12 to 12, "Less than 1 month" -> 0 to 1, "2 weeks" -> 0.46 to 0.46
    (12/52 of a month a week, rounded to two decimals), "1.5 years" -> 18 to 18,
    "6–12 months" (en or em dash) -> 6 to 12, "1 to 2 years" -> 12 to 24.
    The whole text must be read: anything else ("one and a half years", "2+ years") gives
    null in both bounds, never a number read from part of it. Ingestion (the _DURATION
    pattern in jobcompare/ingest/parse_page.py) finds durations in this same grammar.
-#}
{% macro parse_duration_months(expression, bound) -%}
    {%- set number = '[0-9]+(?:[.][0-9]+)?' -%}
    {%- set pattern = '^(less than )?(' ~ number ~ '|an?|one)(?: *(?:-|–|—|to) *(' ~ number
        ~ '))? +(day|week|month|year)s?$' -%}
    {%- set text = 'lower(trim(' ~ expression ~ '))' -%}
    {%- set first_number = regexp_group(text, pattern, 2) -%}
    {%- set low -%}
        case
            when {{ first_number }} in ('a', 'an', 'one') then 1
            else {{ dbt.safe_cast(first_number, "decimal(9, 2)") }}
        end
    {%- endset -%}
    {%- set high = dbt.safe_cast(regexp_group(text, pattern, 3), "decimal(9, 2)") -%}
    {%- set months_per_unit -%}
        case {{ regexp_group(text, pattern, 4) }}
            when 'day' then 12.0 / 365
            when 'week' then 12.0 / 52
            when 'month' then 1.0
            when 'year' then 12.0
        end
    {%- endset -%}
    {%- if bound == 'min' -%}
        cast(round(
            case
                when {{ regexp_group(text, pattern, 1) }} is not null then 0
                else {{ low }}
            end * {{ months_per_unit }},
            2
        ) as decimal(9, 2))
    {%- elif bound == 'max' -%}
        cast(round(coalesce({{ high }}, {{ low }}) * {{ months_per_unit }}, 2) as decimal(9, 2))
    {%- else -%}
        {{ exceptions.raise_compiler_error("parse_duration_months: bound must be 'min' or 'max'") }}
    {%- endif -%}
{%- endmacro %}
