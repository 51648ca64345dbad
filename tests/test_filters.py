"""Sidebar filters, applied in one function."""

import datetime as dt

import pandas as pd
import pytest

from analysis import Filters, empty_applications, filter_applications
from analysis.model import schema as s


@pytest.fixture
def apps() -> pd.DataFrame:
    frame = empty_applications().reindex(range(4))
    frame[s.COMPANY] = pd.Series(["Acme", "Globex", "Initech", "Hooli"], dtype="str")
    frame[s.ROLE] = pd.Series(["Data Analyst", "Engineer", "Analyst", "PM"], dtype="str")
    frame[s.SOURCE] = pd.Series(["Referral", "LinkedIn", None, "LinkedIn"], dtype="str")
    frame[s.STATUS] = pd.Series(["applied", "offer", "rejected", "applied"], dtype="str")
    frame[s.NOTES] = pd.Series([None, "great TEAM", None, None], dtype="str")
    frame[s.DATE_APPLIED] = pd.to_datetime(["2025-01-01", "2025-01-10", None, "2025-01-31"])
    return frame


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(), ["Acme", "Globex", "Initech", "Hooli"]),
    (Filters(start=dt.date(2025, 1, 10)), ["Globex", "Hooli"]),
    (Filters(end=dt.date(2025, 1, 10)), ["Acme", "Globex"]),
    (Filters(sources=("LinkedIn",)), ["Globex", "Hooli"]),
    (Filters(sources=("(none)",)), ["Initech"]),
    (Filters(statuses=("applied",)), ["Acme", "Hooli"]),
    (Filters(text="analyst"), ["Acme", "Initech"]),
    (Filters(text="team"), ["Globex"]),
    (Filters(text="a.*"), []),
    (Filters(sources=("LinkedIn",), statuses=("applied",)), ["Hooli"]),
])
def test_filters(apps, filters, expected):
    before = apps.copy()
    assert filter_applications(apps, filters)[s.COMPANY].tolist() == expected
    pd.testing.assert_frame_equal(apps, before)


def test_active_says_whether_anything_is_filtered():
    assert not Filters().active
    assert not Filters(text="  ").active
    assert Filters(statuses=("offer",)).active


def test_empty_table():
    assert filter_applications(empty_applications(), Filters(text="x")).empty
