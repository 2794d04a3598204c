-- fct_occupation_pairs holds every unordered pair of detailed occupations exactly once:
-- with its generic tests (codes in order, pair_id unique, both codes in dim_occupations),
-- a count of N * (N - 1) / 2 proves it; a row here gives the counts when they differ.
with

occupations as (

    select count(*) as occupation_count from {{ ref('dim_occupations') }}

),

pairs as (

    select count(*) as pair_count from {{ ref('fct_occupation_pairs') }}

),

problems as (

    select
        occupations.occupation_count,
        pairs.pair_count
    from occupations
    cross join pairs
    where pairs.pair_count != occupations.occupation_count * (occupations.occupation_count - 1) / 2

)

select * from problems
