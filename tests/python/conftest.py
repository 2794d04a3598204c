"""Fixtures shared by the pytest suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SOURCE_PAGES


@pytest.fixture
def source_pages() -> Path:
    if not SOURCE_PAGES.is_dir():
        pytest.skip(f"the source pages are not here ({SOURCE_PAGES}); nothing to compare with")
    return SOURCE_PAGES
