"""The sample generator and the bundled sample file."""

import datetime as dt

import pandas as pd
import pytest

from analysis import generate_applications, load_applications, load_sample
from analysis.model import schema as s
from analysis.sample import SAMPLE_END, SAMPLE_PATH, SAMPLE_SIZE, shift_dates

END = dt.date(2025, 6, 30)


def test_same_seed_same_table_and_another_seed_another():
    first = generate_applications(200, seed=3, end=END)
    pd.testing.assert_frame_equal(first, generate_applications(200, seed=3, end=END))
    assert not first.equals(generate_applications(200, seed=4, end=END))


def test_nothing_happens_after_the_end_date():
    apps = generate_applications(2000, seed=1, end=END)
    end = pd.Timestamp(END)
    observed = [c for c in s.DATE_COLUMNS if c != s.EXPECTED_DECISION_DATE]
    for column in observed:
        assert (apps[column].dropna() <= end).all(), column


def test_events_follow_each_other_in_time():
    apps = generate_applications(2000, seed=2, end=END)
    applied = apps[s.DATE_APPLIED]
    assert (
        apps[s.FIRST_RESPONSE_DATE].dropna() >= applied[apps[s.FIRST_RESPONSE_DATE].notna()]
    ).all()
    interviewed = apps[s.INTERVIEW_DATE].notna()
    assert (
        apps.loc[interviewed, s.INTERVIEW_DATE] > apps.loc[interviewed, s.FIRST_RESPONSE_DATE]
    ).all()
    thanked = apps[s.THANK_YOU_SENT].notna()
    assert (apps.loc[thanked, s.THANK_YOU_SENT] >= apps.loc[thanked, s.INTERVIEW_DATE]).all()
    # An application without any reply has no later stage.
    silent = apps[s.FIRST_RESPONSE_DATE].isna()
    assert apps.loc[silent, s.INTERVIEW_DATE].isna().all()
    assert set(apps.loc[silent, s.STATUS]) <= {s.SAVED, s.APPLIED, s.GHOSTED}


def test_every_status_and_source_and_follow_up_situation_occurs_in_the_sample():
    apps = load_sample().applications
    assert len(apps) == SAMPLE_SIZE
    assert set(apps[s.STATUS]) == set(s.STATUSES)
    assert apps[s.SOURCE].nunique() == 5
    interviewed = apps[s.INTERVIEW_DATE].notna()
    assert (interviewed & apps[s.THANK_YOU_SENT].isna()).sum() >= 3
    assert (interviewed & apps[s.INTERVIEW_NOTES].isna()).sum() >= 3
    assert (apps[s.EXPECTED_DECISION_DATE] < pd.Timestamp(SAMPLE_END)).sum() >= 3
    assert apps[s.FOLLOW_UP_SENT].notna().sum() >= 1
    rejected_after_interview = (apps[s.STATUS] == s.REJECTED) & interviewed
    assert (rejected_after_interview & apps[s.REJECTION_THANKS_SENT].isna()).sum() >= 1
    waiting = (apps[s.STATUS] == s.APPLIED) & apps[s.FIRST_RESPONSE_DATE].isna()
    assert waiting.sum() >= 10


def test_the_sample_file_imports_without_doubts_and_matches_the_generator():
    result = load_applications(SAMPLE_PATH)
    assert (result.issues["severity"] != "info").sum() == 0
    pd.testing.assert_frame_equal(result.applications, generate_applications(), check_dtype=True)


def test_the_sample_moves_to_end_on_the_given_day():
    today = dt.date(2027, 1, 15)
    moved = load_sample(end=today).applications
    original = load_sample().applications
    assert moved[s.DATE_APPLIED].max() - original[s.DATE_APPLIED].max() == pd.Timestamp(
        today
    ) - pd.Timestamp(SAMPLE_END)
    assert moved[s.COMPANY].equals(original[s.COMPANY])


def test_shift_dates_leaves_the_input_alone():
    apps = generate_applications(5, seed=1, end=END)
    before = apps.copy()
    shifted = shift_dates(apps, 10)
    pd.testing.assert_frame_equal(apps, before)
    assert (
        shifted[s.DATE_APPLIED].dropna() - apps[s.DATE_APPLIED].dropna() == pd.Timedelta(days=10)
    ).all()


@pytest.mark.parametrize("n", [0, 1])
def test_tiny_tables(n):
    apps = generate_applications(n, seed=1, end=END)
    assert len(apps) == n
    assert list(apps.columns) == list(s.APPLICATION_COLUMN_NAMES)
