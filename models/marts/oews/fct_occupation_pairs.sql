{#-
    One row per unordered pair of detailed occupations (830 x 829 / 2), occupation a's
    code sorting first: the same differences as the page pairs where OEWS has the fact
    (salary difference and ratio, which pays more, hourly wage, jobs), wage percentile
    differences, and how alike their pay and headcount are (OEWS has no skills, so this says
    nothing about how alike the work is):
    exp(-(d_wage + 0.25 * d_jobs)), where d_wage is the mean absolute log ratio of the
    10th percentile, median and 90th percentile annual wages (the mean wage standing in
    for a missing one) and d_jobs the absolute log ratio of employment. 1 means identical.
-#}

with

occupations as (

    select * from {{ ref('int_oews_national_occupations') }}

),

pairs as (

    select
        occupation_a.occupation_code as occupation_a_code,
        occupation_b.occupation_code as occupation_b_code,
        occupation_a.employment - occupation_b.employment as employment_diff,
        occupation_a.annual_mean_usd - occupation_b.annual_mean_usd as annual_mean_diff_usd,
        cast(
            round(occupation_a.annual_mean_usd / nullif(occupation_b.annual_mean_usd, 0), 4)
            as decimal(10, 4)
        ) as annual_mean_ratio,
        case
            when occupation_a.annual_mean_usd > occupation_b.annual_mean_usd
                then occupation_a.occupation_code
            when occupation_b.annual_mean_usd > occupation_a.annual_mean_usd
                then occupation_b.occupation_code
        end as higher_paid_occupation_code,
        occupation_a.hourly_mean_usd - occupation_b.hourly_mean_usd as hourly_mean_diff_usd,
        occupation_a.annual_median_usd - occupation_b.annual_median_usd
            as annual_median_diff_usd,
        occupation_a.annual_p10_usd - occupation_b.annual_p10_usd as annual_p10_diff_usd,
        occupation_a.annual_p90_usd - occupation_b.annual_p90_usd as annual_p90_diff_usd,
        (
            {%- for percentile in ['annual_p10_usd', 'annual_median_usd', 'annual_p90_usd'] %}
            abs(ln(
                coalesce(occupation_a.{{ percentile }}, occupation_a.annual_mean_usd)
                / coalesce(occupation_b.{{ percentile }}, occupation_b.annual_mean_usd)
            )){{ ' +' if not loop.last }}
            {%- endfor %}
        ) / 3 as wage_distance,
        coalesce(abs(ln(occupation_a.employment / occupation_b.employment)), 0)
            as employment_distance

    from occupations as occupation_a
    inner join occupations as occupation_b
        on occupation_a.occupation_code < occupation_b.occupation_code

),

final as (

    select
        {{ surrogate_key(['occupation_a_code', 'occupation_b_code']) }} as pair_id,
        occupation_a_code,
        occupation_b_code,
        employment_diff,
        annual_mean_diff_usd,
        annual_mean_ratio,
        higher_paid_occupation_code,
        hourly_mean_diff_usd,
        annual_median_diff_usd,
        annual_p10_diff_usd,
        annual_p90_diff_usd,
        cast(
            round(exp(-(wage_distance + 0.25 * employment_distance)), 4) as decimal(6, 4)
        ) as pay_headcount_similarity

    from pairs

)

select * from final
