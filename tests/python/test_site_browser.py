"""The site in a real browser: Debian's Chromium, headless, driven by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import sync_playwright
from support import run_cli_on

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAIR = "pairs/customer-service-manager-vs-lead-customer-service-representative.html"


@pytest.fixture(scope="module")
def site(built_warehouse, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    result = run_cli_on(built_warehouse.path, "site", "--out", str(out), "--pairs", "all",
                        "--no-progress")  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "Debian's chromium is missing: `make test` installs it"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


def test_search_box_finds_a_role_offline(site, browser):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((site / "index.html").as_uri())
    items = page.locator("#roles li")
    assert items.count() == 3
    assert page.locator("#occupations li").count() == 830
    assert page.locator("#count").inner_text() == "833 of 833"
    page.fill("#search", "customer service specialist")
    visible = [items.nth(i).inner_text() for i in range(3) if items.nth(i).is_visible()]
    assert len(visible) == 1 and visible[0].startswith("Customer Service Specialist")
    assert page.locator("#count").inner_text() == "1 of 833"
    page.fill("#search", "customer service")
    assert page.locator("#roles li:visible").count() == 3
    assert page.locator("#occupations li:visible").count() >= 1  # the representatives
    page.fill("#search", "43-4051")
    assert page.locator("#occupations li:visible").all_inner_texts() == [
        "Customer Service Representatives (43-4051) $46,590"
    ]
    page.fill("#search", "astronaut")
    assert page.locator("#no-match").is_visible()
    page.fill("#search", "lead")
    page.locator("#roles li:visible a").click()
    assert page.url.endswith("roles/lead-customer-service-representative.html")
    assert all(url.startswith("file://") for url in requests), requests
    page.close()


def test_pair_page_draws_its_charts(site, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1000, "height": 1200})
    page.goto((site / PAIR).as_uri())
    assert page.locator("h1").inner_text() == (
        "Customer service manager vs lead customer service representative"
    )
    charts = page.locator("svg.chart")
    kinds = [charts.nth(i).get_attribute("data-chart") for i in range(charts.count())]
    assert kinds == ["salary-range", "bars", "bars", "bars"]
    for index in range(charts.count()):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 40
        bars = chart.locator("rect.bar")
        assert bars.count() >= 2
        widths = [bars.nth(i).bounding_box()["width"] for i in range(bars.count())]
        assert max(widths) > 50
    shot = tmp_path / "pair.png"
    page.screenshot(path=str(shot), full_page=True)
    page.close()
    image = Image.open(shot).convert("RGB")
    assert image.width >= 1000 and image.height > 2000
    pixels = list(image.get_flattened_data())
    not_white = sum(1 for p in pixels if sum(p) < 720)
    assert not_white / len(pixels) > 0.03
    assert len(set(pixels)) > 50
    chart_blue = sum(
        1 for r, g, b in pixels if abs(r - 47) < 8 and abs(g - 111) < 8 and abs(b - 159) < 8
    )
    assert chart_blue > 500
