-- fct_role_pairs holds every unordered pair of distinct roles exactly once. With the
-- generic tests (on fct_role_pairs: two distinct role ids, both in dim_roles, pair_id
-- unique; on rpt_role_comparisons: role a's key sorts first in the fact's orientation), a
-- count of N * (N - 1) / 2 pairs for N roles proves it; a row here gives the counts when
-- they differ.
with

roles as (

    select count(*) as role_count from {{ ref('dim_roles') }}

),

pairs as (

    select count(*) as pair_count from {{ ref('fct_role_pairs') }}

),

problems as (

    select
        roles.role_count,
        pairs.pair_count,
        roles.role_count * (roles.role_count - 1) / 2 as expected_pair_count
    from roles
    cross join pairs
    where pairs.pair_count != roles.role_count * (roles.role_count - 1) / 2

)

select * from problems
