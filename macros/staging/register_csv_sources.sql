{#-
    On Spark, the sources read from CSV files (oews always; raw_files with raw_source
    external) become tables over those files at the start of every run, as DuckDB reads them
    through each source's external_location: the same folder, taken from that setting, so it
    is declared once. The tables are dropped and made again each run (catalog entries only,
    no data is copied), so a changed folder or file is read as it is now. Other engines:
    nothing to do.
-#}
{% macro register_csv_sources() -%}
    {{ return(adapter.dispatch('register_csv_sources', 'job_compare')()) }}
{%- endmacro %}

{% macro default__register_csv_sources() -%}
{%- endmacro %}

{% macro spark__register_csv_sources() -%}
    {%- if execute -%}
        {#- A relative folder is relative to where dbt runs (as for DuckDB), which is the
            local Spark's working folder; Spark would take it as relative to the database. -#}
        {%- set working_folder = run_query(
            "select reflect('java.lang.System', 'getProperty', 'user.dir')"
        ).columns[0].values()[0] -%}
        {%- for source in graph.sources.values() -%}
            {%- set location = source.meta.get('external_location')
                or source.source_meta.get('external_location') -%}
            {%- set wanted = location and (
                source.source_name != 'raw_files' or var('raw_source') == 'external') -%}
            {%- if wanted -%}
                {%- set folder = location.split("read_csv('")[1].split("/{name}.csv'")[0] -%}
                {%- if not folder.startswith('/') and ':' not in folder -%}
                    {%- set folder = working_folder ~ '/' ~ folder -%}
                {%- endif -%}
                {%- set table = source.schema ~ '.' ~ source.identifier -%}
                {%- do run_query('create database if not exists ' ~ source.schema) -%}
                {%- do run_query('drop table if exists ' ~ table) -%}
                {%- do run_query(
                    'create table ' ~ table ~ " using csv options (path '" ~ folder ~ '/'
                    ~ source.identifier ~ ".csv', header 'true', multiLine 'true', "
                    ~ "escape '\"', mode 'FAILFAST')"
                ) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
