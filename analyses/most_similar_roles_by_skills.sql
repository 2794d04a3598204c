-- Which pairs of roles need the most similar skills? Ranked by the Jaccard index of their
-- skill sets, with the shared skills spelled out.
with

pairs as (

    select * from {{ ref('fct_role_pairs') }}

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
    pairs.role_a_key,
    pairs.role_b_key,
    pairs.skill_jaccard_index,
    pairs.shared_skill_count,
    shared.shared_skills
from pairs
left join shared
    on pairs.pair_id = shared.pair_id
order by pairs.skill_jaccard_index desc nulls last, pairs.shared_skill_count desc
