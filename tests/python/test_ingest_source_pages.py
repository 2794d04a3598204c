"""The parser on the two real source pages, field by field.

Every expected value below was read off the page files in ../shared/source-pages by eye.
"""

from __future__ import annotations

import pytest
from support import MANAGER_PAGE, SPECIALIST_PAGE

from jobcompare.ingest.parse_page import parse_page
from jobcompare.ingest.resolve import settle

MANAGER = "Customer Service Manager"
LEAD = "Lead Customer Service Representative"
SPECIALIST = "Customer Service Specialist"


@pytest.fixture
def pages(source_pages):
    parsed = [parse_page(MANAGER_PAGE), parse_page(SPECIALIST_PAGE)]
    settle(parsed)
    return {page.page_id: page for page in parsed}


@pytest.fixture
def manager_page(pages):
    return pages[MANAGER_PAGE.stem]


@pytest.fixture
def specialist_page(pages):
    return pages[SPECIALIST_PAGE.stem]


def table(page, section):
    return {row.label: (row.readings[0], row.line) for row in page.rows if row.section == section}


def test_pages_know_their_two_roles_in_order(manager_page, specialist_page):
    assert manager_page.roles == (MANAGER, LEAD)
    assert manager_page.title == "Customer service manager vs lead customer service representative"
    assert manager_page.title_line == 3
    assert manager_page.layout == "run_together"
    assert specialist_page.roles == (LEAD, SPECIALIST)
    assert specialist_page.title == ""
    assert specialist_page.layout == "pipe_table"


def test_run_together_overview_of_manager_page(manager_page):
    assert table(manager_page, "overview") == {
        "Yearly salary": (("$61,487", "$36,097"), 12),
        "Hourly rate": (("$29.56", "$17.35"), 13),
        "Growth rate": (("6%", "-4%"), 14),
        "Number of jobs": (("313,110", "192,052"), 15),
        "Job satisfaction": (("5", "-"), 16),
        "Most common degree": (("Bachelor's Degree, 46%", "Bachelor's Degree, 33%"), 17),
        "Average age": (("44", "40"), 18),
        "Years of experience": (("6", "12"), 19),
    }


def test_run_together_ages_resolved_by_plausible_range(manager_page):
    ages = [row for row in manager_page.rows if row.label == "Average age"]
    assert [(row.line, row.readings, row.how) for row in ages] == [
        (18, [("44", "40")], "plausible_split"),
        (55, [("44", "40")], "plausible_split"),
    ]


def test_run_together_experience_612_reads_6_and_12_not_61_and_2(manager_page):
    (row,) = [row for row in manager_page.rows if row.label == "Years of experience"]
    assert row.readings == [("6", "12")]


def test_run_together_company_settled_by_the_other_page(manager_page):
    (row,) = [row for row in manager_page.rows if row.label == "Best paying company"]
    assert row.readings == [("KLA", "IBM")]
    assert row.how == f"matches_page:{SPECIALIST_PAGE.stem}"


def test_run_together_company_alone_stays_ambiguous(source_pages):
    page = parse_page(MANAGER_PAGE)
    (row,) = [row for row in page.rows if row.label == "Best paying company"]
    assert ("KLA", "IBM") in row.readings and ("KL", "AIBM") in row.readings


def test_salary_education_demographics_of_manager_page(manager_page):
    assert table(manager_page, "salary") == {
        "Average salary": (("$61,487", "$36,097"), 34),
        "Salary range": (("Between $35,000 And $105,000", "Between $22,000 And $58,000"), 35),
        "Highest paying City": (("Washington, DC", "Goldsboro, NC"), 36),
        "Highest paying state": (("New Jersey", "New York"), 37),
        "Best paying company": (("KLA", "IBM"), 38),
        "Best paying industry": (("Manufacturing", "Insurance"), 39),
    }
    assert table(manager_page, "education") == {
        "Most common degree": (("Bachelor's Degree, 46%", "Bachelor's Degree, 33%"), 46),
        "Most common major": (("Business", "Business"), 47),
        "Most common college": (("University of Pennsylvania", "-"), 48),
    }
    demographics = table(manager_page, "demographics")
    assert demographics["Average age"] == (("44", "40"), 55)
    assert demographics["Gender ratio"] == (
        ("Male, 37.0% Female, 63.0%", "Male, 32.1% Female, 67.9%"),
        56,
    )
    assert demographics["Race ratio"] == (
        (
            "Black or African American, 6.3% Unknown, 4.3% Hispanic or Latino, 15.5% Asian, 6.4% "
            "White, 67.0% American Indian and Alaska Native, 0.5%",
            "Black or African American, 11.8% Unknown, 5.4% Hispanic or Latino, 21.2% Asian, "
            "6.3% White, 54.6% American Indian and Alaska Native, 0.7%",
        ),
        57,
    )
    assert demographics["LGBT Percentage"] == (("10%", "7%"), 58)


