{#-
    One row per skill, conformed across pages and roles: the pages spell a skill in more than
    one way ("Customer Service" in a skill list, "customer service" in the prose), and the
    skill key, a slug in which case, spacing and punctuation do not count, makes them one.

    Display name: the spelling most of the roles that have the skill use (each role's
    spelling is its skill list's, else its prose's); on a tie, a spelling from a skill list
    (a role with a share) before one only the prose uses, then the first in byte order
    (capitals sort first).
-#}

with

skills as (

    select * from {{ ref('int_role_skills') }}

),

spellings as (

    select
        skill_id,
        skill_name,
        count(*) as role_count,
        count(skill_share_pct) as listed_role_count

    from skills
    group by skill_id, skill_name

),

ranked_spellings as (

    select
        skill_id,
        skill_name,
        row_number() over (
            partition by skill_id
            order by role_count desc, listed_role_count desc, skill_name asc
        ) as spelling_rank

    from spellings

),

role_counts as (

    select
        skill_id,
        skill_key,
        count(*) as role_count

    from skills
    group by skill_id, skill_key

),

final as (

    select
        role_counts.skill_id,
        role_counts.skill_key,
        ranked_spellings.skill_name,
        role_counts.role_count

    from role_counts
    inner join ranked_spellings
        on
            role_counts.skill_id = ranked_spellings.skill_id
            and ranked_spellings.spelling_rank = 1

)

select * from final
