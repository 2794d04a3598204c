-- Which pairs of roles need the most similar skills? Ranked by the Jaccard index of their
-- skill sets, with the shared skills spelled out.
with

pairs as (

    select * from {{ ref('fct_role_pairs') }}

),

roles as (

    select * from {{ ref('dim_roles') }}

),

skills as (

    select * from {{ ref('rpt_pair_skills') }}

),

shared as (

    select
        pair_id,
        {{ dbt.listagg('skill_name', "', '", "order by skill_name") }} as shared_skills
    from skills
    where is_shared
    group by pair_id

)

select
    role_a.role_key as role_a_key,
    role_b.role_key as role_b_key,
    pairs.skill_jaccard_index,
    pairs.shared_skill_count,
    shared.shared_skills
from pairs
inner join roles as role_a
    on pairs.role_a_id = role_a.role_id
inner join roles as role_b
    on pairs.role_b_id = role_b.role_id
left join shared
    on pairs.pair_id = shared.pair_id
order by pairs.skill_jaccard_index desc nulls last, pairs.shared_skill_count desc
