"""Dates as people type them (phr.core.typed_dates), read without Qt."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phr.core import partial_date
from phr.core import typed_dates as typed
from phr.core.typed_dates import Expect, Order, read, typed_form

NOW = datetime(2026, 7, 20, 14, 5)  # a Monday


@pytest.mark.parametrize("text", [
    "15-01-2027 10:30", "15-1-2027 10:30", "15/1/2027 10.30", "15.01.2027 10u30", "15 jan 2027 10:30",
    "15 januari 2027 om 10:30", "15 January 2027 at 10:30", "Jan 15, 2027 10:30 am", "january 15 2027 10:30",
    "2027-01-15 10:30", "2027-01-15T10:30", "  15 - 01 - 2027   10:30 ", "vrijdag 15 januari 2027 om 10:30",
    "Friday 15 January 2027 at 10:30", "vr 15 jan. 2027 10:30", "15th of January 2027 10:30", "15-01-2027, 10:30",
])
def test_one_moment_typed_in_many_ways(text):
    assert read(text, NOW, Expect.DATE_TIME) == typed.Understood("2027-01-15T10:30", "", "2027-01-15")


@pytest.mark.parametrize(("text", "iso"), [
    ("vandaag", "2026-07-20"), ("today", "2026-07-20"), ("morgen", "2026-07-21"), ("Tomorrow", "2026-07-21"),
    ("overmorgen", "2026-07-22"), ("gisteren", "2026-07-19"), ("yesterday", "2026-07-19"),
    ("eergisteren", "2026-07-18"), ("15-1", "2026-01-15"), ("15 mei", "2026-05-15"), ("29-2-2028", "2028-02-29"),
    ("1 mrt 2027", "2027-03-01"), ("1 maart 2027", "2027-03-01"), ("3 okt 2027", "2027-10-03"),
    ("3 oct 2027", "2027-10-03"), ("15.01", "2026-01-15"),
])
def test_days(text, iso):
    assert read(text, NOW, Expect.DATE).iso == iso


@pytest.mark.parametrize(("text", "iso"), [
    ("morgen 9u", "2026-07-21T09:00"), ("morgen om 9 uur", "2026-07-21T09:00"), ("today 2:30 pm", "2026-07-20T14:30"),
    ("today 12 am", "2026-07-20T00:00"), ("today 12:15 pm", "2026-07-20T12:15"), ("vandaag 0:05", "2026-07-20T00:05"),
    ("nu", "2026-07-20T14:05"), ("now", "2026-07-20T14:05"), ("15-1-2027 9h", "2027-01-15T09:00"),
])
def test_times(text, iso):
    assert read(text, NOW, Expect.DATE_TIME).iso == iso


@pytest.mark.parametrize(("text", "iso"), [
    ("2019", "2019"), ("5-2019", "2019-05"), ("05/2019", "2019-05"), ("2019-05", "2019-05"), ("mei 2019", "2019-05"),
    ("May 2019", "2019-05"), ("2019 mei", "2019-05"), ("14-5-2019", "2019-05-14"), ("vandaag", "2026-07-20"),
])
def test_a_partial_date_where_the_field_keeps_one(text, iso):
    assert read(text, NOW, Expect.PARTIAL_DATE).iso == iso


@pytest.mark.parametrize(("text", "expect", "problem"), [
    ("blabla", Expect.DATE, typed.UNREADABLE),
    ("15?01?2027", Expect.DATE, typed.UNREADABLE),
    ("15-01-2027 10", Expect.DATE_TIME, typed.UNREADABLE),  # a bare 10 is not a time
    ("mei", Expect.PARTIAL_DATE, typed.UNREADABLE),  # which year?
    ("15", Expect.DATE, typed.UNREADABLE),
    ("20270115", Expect.DATE, typed.UNREADABLE),
    ("15-1-27", Expect.DATE, typed.SHORT_YEAR),
    ("15 jan 27", Expect.DATE, typed.SHORT_YEAR),
    ("31-02-2027", Expect.DATE, typed.NO_SUCH_DAY),
    ("29-2-2027", Expect.DATE, typed.NO_SUCH_DAY),
    ("13-2019", Expect.PARTIAL_DATE, typed.NO_SUCH_DAY),
    ("1-1-1899", Expect.DATE, typed.OUT_OF_RANGE),
    ("2019", Expect.DATE, typed.NEEDS_DAY),
    ("mei 2019", Expect.DATE_TIME, typed.NEEDS_DAY),
    ("15-01-2027", Expect.DATE_TIME, typed.NEEDS_TIME),
    ("10:30", Expect.DATE_TIME, typed.NEEDS_DATE),
    ("15-01-2027 10:30", Expect.DATE, typed.NO_TIME_HERE),
    ("15-01-2027 10:30", Expect.PARTIAL_DATE, typed.NO_TIME_HERE),
    ("15-01-2027 24:00", Expect.DATE_TIME, typed.BAD_TIME),
    ("15-01-2027 10:60", Expect.DATE_TIME, typed.BAD_TIME),
    ("15-01-2027 13 pm", Expect.DATE_TIME, typed.BAD_TIME),
    ("dinsdag 15 januari 2027", Expect.DATE, typed.WEEKDAY),  # a Friday
    ("dinsdag mei 2019", Expect.PARTIAL_DATE, typed.WEEKDAY),
])
def test_what_cannot_be_read_is_refused_with_its_reason(text, expect, problem):
    reading = read(text, NOW, expect)
    assert (reading.iso, reading.problem) == ("", problem)


def test_a_refusal_keeps_the_day_it_read_so_the_app_can_name_it():
    assert read("15-01-2027", NOW, Expect.DATE_TIME).day == "2027-01-15"
    assert read("dinsdag 15 januari 2027", NOW, Expect.DATE).day == "2027-01-15"


def test_empty_is_neither_a_date_nor_a_problem():
    assert read("  ", NOW, Expect.DATE_TIME) == typed.Understood()


def test_numbers_follow_the_order_given_and_words_need_none():
    assert read("1-15-2027", NOW, Expect.DATE, Order.MONTH_FIRST).iso == "2027-01-15"
    assert read("1-15-2027", NOW, Expect.DATE).problem == typed.NO_SUCH_DAY  # day first: month 15
    assert read("5-6-2027", NOW, Expect.DATE, Order.MONTH_FIRST).iso == "2027-05-06"
    assert read("5-6-2027", NOW, Expect.DATE).iso == "2027-06-05"
    assert read("15 jan 2027", NOW, Expect.DATE, Order.MONTH_FIRST).iso == "2027-01-15"
    assert read("2027-01-05", NOW, Expect.DATE, Order.MONTH_FIRST).iso == "2027-01-05"  # year first is always ISO


def test_the_typed_form_of_a_stored_value():
    assert typed_form("2027-01-15T10:30") == "15-01-2027 10:30"
    assert typed_form("2027-01-15T10:30", Order.MONTH_FIRST) == "01-15-2027 10:30"
    assert (typed_form("2019-05"), typed_form("2019"), typed_form("")) == ("05-2019", "2019", "")


days = st.dates(date(partial_date.MIN_YEAR, 1, 1), date(partial_date.MAX_YEAR, 12, 31))


@given(days, st.integers(0, 23), st.integers(0, 59), st.sampled_from(Order))
def test_every_stored_moment_reads_back_from_its_typed_form(day, hour, minute, order):
    iso = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    assert read(typed_form(iso, order), NOW, Expect.DATE_TIME, order).iso == iso


@given(days, st.sampled_from([4, 7, 10]), st.sampled_from(Order))
def test_every_partial_date_reads_back_from_its_typed_form(day, length, order):
    iso = day.isoformat()[:length]
    assert read(typed_form(iso, order), NOW, Expect.PARTIAL_DATE, order).iso == iso


@given(days)
def test_the_partial_dates_stored_before_still_read_the_same(day):
    """What phr.core.partial_date took ('14-5-2019', '2019-05-14') means the same here."""
    for text in (f"{day.day}-{day.month}-{day.year}", day.isoformat(), f"{day.month}-{day.year}", str(day.year)):
        assert read(text, NOW, Expect.PARTIAL_DATE).iso == partial_date.normalise(text)


@given(st.text(max_size=30))
def test_any_text_is_read_or_refused_never_an_error(text):
    reading = read(text, NOW, Expect.DATE_TIME)
    assert bool(reading.iso) != bool(reading.problem) or not text.strip()
    if reading.iso:
        moment = datetime.strptime(reading.iso, "%Y-%m-%dT%H:%M")
        assert partial_date.MIN_YEAR <= moment.year <= partial_date.MAX_YEAR


def test_relative_days_count_from_the_day_given():
    assert read("morgen", NOW + timedelta(days=365), Expect.DATE).iso == "2027-07-21"
