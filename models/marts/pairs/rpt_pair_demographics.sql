{#-
    The demographics section of a comparison page in long form: for every unordered pair,
    one row per gender, race and LGBT group that either role has, with both shares and the
    difference (role a minus role b, in percentage points).
-#}

with

pairs as {{ not_materialized() }} (

    select * from {{ ref('int_role_pairs') }}

),

groups as (

    select * from {{ ref('int_role_demographic_groups') }}

),

pair_group_keys as (

    select
        pairs.pair_id,
        pairs.role_a_key,
        pairs.role_b_key,
        groups.demographic,
        groups.group_key,
        groups.group_name,
        groups.group_position
    from pairs
    inner join groups
        on pairs.role_a_key = groups.role_key

    union all

    select
        pairs.pair_id,
        pairs.role_a_key,
        pairs.role_b_key,
        groups.demographic,
        groups.group_key,
        groups.group_name,
        groups.group_position
    from pairs
    inner join groups
        on pairs.role_b_key = groups.role_key

),

pair_groups as (

    select
        pair_id,
        role_a_key,
        role_b_key,
        demographic,
        group_key,
        min(group_name) as group_name,
        min(group_position) as group_position

    from pair_group_keys
    group by pair_id, role_a_key, role_b_key, demographic, group_key

),

final as (

    select
        pair_groups.pair_id,
        pair_groups.role_a_key,
        pair_groups.role_b_key,
        pair_groups.demographic,
        pair_groups.group_position,
        pair_groups.group_key,
        pair_groups.group_name,
        groups_a.share_pct as role_a_share_pct,
        groups_b.share_pct as role_b_share_pct,
        groups_a.share_pct - groups_b.share_pct as share_diff_pct_points

    from pair_groups
    left join groups as groups_a
        on
            pair_groups.role_a_key = groups_a.role_key
            and pair_groups.demographic = groups_a.demographic
            and pair_groups.group_key = groups_a.group_key
    left join groups as groups_b
        on
            pair_groups.role_b_key = groups_b.role_key
            and pair_groups.demographic = groups_b.demographic
            and pair_groups.group_key = groups_b.group_key

)

select * from final
