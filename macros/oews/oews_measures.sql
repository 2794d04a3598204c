{#-
    The 17 OEWS measures in the release's datatype order (v01..v17, f01..f17): the column
    name each gets in the warehouse, and its type.
-#}
{% macro oews_measures() -%}
    {{ return([
        ('01', 'employment', dbt.type_bigint()),
        ('02', 'employment_rse_pct', 'decimal(9, 2)'),
        ('03', 'hourly_mean_usd', 'decimal(12, 2)'),
        ('04', 'annual_mean_usd', 'decimal(12, 2)'),
        ('05', 'wage_rse_pct', 'decimal(9, 2)'),
        ('06', 'hourly_p10_usd', 'decimal(12, 2)'),
        ('07', 'hourly_p25_usd', 'decimal(12, 2)'),
        ('08', 'hourly_median_usd', 'decimal(12, 2)'),
        ('09', 'hourly_p75_usd', 'decimal(12, 2)'),
        ('10', 'hourly_p90_usd', 'decimal(12, 2)'),
        ('11', 'annual_p10_usd', 'decimal(12, 2)'),
        ('12', 'annual_p25_usd', 'decimal(12, 2)'),
        ('13', 'annual_median_usd', 'decimal(12, 2)'),
        ('14', 'annual_p75_usd', 'decimal(12, 2)'),
        ('15', 'annual_p90_usd', 'decimal(12, 2)'),
        ('16', 'employment_per_1000_jobs', 'decimal(12, 3)'),
        ('17', 'location_quotient', 'decimal(9, 2)'),
    ]) }}
{%- endmacro %}

{#-
    An OEWS value as a number: null where the release has no number ("-", or the
    symbols "*", "**", "#" of the published tables). Never zero for a missing value.
-#}
{% macro parse_oews_value(expression, data_type) -%}
    {{ dbt.safe_cast(
        regexp_group(expression, '^([0-9]+(?:[.][0-9]+)?)$'),
        data_type
    ) }}
{%- endmacro %}

{#-
    Why an OEWS value is missing, from its footnote code (or the published symbol); null
    when the value is there. Footnote texts are in stg_oews__footnotes.
-#}
{% macro oews_null_reason(value_expression, footnote_expression) -%}
    case
        when {{ regexp_group(value_expression, '^([0-9]+(?:[.][0-9]+)?)$') }} is not null
            then null
        when {{ footnote_expression }} = '5' or {{ value_expression }} = '#'
            then 'top-coded: at or above $115.00 per hour or $239,200 per year'
        when {{ footnote_expression }} = '8' then 'estimate not released'
        when {{ footnote_expression }} = '4'
            then 'not published: this occupation is paid either hourly or yearly, not both'
        when {{ value_expression }} = '**' then 'employment estimate not available'
        when {{ value_expression }} = '*' then 'wage estimate not available'
        else 'not available'
    end
{%- endmacro %}
