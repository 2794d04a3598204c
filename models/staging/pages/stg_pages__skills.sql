with

source as (

    select * from {{ raw_table('raw_skills') }}

),

renamed as (

    select
        {{ page_role_columns() }},
        cast(list_rank as {{ dbt.type_int() }}) as list_rank,
        skill_entry,
        {{ parse_share_label('skill_entry') }} as skill_name,
        {{ canonical_key(parse_share_label('skill_entry')) }} as skill_key,
        {{ parse_share_pct('skill_entry') }} as skill_share_pct

    from source

)

select * from renamed
