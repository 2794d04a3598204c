{#-
    Every pair of detailed occupations in both orientations, both occupations' national
    figures side by side with the differences, signed from occupation a's side (a minus b).
    Filter occupation_a_code = 'x' for every comparison with x on the left. The differences
    come from fct_occupation_pairs, sign-flipped for the swapped orientation, so both
    orientations always agree. A view: 830 x 829 rows, computed on read.
-#}

{%- set side_by_side = [
    'employment', 'hourly_mean_usd', 'annual_mean_usd', 'annual_p10_usd',
    'annual_median_usd', 'annual_p90_usd',
] -%}
{%- set differences = [
    'employment_diff', 'annual_mean_diff_usd', 'hourly_mean_diff_usd',
    'annual_median_diff_usd', 'annual_p10_diff_usd', 'annual_p90_diff_usd',
] -%}

with

pairs as {{ not_materialized() }} (

    select * from {{ ref('fct_occupation_pairs') }}

),

occupations as (

    select * from {{ ref('dim_occupations') }}

),

oriented as (

    select
        pair_id,
        occupation_a_code,
        occupation_b_code,
        1 as orientation_sign,
        annual_mean_ratio,
        {%- for column in differences %}
        {{ column }},
        {%- endfor %}
        higher_paid_occupation_code,
        pay_headcount_similarity

    from pairs

    union all

    select
        pair_id,
        occupation_b_code as occupation_a_code,
        occupation_a_code as occupation_b_code,
        -1 as orientation_sign,
        cast(round(1 / nullif(annual_mean_ratio, 0), 4) as decimal(10, 4)) as annual_mean_ratio,
        {%- for column in differences %}
        -{{ column }} as {{ column }},
        {%- endfor %}
        higher_paid_occupation_code,
        pay_headcount_similarity

    from pairs

),

final as (

    select
        oriented.pair_id,
        occupation_a.occupation_id as occupation_a_id,
        oriented.occupation_a_code,
        occupation_a.soc_code as occupation_a_soc_code,
        occupation_a.occupation_title as occupation_a_title,
        occupation_b.occupation_id as occupation_b_id,
        oriented.occupation_b_code,
        occupation_b.soc_code as occupation_b_soc_code,
        occupation_b.occupation_title as occupation_b_title,
        oriented.orientation_sign,
        {%- for column in side_by_side %}
        occupation_a.{{ column }} as occupation_a_{{ column }},
        occupation_b.{{ column }} as occupation_b_{{ column }},
        {%- endfor %}
        oriented.annual_mean_ratio,
        oriented.higher_paid_occupation_code,
        {%- for column in differences %}
        oriented.{{ column }},
        {%- endfor %}
        oriented.pay_headcount_similarity

    from oriented
    inner join occupations as occupation_a
        on oriented.occupation_a_code = occupation_a.occupation_code
    inner join occupations as occupation_b
        on oriented.occupation_b_code = occupation_b.occupation_code

)

select * from final
