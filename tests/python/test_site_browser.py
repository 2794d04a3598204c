"""The site in a real browser: Debian's Chromium, headless, driven by Playwright."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import sync_playwright
from support import SOURCE_PAGES, run_cli_on

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


# --- Pages people read: desktop and phone widths (issue 13 item 9) -------------------------

DESKTOP, PHONE = 1280, 390
MIN_TEXT_PX = 11
ROLE_A, ROLE_B = "Customer Service Manager", "Lead Customer Service Representative"
OCCUPATION_A, OCCUPATION_B = "Customer Service Representatives", "Office Clerks, General"
# Each page with the charts it draws, in order, and the subjects every chart's legend names.
READ_PAGES = {
    "role-pair": (PAIR, ["salary-range", "bars", "bars", "bars"], [ROLE_A, ROLE_B]),
    "role": ("roles/customer-service-manager.html", ["salary-range", "bars", "bars", "bars"],
             [ROLE_A]),
    "occupation": ("occupations/43-4051.html", ["salary-range", "bars"], [OCCUPATION_A]),
    "occupation-pair": ("occupation-pairs/43-4051-vs-43-9061.html", ["salary-range", "bars"],
                        [OCCUPATION_A, OCCUPATION_B]),
}  # fmt: skip

# What a chart shows, measured in the browser: every text's visible words, rendered size in
# CSS px (its font size times the SVG's scale on screen) and box; each legend entry's box,
# swatch colour and whether its label is what the browser finds at the label's place.
CHART_JS = """svg => {
  const frame = svg.getBoundingClientRect();
  const scale = svg.getScreenCTM().a;
  const words = node => Array.from(node.childNodes)
    .filter(child => child.nodeName !== 'title').map(child => child.textContent).join(' ').trim();
  const box = node => {
    const b = node.getBoundingClientRect();
    return {left: b.left - frame.left, top: b.top - frame.top,
            right: b.right - frame.left, bottom: b.bottom - frame.top};
  };
  return {
    width: frame.width,
    height: frame.height,
    texts: Array.from(svg.querySelectorAll('text')).map(text => ({
      words: words(text), css: text.getAttribute('class') || '',
      px: parseFloat(getComputedStyle(text).fontSize) * scale, box: box(text)})),
    legend: Array.from(svg.querySelectorAll('.legend-entry')).map(entry => {
      const label = entry.querySelector('text');
      const b = label.getBoundingClientRect();
      const found = document.elementFromPoint(b.left + Math.min(b.width / 2, 20),
                                              b.top + b.height / 2);
      return {words: words(label), box: box(entry), swatch: box(entry.querySelector('.swatch')),
              fill: entry.querySelector('.swatch').getAttribute('fill'),
              on_top: found !== null && label.contains(found)};
    }),
    bar_fills: Array.from(new Set(Array.from(svg.querySelectorAll('rect.bar'))
      .map(bar => bar.getAttribute('fill')))),
  };
}"""


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(p - c) <= tolerance for p, c in zip(pixel, colour, strict=False))


def _inside(box: dict, width: float, height: float, slack: float = 0.5) -> bool:
    return (box["left"] >= -slack and box["top"] >= -slack
            and box["right"] <= width + slack and box["bottom"] <= height + slack)  # fmt: skip


def _overlap(a: dict, b: dict) -> float:
    across = min(a["right"], b["right"]) - max(a["left"], b["left"])
    down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(across, 0) * max(down, 0)


def _source_fact(label: str) -> str:
    """The two roles' values of one row of the comparison source page, as the page writes it."""
    text = (SOURCE_PAGES / (PAIR.removeprefix("pairs/").removesuffix(".html") + ".txt")).read_text()
    (line,) = [line for line in text.splitlines() if line.startswith(label)]
    return line.removeprefix(label)


