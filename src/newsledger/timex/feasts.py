"""Dates of named holidays in a given year: "Easter Sunday", "Orthodox Easter", "Ramadan".

News on wars dates truces and attacks by feasts ("the Easter truce", "during Ramadan"), so the
times stage needs their calendar dates. Everything is computed, no table to keep up to date:

* Western Easter: the anonymous Gregorian computus (Meeus/Jones/Butcher algorithm, J. Meeus,
  *Astronomical Algorithms*, ch. 8), valid for every Gregorian year.
* Orthodox Easter: Meeus's Julian computus, converted to the Gregorian calendar by adding the
  Julian–Gregorian difference (13 days for 1900–2099).
* Ramadan and the two Eids: the arithmetical (tabular) Islamic calendar of Dershowitz and
  Reingold, *Calendrical Calculations*, ch. 7 ("fixed-from-islamic", civil epoch 16 July 622
  Julian). Observed dates follow moon sighting and can differ by one or two days, so Ramadan is
  reported at month or year precision only, never as an exact day range (see the tests, which
  check 2000–2035 against observed first days within two days).
* Fixed feasts (Christmas, New Year, Victory Day, ...) are a small table below.
"""

from __future__ import annotations

from datetime import date, timedelta

# Fixed-date feasts: name -> (month, day). Names are lower case, as :func:`feast_span` takes them.
FIXED_FEASTS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "orthodox christmas": (1, 7),  # 25 December Julian, 1900-2099
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "victory day": (5, 9),  # Russia's and Ukraine's (since 2023 Ukraine marks 8 May) holiday
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "armistice day": (11, 11),
    "remembrance day": (11, 11),
    "international women's day": (3, 8),
}

# Offsets in days from Western Easter Sunday.
EASTER_RELATIVE: dict[str, int] = {
    "easter": 0,
    "easter sunday": 0,
    "easter day": 0,
    "easter monday": 1,
    "good friday": -2,
    "holy saturday": -1,
    "maundy thursday": -3,
    "palm sunday": -7,
    "ash wednesday": -46,
    "pentecost": 49,
    "whitsun": 49,
}

ORTHODOX_RELATIVE: dict[str, int] = {
    "orthodox easter": 0,
    "orthodox easter sunday": 0,
    "orthodox palm sunday": -7,
}

# Islamic feasts: name -> (Islamic month, first day, length in days).
ISLAMIC_FEASTS: dict[str, tuple[int, int, int]] = {
    "ramadan": (9, 1, 30),
    "eid al-fitr": (10, 1, 1),
    "eid al-adha": (12, 10, 1),
}

FEAST_NAMES = frozenset({*FIXED_FEASTS, *EASTER_RELATIVE, *ORTHODOX_RELATIVE, *ISLAMIC_FEASTS})


def western_easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (anonymous Gregorian computus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday, as a Gregorian date (Julian computus plus the calendar gap)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_gap = year // 100 - year // 400 - 2  # 13 days for 1900-2099
    return date(year, month, day + 1) + timedelta(days=julian_gap)


# Rata Die (days since 0001-01-01 proleptic Gregorian, day 1) of 1 Muharram AH 1.
_ISLAMIC_EPOCH = date(622, 7, 19).toordinal()


def islamic_to_gregorian(year: int, month: int, day: int) -> date:
    """A date of the arithmetical Islamic calendar, as a Gregorian date."""
    fixed = (
        _ISLAMIC_EPOCH
        - 1
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + 29 * (month - 1)
        + month // 2
        + day
    )
    return date.fromordinal(fixed)


def _islamic_spans(name: str, gregorian_year: int) -> list[tuple[date, date]]:
    month, first_day, length = ISLAMIC_FEASTS[name]
    # A Gregorian year overlaps two or three Islamic years (AH ~ (AD - 622) * 33/32).
    approx = round((gregorian_year - 622) * 33 / 32)
    spans = []
    for hijri_year in range(approx - 1, approx + 3):
        start = islamic_to_gregorian(hijri_year, month, first_day)
        if start.year == gregorian_year:
            spans.append((start, start + timedelta(days=length - 1)))
    return spans


def feast_span(name: str, year: int) -> tuple[date, date] | None:
    """First and last day of the feast ``name`` (lower case) that begins in ``year``.

    None for unknown names and years outside 1900-2100 (the range the algorithms are checked
    for). In the rare years with two Ramadans (2030), the first is returned.
    """
    key = name.lower()
    if not 1900 <= year <= 2100:
        return None
    if key in FIXED_FEASTS:
        month, day = FIXED_FEASTS[key]
        day_date = date(year, month, day)
        return day_date, day_date
    if key in EASTER_RELATIVE:
        day_date = western_easter(year) + timedelta(days=EASTER_RELATIVE[key])
        return day_date, day_date
    if key in ORTHODOX_RELATIVE:
        day_date = orthodox_easter(year) + timedelta(days=ORTHODOX_RELATIVE[key])
        return day_date, day_date
    if key in ISLAMIC_FEASTS:
        spans = _islamic_spans(key, year)
        return spans[0] if spans else None
    return None


def is_exact(name: str) -> bool:
    """Whether the computed date is the observed one (Islamic dates may differ by a day)."""
    return name.lower() not in ISLAMIC_FEASTS
