"""Plain counts shown before the analysis."""

import datetime as dt

import pandas as pd

from analysis import empty_applications
from analysis.model import schema as s
from analysis.model.summary import date_span, is_web_url, status_counts


def test_status_counts_cover_the_vocabulary_and_unknown_statuses():
    apps = pd.DataFrame({s.STATUS: ["offer", "offer", "Maybe", "applied"]})
    table = status_counts(apps).set_index("status")
    assert table.loc["offer", "applications"] == 2
    assert table.loc["offer", "share"] == 0.5
    assert table.loc["ghosted", "applications"] == 0
    assert table.index[-1] == "Maybe"
    assert table["applications"].sum() == 4


def test_status_counts_of_nothing():
    table = status_counts(empty_applications())
    assert table["applications"].sum() == 0
    assert len(table) == len(s.STATUSES)


def test_date_span():
    apps = pd.DataFrame({s.DATE_APPLIED: pd.to_datetime(["2025-02-01", None, "2025-01-05"])})
    assert date_span(apps) == (dt.date(2025, 1, 5), dt.date(2025, 2, 1))
    assert date_span(empty_applications()) is None


def test_only_http_links_count_as_web_urls():
    values = pd.Series(["http://a.example", "HTTPS://b.example/x?y=1", "javascript:alert(1)",
                        "www.c.example", "https://bad url", None], dtype="str")
    assert is_web_url(values).tolist() == [True, True, False, False, False, False]


def test_application_names_read_company_and_role():
    from analysis.model.summary import application_names

    apps = pd.DataFrame({s.COMPANY: ["Acme", "Acme", None], s.ROLE: ["Analyst", None, "PM"]},
                        index=[4, 7, 9])
    names = application_names(apps)
    assert names.to_dict() == {4: "Acme – Analyst", 7: "Acme", 9: "(no company) – PM"}
    assert application_names(empty_applications()).empty
    assert application_names(apps.iloc[[0]]).tolist() == ["Acme – Analyst"]


def test_status_options_are_the_vocabulary_then_the_users_own():
    from analysis.model.summary import status_options

    assert status_options(empty_applications()) == list(s.STATUSES)
    assert status_options(pd.DataFrame({s.STATUS: ["offer"]})) == list(s.STATUSES)
    assert status_options(pd.DataFrame({s.STATUS: ["Maybe", "applied", "Dream job", None]})) \
        == [*s.STATUSES, "Dream job", "Maybe"]


def test_link_columns_are_those_holding_only_web_links():
    from analysis.model.summary import link_columns

    assert link_columns(empty_applications()) == [s.JOB_URL]
    assert link_columns(pd.DataFrame({s.JOB_URL: ["https://jobs.example/1"]})) == [s.JOB_URL]
    assert link_columns(pd.DataFrame({s.JOB_URL: ["https://jobs.example/1", "ftp://x"]})) == []
    assert link_columns(pd.DataFrame({s.COMPANY: ["https://acme.example"]})) == []
