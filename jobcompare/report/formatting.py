"""Values written the way the source pages write them ("$61,487", "-4%", "Male, 37.0%")."""

from __future__ import annotations

from decimal import Decimal

UNKNOWN = "-"


def _plain(value: Decimal | float | int) -> str:
    """A number without trailing zeros: 46.00 -> '46', 12.50 -> '12.5'."""
    number = Decimal(str(value))
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def money(value: Decimal | float | int | None, cents: bool = False) -> str:
    """'$61,487' (whole dollars), '$29.56' (with cents, or when not whole); '-' if unknown."""
    if value is None:
        return UNKNOWN
    number = Decimal(str(value))
    sign = "-" if number < 0 else ""
    number = abs(number)
    if cents or number != number.to_integral_value():
        return f"{sign}${number:,.2f}"
    return f"{sign}${int(number):,}"


def money_cents(value: Decimal | float | int | None) -> str:
    """'$29.56', always with cents, as pages write an hourly rate; '-' if unknown."""
    return money(value, cents=True)


def percent(value: Decimal | float | int | None) -> str:
    """'6%', '-4%', '12.5%'; '-' if unknown."""
    return UNKNOWN if value is None else f"{_plain(value)}%"


def share(value: Decimal | float | int | None) -> str:
    """A group's share with one decimal, as in the gender and race ratios: '37.0%'."""
    return UNKNOWN if value is None else f"{Decimal(str(value)):.1f}%"


def count(value: int | None) -> str:
    """'313,110'; '-' if unknown."""
    return UNKNOWN if value is None else f"{value:,}"


def number(value: Decimal | float | int | None) -> str:
    """'44', '4.5'; '-' if unknown."""
    return UNKNOWN if value is None else _plain(value)


def text(value: str | None) -> str:
    """The text, or '-' if unknown."""
    return UNKNOWN if value is None or not str(value).strip() else str(value)


def labelled_share(label: str | None, value: Decimal | float | int | None) -> str:
    """ "Bachelor's Degree, 46%"; '-' if the label is unknown."""
    if label is None:
        return UNKNOWN
    return f"{label}, {percent(value)}" if value is not None else label


def money_range(low: Decimal | None, high: Decimal | None) -> str:
    """'Between $35,000 And $105,000'; '-' if either end is unknown."""
    if low is None or high is None:
        return UNKNOWN
    return f"Between {money(low)} And {money(high)}"


def city(name: str | None, state_code: str | None) -> str:
    """'Goldsboro, NC'; '-' if unknown."""
    if name is None:
        return UNKNOWN
    return f"{name}, {state_code}" if state_code else name


def months(value: Decimal | float | int | None) -> str:
    """A duration in months in words: '6 months', '1 month', '4 years' (whole years)."""
    if value is None:
        return UNKNOWN
    number_of_months = Decimal(str(value))
    if number_of_months >= 12 and number_of_months % 12 == 0:
        years = int(number_of_months // 12)
        return f"{years} year" + ("" if years == 1 else "s")
    return f"{_plain(number_of_months)} month" + ("" if number_of_months == 1 else "s")
