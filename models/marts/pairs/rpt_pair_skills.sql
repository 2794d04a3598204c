{#-
    The skills section of a comparison page in long form: for every unordered pair, one row
    per skill of either role, with each role's share and rank (null where the role does not
    have the skill).
-#}

with

pairs as (

    select * from {{ ref('int_role_pairs') }}

),

skills as (

    select * from {{ ref('int_role_skills') }}

),

pair_skill_keys as (

    select
        pairs.role_a_key,
        pairs.role_b_key,
        skills.skill_key
    from pairs
    inner join skills
        on pairs.role_a_key = skills.role_key

    union

    select
        pairs.role_a_key,
        pairs.role_b_key,
        skills.skill_key
    from pairs
    inner join skills
        on pairs.role_b_key = skills.role_key

),

final as (

    select
        {{ surrogate_key(['pair_skill_keys.role_a_key', 'pair_skill_keys.role_b_key']) }}
            as pair_id,
        pair_skill_keys.role_a_key,
        pair_skill_keys.role_b_key,
        pair_skill_keys.skill_key,
        case
            when skills_a.skill_share_pct is not null then skills_a.skill_name
            when skills_b.skill_share_pct is not null then skills_b.skill_name
            else coalesce(skills_a.skill_name, skills_b.skill_name)
        end as skill_name,
        skills_a.skill_share_pct as role_a_share_pct,
        skills_a.skill_rank as role_a_skill_rank,
        skills_b.skill_share_pct as role_b_share_pct,
        skills_b.skill_rank as role_b_skill_rank,
        skills_a.skill_key is not null and skills_b.skill_key is not null as is_shared

    from pair_skill_keys
    left join skills as skills_a
        on
            pair_skill_keys.role_a_key = skills_a.role_key
            and pair_skill_keys.skill_key = skills_a.skill_key
    left join skills as skills_b
        on
            pair_skill_keys.role_b_key = skills_b.role_key
            and pair_skill_keys.skill_key = skills_b.skill_key

)

select * from final
