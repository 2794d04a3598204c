"""Which sizes the benchmark runs, and at which it builds incrementally."""

from __future__ import annotations

import math
import shutil

from jobcompare.bench.cli import LARGE_ROLES, _incremental_roles
from jobcompare.bench.run import INCREMENTAL_MAX_ROLES, disk_shortfall


def test_large_adds_twenty_thousand_roles_and_builds_incrementally_at_ten_thousand():
    sizes = sorted({100, 1000, 5000} | LARGE_ROLES)
    assert sizes == [100, 1000, 5000, 10_000, 20_000]
    assert _incremental_roles(sizes, INCREMENTAL_MAX_ROLES) == 10_000
    assert _incremental_roles([100, 1000], INCREMENTAL_MAX_ROLES) == 1000
    assert _incremental_roles([20_000], INCREMENTAL_MAX_ROLES) == 20_000


def test_the_incremental_size_needs_room_for_a_copy_of_its_warehouse(tmp_path):
    # A size whose files fit in the free disk only without the copy: the pairs at which 160
    # bytes a pair, between the 135 of a size and the 187 of the incremental one, fill it.
    free = shutil.disk_usage(tmp_path).free
    roles = math.isqrt(2 * free // 160)
    assert disk_shortfall(roles, tmp_path) == ""
    shortfall = disk_shortfall(roles, tmp_path, incremental=True)
    assert f"{roles:,} roles need about" in shortfall and "x 187 bytes" in shortfall
