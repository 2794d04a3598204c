-- Swapping the roles of a comparison negates every difference and inverts the salary
-- ratio: a row here is a pair whose two orientations disagree. The check covers the pairs
-- pair_test_subquery selects: after an incremental build of the pair fact, the pairs it
-- recomputed plus the sample of var pair_test_sample; after a full build, that sample.
{%- set differences = role_pair_differences() %}

with

comparisons as (

    select * from {{ pair_test_subquery(
        ref('rpt_role_comparisons'), var('pair_test_sample', 'true')
    ) }}

),

mirrored as (

    select
        comparisons_ab.role_a_key,
        comparisons_ab.role_b_key,
        {%- for column in differences %}
        comparisons_ab.{{ column }} + comparisons_ba.{{ column }} as {{ column }}_sum,
        {%- endfor %}
        comparisons_ab.yearly_salary_ratio * comparisons_ba.yearly_salary_ratio as ratio_product,
        comparisons_ab.skill_jaccard_index = comparisons_ba.skill_jaccard_index as same_jaccard
    from comparisons as comparisons_ab
    inner join comparisons as comparisons_ba
        on
            comparisons_ab.role_a_key = comparisons_ba.role_b_key
            and comparisons_ab.role_b_key = comparisons_ba.role_a_key

),

problems as (

    select * from mirrored
    where
        not coalesce(same_jaccard, true)
        or abs(ratio_product - 1) > 0.001
        {%- for column in differences %}
        or {{ column }}_sum != 0
        {%- endfor %}

)

select * from problems
