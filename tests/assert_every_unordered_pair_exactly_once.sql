-- fct_role_pairs holds every unordered pair of distinct roles exactly once: a row here is
-- a pair that is missing (expected but absent) or extra (present but not expected).
with

roles as (

    select role_key from {{ ref('dim_roles') }}

),

expected as (

    select
        role_a.role_key as role_a_key,
        role_b.role_key as role_b_key
    from roles as role_a
    inner join roles as role_b
        on role_a.role_key < role_b.role_key

),

actual as (

    select
        role_a_key,
        role_b_key,
        count(*) as row_count
    from {{ ref('fct_role_pairs') }}
    group by role_a_key, role_b_key

),

problems as (

    select
        coalesce(expected.role_a_key, actual.role_a_key) as role_a_key,
        coalesce(expected.role_b_key, actual.role_b_key) as role_b_key,
        case
            when actual.role_a_key is null then 'missing'
            when expected.role_a_key is null then 'not a pair of two distinct known roles'
            else 'more than once'
        end as problem
    from expected
    full outer join actual
        on
            expected.role_a_key = actual.role_a_key
            and expected.role_b_key = actual.role_b_key
    where
        actual.role_a_key is null
        or expected.role_a_key is null
        or actual.row_count > 1

)

select * from problems
