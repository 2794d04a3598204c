{#-
    A role's fingerprint as an incremental model keeps it: the role's own fingerprint
    (its data) combined with a digest of the model's code. A change to the model's SQL
    then counts as a change to every role, so every row is recomputed rather than left
    as the old code built it. Changes to macros that the model calls are not seen:
    rebuild with --full-refresh after those.
-#}
{% macro fingerprint_with_definition(fingerprint) -%}
    {{ dbt.hash(dbt.concat([fingerprint, "'" ~ local_md5(model.raw_code) ~ "'"])) }}
{%- endmacro %}