def _check_chart(chart, shot: Path, subjects: list[str]) -> dict:
    """Every claim about one chart as drawn; returns the measurements for further checks."""
    chart.scroll_into_view_if_needed()
    seen = chart.evaluate(CHART_JS)
    chart.screenshot(path=str(shot))
    width, height = seen["width"], seen["height"]
    texts = [t for t in seen["texts"] if t["words"]]
    small = [(t["words"], round(t["px"], 1)) for t in texts if t["px"] < MIN_TEXT_PX]
    assert not small, f"text under {MIN_TEXT_PX} px: {small}"
    clipped = [t["words"] for t in texts if not _inside(t["box"], width, height, slack=1)]
    assert not clipped, f"text cut off by the chart's edge: {clipped}"
    crowded = [
        (a["words"], b["words"])
        for i, a in enumerate(texts)
        for b in texts[i + 1 :]
        if _overlap(a["box"], b["box"]) > 2
    ]
    assert not crowded, f"texts drawn over each other: {crowded}"
    titles = [t["words"] for t in texts if "chart-title" in t["css"]]
    assert len(titles) == 1 and len(titles[0]) > 5, titles
    axis = [t["words"] for t in texts if "value-axis" in t["css"]]
    assert len(axis) == 1 and axis[0].endswith((", USD", ", %")), axis
    assert len([t for t in texts if "tick" in t["css"]]) >= 3
    legend = seen["legend"]
    assert [entry["words"] for entry in legend][: len(subjects)] == subjects
    for entry in legend:
        assert _inside(entry["box"], width, height), f"legend entry cut off: {entry}"
        assert entry["on_top"], f"legend entry hidden: {entry}"
    # The picture itself: each swatch's colour where the swatch is, dark pixels (the words)
    # where each legend label is, and each bar colour somewhere in the chart.
    image = Image.open(shot).convert("RGB")
    assert abs(image.width - width) <= 1 and abs(image.height - height) <= 1
    for entry in legend:
        swatch = entry["swatch"]
        centre = ((swatch["left"] + swatch["right"]) / 2, (swatch["top"] + swatch["bottom"]) / 2)
        assert _near(image.getpixel((int(centre[0]), int(centre[1]))), _rgb(entry["fill"])), entry
        label = image.crop((int(swatch["right"]) + 2, int(entry["box"]["top"]),
                            int(entry["box"]["right"]), int(entry["box"]["bottom"])))  # fmt: skip
        dark = sum(1 for p in label.get_flattened_data() if sum(p) < 300)
        assert dark > 40, f"legend label not drawn: {entry['words']}"
    pixels = list(image.get_flattened_data())
    for fill in seen["bar_fills"]:
        assert sum(1 for p in pixels if _near(p, _rgb(fill), 4)) > 100, fill
    return seen


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_charts_have_titles_axes_units_and_legends_readable_at_desktop_and_phone_width(
    site, browser, tmp_path, width
):
    for name, (path, kinds, subjects) in READ_PAGES.items():
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((site / path).as_uri())
        charts = page.locator("svg.chart")
        assert [charts.nth(i).get_attribute("data-chart") for i in range(charts.count())] == kinds
        drawn = [
            _check_chart(charts.nth(i), tmp_path / f"{name}-{width}-chart-{i}.png", subjects)
            for i in range(charts.count())
        ]
        if name == "role-pair":
            # The facts drawn are the source page's: salary ranges and averages, gender ratios.
            ranges = re.findall(r"Between (\$[\d,]+) And (\$[\d,]+)", _source_fact("Salary range"))
            averages = re.findall(r"\$[\d,]+", _source_fact("Average salary"))
            summaries = [t["words"] for t in drawn[0]["texts"] if t["css"] == "value"]
            assert summaries == [
                f"{low} to {high}, average salary {average}"
                for (low, high), average in zip(ranges, averages, strict=True)
            ]
            genders = re.findall(r"(Male|Female), ([\d.]+%)", _source_fact("Gender ratio"))
            shown = [t["words"] for t in drawn[1]["texts"] if t["css"] == "value"]
            a, b = genders[:2], genders[2:]
            assert shown == [a[0][1], b[0][1], a[1][1], b[1][1]]
        page.close()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_pages_never_scroll_sideways_and_tables_fit(site, browser, tmp_path, width):
    for name, (path, _, _) in {**READ_PAGES, "index": ("index.html", [], [])}.items():
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((site / path).as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        # A table is either within the page or inside its own scrolling box that is.
        overflowing = page.evaluate(
            """width => Array.from(document.querySelectorAll('table')).filter(table => {
                 let frame = table;
                 while (frame.parentElement && !['auto', 'scroll'].includes(
                   getComputedStyle(frame.parentElement).overflowX)) {
                   frame = frame.parentElement;
                 }
                 const box = (frame.parentElement || frame).getBoundingClientRect();
                 return box.left < 0 || box.right > width
                   || table.getBoundingClientRect().left < 0;
               }).map(table => table.innerText.slice(0, 40))""",
            width,
        )
        assert overflowing == [], (name, overflowing)
        # On these pages the tables reflow to fit: no part of one is out of sight.
        cut = page.evaluate(
            """() => Array.from(document.querySelectorAll('table'))
                 .filter(table => table.getBoundingClientRect().right
                                  > document.documentElement.clientWidth)
                 .map(table => table.innerText.slice(0, 40))"""
        )
        assert cut == [], (name, cut)
        header = int(page.locator("header").bounding_box()["height"]) + 1
        shot = tmp_path / f"{name}-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        page.close()
        image = Image.open(shot).convert("RGB")
        assert image.width == width, (name, image.width)  # a full-page shot is as wide as the page
        # Below the header, the right-hand margin holds no table border, chart or text: just
        # the page's background.
        margin = image.crop((width - 6, header, width, image.height))
        assert all(sum(p) > 700 for p in margin.get_flattened_data()), name


def test_search_forgives_a_typo_and_ranks_exact_matches_first(site, browser, tmp_path):
    page = browser.new_page(viewport={"width": PHONE, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((site / "index.html").as_uri())
    page.fill("#search", "managr")
    assert page.locator("#roles li:visible").all_inner_texts() == [
        "Customer Service Manager $61,487"
    ]
    occupations = page.locator("#occupations li:visible").all_inner_texts()
    assert any(text.startswith("General and Operations Managers (11-1021)") for text in occupations)
    assert all("manag" in text.lower() for text in occupations), occupations
    page.screenshot(path=str(tmp_path / "search-managr.png"))
    # Whole-word and word-start matches come before typo matches: "manager" lists the
    # "... Managers" occupations before "Management Analysts" (one letter off "manage").
    page.fill("#search", "manager")
    occupations = page.locator("#occupations li:visible").all_inner_texts()
    managers = [i for i, text in enumerate(occupations) if " Managers" in text]
    analysts = [i for i, text in enumerate(occupations) if text.startswith("Management Analysts")]
    assert managers and analysts and max(managers) < min(analysts), occupations
    page.fill("#search", "nurse")
    first = page.locator("#occupations li:visible").first.inner_text()
    assert first.startswith("Nurse "), first  # the word itself before "nurses", "nursery"
    # One typo in each of several words; short words get none (too many near misses).
    page.fill("#search", "custmer servce")
    assert page.locator("#roles li:visible").count() == 3
    assert page.locator("#occupations li:visible").all_inner_texts() == [
        "Customer Service Representatives (43-4051) $46,590"
    ]
    page.fill("#search", "laed")
    assert page.locator("#roles li:visible").count() == 0
    page.fill("#search", "astronaut")
    assert page.locator("#no-match").is_visible()
    # Clearing the box brings every entry back in alphabetical order.
    page.fill("#search", "")
    roles = page.locator("#roles li").all_inner_texts()
    assert roles == sorted(roles, key=str.lower) and len(roles) == 3
    names = page.locator("#occupations li").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    assert page.locator("#count").inner_text() == "833 of 833"
    assert all(url.startswith("file://") for url in requests), requests
    page.close()
