with

source as (

    select * from {{ raw_table('raw_top_skills') }}

),

renamed as (

    select
        {{ page_role_columns() }},
        cast(skill_rank as {{ dbt.type_int() }}) as top_skill_rank,
        trim(skill_name) as skill_name,
        {{ canonical_key('skill_name') }} as skill_key

    from source

)

select * from renamed
