{#-
    The education section of a comparison page, for every unordered pair of roles: the columns
    of the catalogue's education facts (var page_facts) for both roles, their differences and
    equalities. The SQL is the macro pair_section, shared with the other section.
-#}

{{ pair_section('education') }}
