{#-
    The natural key of a role: the same rule as role_key in jobcompare/ingest/resolve.py,
    so that ingestion, the warehouse and the benchmark agree on every name.
    The name is folded first: runs of white space become one space, A-Z become a-z (only
    ASCII letters: lower() of other letters differs between engines). A folded name of
    ASCII letters, digits, spaces and , . ' & / ( ) - keys as its slug:
    "Customer Service  Manager" -> 'customer-service-manager',
    "Sales, Retail Associate" -> 'sales-retail-associate'.
    Any other name would lose what sets it apart, so its slug gets the first 8 hex digits
    of the md5 of the folded name: "C++ Developer" -> 'c-developer-' || 8 hex digits,
    "C# Developer" -> another suffix; "Ωμέγα Analyst" -> 'analyst-' || 8 hex digits;
    a name with no ASCII letter or digit at all keys as the 8 hex digits alone.
-#}
{% macro role_key(expression) -%}
    {%- set folded -%}
        trim({{ regexp_replace_all(
            "translate(" ~ expression ~ ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
            ~ "'abcdefghijklmnopqrstuvwxyz')",
            '[[:space:]]+',
            ' '
        ) }})
    {%- endset -%}
    {%- set slug = "trim(both '-' from " ~ regexp_replace_all(folded, '[^a-z0-9]+', '-') ~ ")" -%}
    {%- set digest = "left(" ~ dbt.hash(folded) ~ ", 8)" -%}
    case
        when
            {{ regexp_group(folded, "^([a-z0-9 ,.''&/()-]+)$") }} is not null
            and {{ slug }} != ''
            then {{ slug }}
        when {{ slug }} = '' then {{ digest }}
        else {{ dbt.concat([slug, "'-'", digest]) }}
    end
{%- endmacro %}
