with

source as (

    select * from {{ source('oews', 'footnote') }}

),

renamed as (

    select
        footnote_code,
        footnote_text

    from source

)

select * from renamed
