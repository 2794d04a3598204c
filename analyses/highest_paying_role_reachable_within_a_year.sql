-- Which roles can someone become within a year, and which of them pays best?
-- "Within a year" means the page's longest time to become the role is 12 months or less.
with

roles as (

    select * from {{ ref('dim_roles') }}

),

reachable as (

    select
        role_name,
        time_to_become,
        time_to_become_max_months,
        yearly_salary_usd,
        hourly_rate_usd,
        rank() over (order by yearly_salary_usd desc) as pay_rank
    from roles
    where
        time_to_become_max_months <= 12
        and yearly_salary_usd is not null

)

select * from reachable
order by pay_rank, role_name
