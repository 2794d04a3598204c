-- The warehouse holds as many occupations, areas, industries and cells as the bundled
-- release's manifest states: a row here is a table whose count differs.
with

manifest as (

    select * from {{ ref('stg_oews__manifest_counts') }}

),

counted as (

    select
        'occupation' as table_name,
        count(*) as warehouse_count
    from {{ ref('stg_oews__occupations') }}
    union all
    select
        'area' as table_name,
        count(*) as warehouse_count
    from {{ ref('stg_oews__areas') }}
    union all
    select
        'industry' as table_name,
        count(*) as warehouse_count
    from {{ ref('stg_oews__industries') }}
    union all
    select
        'cell' as table_name,
        count(*) as warehouse_count
    from {{ ref('stg_oews__cells') }}

),

problems as (

    select
        manifest.table_name,
        manifest.manifest_count,
        counted.warehouse_count
    from manifest
    left join counted
        on manifest.table_name = counted.table_name
    where counted.warehouse_count is distinct from manifest.manifest_count

)

select * from problems
