-- Where do two roles' workforces differ most? Every gender, race and LGBT group gap
-- between two roles, largest first, in percentage points.
with

demographics as (

    select * from {{ ref('rpt_pair_demographics') }}

)

select
    role_a_key,
    role_b_key,
    demographic,
    group_name,
    role_a_share_pct,
    role_b_share_pct,
    share_diff_pct_points,
    abs(share_diff_pct_points) as gap_pct_points
from demographics
where share_diff_pct_points is not null
order by gap_pct_points desc, role_a_key asc, role_b_key asc, group_name asc
