{#-
    The skills section of a comparison page in long form: for every unordered pair, one row
    per skill of either role, with each role's share and rank (null where the role does not
    have the skill). Skills are matched on the conformed skill (skill_id, from skill_key), so
    "Customer Service" on one page and "customer service" on another are one shared skill;
    the name is dim_skills' one display name.
-#}

with

pairs as {{ not_materialized() }} (

    select * from {{ ref('int_role_pairs') }}

),

role_skills as (

    select * from {{ ref('int_role_skills') }}

),

skills as (

    select * from {{ ref('dim_skills') }}

),

pair_skill_ids as (

    select
        pairs.pair_id,
        pairs.role_a_key,
        pairs.role_b_key,
        role_skills.skill_id
    from pairs
    inner join role_skills
        on pairs.role_a_key = role_skills.role_key

    union

    select
        pairs.pair_id,
        pairs.role_a_key,
        pairs.role_b_key,
        role_skills.skill_id
    from pairs
    inner join role_skills
        on pairs.role_b_key = role_skills.role_key

),

final as (

    select
        pair_skill_ids.pair_id,
        pair_skill_ids.role_a_key,
        pair_skill_ids.role_b_key,
        pair_skill_ids.skill_id,
        skills.skill_key,
        skills.skill_name,
        skills_a.skill_share_pct as role_a_share_pct,
        skills_a.skill_rank as role_a_skill_rank,
        skills_b.skill_share_pct as role_b_share_pct,
        skills_b.skill_rank as role_b_skill_rank,
        skills_a.skill_id is not null and skills_b.skill_id is not null as is_shared

    from pair_skill_ids
    inner join skills
        on pair_skill_ids.skill_id = skills.skill_id
    left join role_skills as skills_a
        on
            pair_skill_ids.role_a_key = skills_a.role_key
            and pair_skill_ids.skill_id = skills_a.skill_id
    left join role_skills as skills_b
        on
            pair_skill_ids.role_b_key = skills_b.role_key
            and pair_skill_ids.skill_id = skills_b.skill_id

)

select * from final
