{#-
    What each role does, in one text: per page, the role's paragraphs in page order; across
    pages, the text most pages give, then the longest, then the first page's.
-#}

with

paragraphs as (

    select * from {{ ref('stg_pages__descriptions') }}

),

per_page as (

    select
        role_key,
        page_id,
        min(line_number) as line_number,
        {{ dbt.listagg('description', "' '", "order by line_number") }} as description

    from paragraphs
    group by role_key, page_id

),

counted as (

    select
        *,
        count(*) over (partition by role_key, description) as agreeing_page_count

    from per_page

),

ranked as (

    select
        *,
        row_number() over (
            partition by role_key
            order by
                agreeing_page_count desc,
                {{ dbt.length('description') }} desc,
                page_id
        ) as choice_rank

    from counted

),

final as (

    select
        role_key,
        description,
        page_id,
        line_number

    from ranked
    where choice_rank = 1

)

select * from final
