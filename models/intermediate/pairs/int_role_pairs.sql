{#-
    Every unordered pair of roles, once: role_a_key sorts before role_b_key. Pairs that no
    page compares are here too; the pages that do compare a pair are listed. pair_id is
    computed here once for the pair views (fct_role_pairs, which numbers roles to build its
    pairs, computes the same surrogate_key of the same two keys).

    Built after the pair fact (the depends_on below), so that its tests and those of the pair
    views over it run once the pair fact has recorded which roles' pairs it recomputed: they
    check those pairs (pair_test_rows, macros/marts/pair_fact_builds.sql).
-#}
-- depends_on: {{ ref('fct_role_pairs') }}

with

roles as (

    select * from {{ ref('int_roles_conformed') }}

),

compared_on_pages as (

    select * from {{ ref('int_role_pairs_compared_on_pages') }}

),

pairs as (

    select
        role_a.role_key as role_a_key,
        role_b.role_key as role_b_key

    from roles as role_a
    inner join roles as role_b
        on role_a.role_key < role_b.role_key

),

final as (

    select
        {{ surrogate_key(['pairs.role_a_key', 'pairs.role_b_key']) }} as pair_id,
        pairs.role_a_key,
        pairs.role_b_key,
        compared_on_pages.compared_on_page_ids,
        compared_on_pages.compared_on_page_ids is not null as is_compared_on_page

    from pairs
    left join compared_on_pages
        on
            pairs.role_a_key = compared_on_pages.role_a_key
            and pairs.role_b_key = compared_on_pages.role_b_key

)

select * from final
