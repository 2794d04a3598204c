{#-
    A role's fingerprint as an incremental model keeps it: the role's own fingerprint
    (its data) combined with a digest of the model's code and of the catalogue of page
    facts (var page_facts), which says what the pairs compare. A change to either then
    counts as a change to every role, so every row is recomputed rather than left as the
    old code built it. Changes to macros that the model calls are not seen: rebuild with
    --full-refresh after those.
-#}
{% macro fingerprint_with_definition(fingerprint) -%}
    {%- set definition = local_md5(model.raw_code ~ tojson(var('page_facts'))) -%}
    {{ dbt.hash(dbt.concat([fingerprint, "'" ~ definition ~ "'"])) }}
{%- endmacro %}
