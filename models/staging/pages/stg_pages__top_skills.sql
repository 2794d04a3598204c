with

source as (

    select * from {{ ref('raw_top_skills') }}

),

renamed as (

    select
        {{ page_role_columns() }},
        skill_rank as top_skill_rank,
        trim(skill_name) as skill_name,
        {{ canonical_key('skill_name') }} as skill_key

    from source

)

select * from renamed
