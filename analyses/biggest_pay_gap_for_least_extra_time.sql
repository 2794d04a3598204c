-- Moving from role b to role a: which moves raise the yearly salary most for each extra
-- month it takes to become role a? Moves that take no longer (or less time) come first.
with

comparisons as (

    select * from {{ ref('rpt_role_comparisons') }}

),

moves as (

    select
        role_b_name as from_role,
        role_a_name as to_role,
        yearly_salary_diff_usd as raise_usd,
        time_to_become_max_diff_months as extra_months,
        case
            when time_to_become_max_diff_months <= 0 then null
            else round(yearly_salary_diff_usd / time_to_become_max_diff_months, 2)
        end as raise_usd_per_extra_month
    from comparisons
    where yearly_salary_diff_usd > 0

)

select * from moves
order by
    extra_months > 0,
    raise_usd_per_extra_month desc nulls first,
    raise_usd desc