def test_pipe_tables_of_specialist_page(specialist_page):
    overview = table(specialist_page, "overview")
    assert overview["Yearly salary"] == (("$36,097", "$33,238"), 10)
    assert overview["Hourly rate"] == (("$17.35", "$15.98"), 11)
    assert overview["Growth rate"] == (("-4%", "-4%"), 12)
    assert overview["Number of jobs"] == (("192,052", "223,323"), 13)
    assert overview["Job satisfaction"] == (("-", "4"), 14)
    assert overview["Most common degree"] == (
        ("Bachelor's Degree, 33%", "Bachelor's Degree, 43%"),
        15,
    )
    assert overview["Average age"] == (("40", "40"), 16)
    assert overview["Years of experience"] == (("12", "12"), 17)
    salary = table(specialist_page, "salary")
    assert salary["Salary range"] == (
        ("Between $22,000 And $58,000", "Between $26,000 And $42,000"),
        23,
    )
    assert salary["Highest paying City"] == (("Goldsboro, NC", "Boston, MA"), 24)
    assert salary["Highest paying state"] == (("New York", "Massachusetts"), 25)
    assert salary["Best paying company"] == (("IBM", "Dell"), 26)
    assert salary["Best paying industry"] == (("Insurance", "Finance"), 27)
    education = table(specialist_page, "education")
    assert education["Most common major"] == (("Business", "Business"), 31)
    assert education["Most common college"] == (("-", "-"), 32)
    demographics = table(specialist_page, "demographics")
    assert demographics["Gender ratio"] == (
        ("Male, 32.1% Female, 67.9%", "Male, 32.0% Female, 68.0%"),
        36,
    )
    assert demographics["Race ratio"][0][1] == (
        "Black or African American, 11.6% Unknown, 5.4% Hispanic or Latino, 20.0% Asian, 6.8% "
        "White, 55.6% American Indian and Alaska Native, 0.7%"
    )
    assert demographics["LGBT Percentage"] == (("7%", "7%"), 38)
    assert all(row.how == "cell" for row in specialist_page.rows)


def texts(items):
    return [(item.position, item.line, item.rank, item.text) for item in items]


def test_times_to_become_from_the_prose(manager_page, specialist_page):
    assert texts(manager_page.durations) == [(1, 5, 0, "4-6 years"), (2, 5, 0, "6-12 months")]
    assert texts(specialist_page.durations) == [
        (1, 7, 0, "6-12 months"),
        (2, 7, 0, "6-12 months"),
    ]


def test_top_three_skills_from_the_prose(manager_page, specialist_page):
    assert texts(manager_page.top_skills) == [
        (1, 7, 1, "strong customer service"),
        (1, 7, 2, "payroll"),
        (1, 7, 3, "customer satisfaction"),
        (2, 7, 1, "cleanliness"),
        (2, 7, 2, "cash handling"),
        (2, 7, 3, "inventory control"),
    ]
    assert [item.text for item in specialist_page.top_skills if item.position == 2] == [
        "customer service",
        "strong customer service",
        "cleanliness",
    ]


def test_descriptions_in_both_layouts(manager_page, specialist_page):
    manager = [(d.position, d.line) for d in manager_page.descriptions]
    assert manager == [(1, 23), (2, 27)]
    assert manager_page.descriptions[0].text.startswith("Customer service managers are in charge")
    assert manager_page.descriptions[1].text.endswith("support the business' improvement plans.")
    assert [(d.position, d.line) for d in specialist_page.descriptions] == [(1, 18), (2, 19)]
    assert specialist_page.descriptions[1].text.startswith("Customer service specialists are")
    # The lead representative is described with the same words on both pages.
    assert manager_page.descriptions[1].text == specialist_page.descriptions[0].text


def test_skill_lists_with_shares(manager_page, specialist_page):
    assert texts(manager_page.skills) == [
        (1, 82, 1, "Strong Customer Service, 15%"),
        (1, 83, 2, "Payroll, 6%"),
        (1, 84, 3, "Customer Satisfaction, 6%"),
        (1, 85, 4, "Customer Complaints, 6%"),
        (1, 86, 5, "Customer Service, 6%"),
        (1, 87, 6, "ISO, 5%"),
        (2, 89, 1, "Cleanliness, 65%"),
        (2, 90, 2, "Cash Handling, 14%"),
        (2, 91, 3, "Inventory Control, 12%"),
        (2, 92, 4, "POS, 1%"),
        (2, 93, 5, "Customer Service, 1%"),
        (2, 94, 6, "Sales Floor, 1%"),
    ]
    assert specialist_page.skills == []


def test_responsibilities_without_page_furniture(manager_page, specialist_page):
    duties = texts(manager_page.responsibilities)
    assert [d[:3] for d in duties] == [
        (1, 64, 1), (1, 65, 2), (1, 66, 3), (1, 67, 4), (1, 68, 5), (1, 69, 6),
        (2, 74, 1), (2, 75, 2), (2, 76, 3), (2, 77, 4),
    ]  # fmt: skip
    assert duties[0][3] == (
        "Manage the accounts payable and accounts receivable dealing with the Michigan WIC program."
    )
    assert duties[9][3] == (
        "Implement cost cutting measures leveraging out FedEx applications and services provide."
    )
    assert not any("Show more" in d[3] for d in duties)
    assert specialist_page.responsibilities == []
