{#-
    The natural key of a role, skill or fact: a canonical slug. Case, spacing and punctuation
    do not count, so "Customer Service" in one page's list and "customer service" in another
    page's prose meet: both become 'customer-service' ('customer_service' with separator '_').
-#}
{% macro canonical_key(expression, separator='-') -%}
    trim(
        both '{{ separator }}'
        from {{ regexp_replace_all('lower(' ~ expression ~ ')', '[^a-z0-9]+', separator) }}
    )
{%- endmacro %}
