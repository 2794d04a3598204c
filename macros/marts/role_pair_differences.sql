{#-
    The differences every role pair carries (role a minus role b), in one list shared by
    rpt_role_comparisons (which flips their sign for the swapped orientation) and the test that
    both orientations agree.
-#}
{% macro role_pair_differences() -%}
    {{ return([
        'yearly_salary_diff_usd',
        'hourly_rate_diff_usd',
        'growth_rate_diff_pct_points',
        'number_of_jobs_diff',
        'time_to_become_min_diff_months',
        'time_to_become_max_diff_months',
        'years_of_experience_diff',
        'average_age_diff_years',
        'degree_share_diff_pct_points',
        'lgbt_share_diff_pct_points',
    ]) }}
{%- endmacro %}
