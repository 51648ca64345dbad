"""Tying each interview to its application: by job link, else company, role and day
applied, else company and role, else a company with a single application.

The journal is tied once, against all the applications, when the data is loaded or changed
(``with_applications``): the label of each interview's application is kept in the journal's
``application`` column. Everything else asks ``application_of``, which only narrows that link
to the applications it is given, so a filter selects interviews and never moves one to
another application."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from analysis.model import schema as s
from analysis.model.cells import per_distinct
from analysis.model.dates import DATE_DTYPE, format_days
from analysis.model.keys import name_key, url_key


def application_keys(frame: pd.DataFrame, levels: Sequence[str] = ("url", "full", "role",
                                                                  "company")) -> pd.DataFrame:
    """The keys that tie an interview to its application: job link, company + role + day
    applied, company + role, company (each "" where a part is blank). Only the ``levels``
    asked for are worked out."""

    blank = pd.Series("", index=frame.index, dtype="str")
    company, role = name_key(frame[s.COMPANY]), name_key(frame[s.ROLE])
    keys = {"company": company, "role": (company + "|" + role).where(company != "", "")}
    if "url" in levels:
        keys["url"] = per_distinct(frame[s.JOB_URL], url_key) if s.JOB_URL in frame else blank
    if "full" in levels:
        day = format_days(frame[s.DATE_APPLIED]).fillna("") if s.DATE_APPLIED in frame \
            else blank
        keys["full"] = (company + "|" + role + "|" + day).where((company != "") & (day != ""),
                                                               "")
    return pd.DataFrame({level: keys[level] for level in levels}, index=frame.index)


APPLICATION = "application"  # the journal's link: the application's index label


def link(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.Series:
    """The index label in ``apps`` of each interview's application (missing when none
    matches): by job link, else company, role and day applied, else company and role, else
    the company when it has only one application."""
    if interviews.empty or apps.empty:
        return pd.Series(pd.NA, index=interviews.index, dtype="Int64")
    # Only the keys the interviews can use: most journals have no link or application date.
    # A job link written exactly as in the tracker is tried first: the usual case, and the
    # one that needs no link normalised.
    levels = [level for level, column in (("exact", s.IV_JOB_URL), ("url", s.IV_JOB_URL),
                                          ("full", s.IV_DATE_APPLIED))
              if column in interviews and interviews[column].notna().any()] + ["role", "company"]
    keys = _KeyCodes(apps, interviews)
    size = len(apps)
    labels = apps.index.to_numpy()
    found = np.full(len(interviews), -1, dtype="int64")  # position in apps, -1: none yet
    for level in levels:
        if (found >= 0).all():
            break
        codes = keys.codes(level)
        app_codes, interview_codes = codes[:size], codes[size:]
        if level == "company":  # a company alone only tells when it has one application
            counts = np.bincount(app_codes[app_codes >= 0], minlength=codes.max() + 1)
            app_codes = np.where((app_codes >= 0) & (counts[app_codes] == 1), app_codes, -1)
        # Positions by code, the first application wins; -1 (a blank key) matches nothing.
        first = np.full(codes.max() + 2, -1, dtype="int64")
        positions = np.flatnonzero(app_codes >= 0)
        first[app_codes[positions][::-1]] = positions[::-1]
        candidate = np.where(interview_codes >= 0, first[interview_codes], -1)
        open_ = found < 0
        found[open_] = candidate[open_]
    result = pd.Series(pd.NA, index=interviews.index, dtype="object")
    matched = found >= 0
    result[matched] = labels[found[matched]]
    return result.astype("Int64")


def with_applications(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.DataFrame:
    """The journal tied to ``apps`` (all the applications, never a filtered part): a copy with
    each interview's application label in the ``application`` column."""
    return interviews.assign(**{APPLICATION: link(interviews.drop(columns=APPLICATION,
                                                                  errors="ignore"), apps)})


def application_of(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.Series:
    """The label in ``apps`` of each interview's application, missing where it has none there.
    A journal tied by ``with_applications`` keeps its links and ``apps`` only selects among
    them; an untied one (a journal read in a notebook) is tied to ``apps`` now.

    >>> apps = pd.DataFrame({"company": ["Acme", "Acme"], "role": ["Analyst", "Engineer"],
    ...                      "job_url": [None, None], "date_applied": pd.to_datetime([None] * 2)})
    >>> journal = pd.DataFrame({"company": ["Acme"], "role": [None], "job_url": [None],
    ...                         "date_applied": pd.to_datetime([None])})
    >>> application_of(journal, apps.iloc[[0]]).tolist()  # untied: the one Acme left
    [0]
    >>> application_of(with_applications(journal, apps), apps.iloc[[0]]).tolist()  # tied
    [<NA>]
    """
    if APPLICATION not in interviews:
        return link(interviews, apps)
    labels = interviews[APPLICATION]
    return labels.where(labels.isin(apps.index)).astype("Int64")


class _KeyCodes:
    """``application_keys`` of the applications followed by the interviews, as whole numbers
    (-1 where a key is blank), each level worked out when first asked for: each distinct name
    is normalised once and the keys are combined as numbers, not as joined text."""

    def __init__(self, apps: pd.DataFrame, interviews: pd.DataFrame) -> None:
        self.apps, self.interviews = apps, interviews
        self._found: dict[str, np.ndarray] = {}

    def _both(self, column: str, dtype: Literal["str", "datetime64[us]"] = "str") -> pd.Series:
        parts = [frame[column].astype(dtype) if column in frame else
                 pd.Series(pd.NA, index=frame.index, dtype=dtype)
                 for frame in (self.apps, self.interviews)]
        return pd.concat(parts, ignore_index=True)

    @staticmethod
    def _pair(left: np.ndarray, right: np.ndarray) -> np.ndarray:
        combined = left * (right.max() + 2) + (right + 1)
        return np.where(left >= 0, pd.factorize(combined)[0], -1)

    def codes(self, level: str) -> np.ndarray:
        if level not in self._found:
            self._found[level] = self._work_out(level)
        return self._found[level]

    def _work_out(self, level: str) -> np.ndarray:
        if level == "company":
            return _normal_codes(self._both(s.COMPANY), name_key)
        if level == "role":
            return self._pair(self.codes("company"),
                              _normal_codes(self._both(s.ROLE), name_key))
        if level == "exact":
            links = self._both(s.JOB_URL)
            return pd.factorize(links.where(links != ""))[0].astype("int64")
        if level == "url":

            return _normal_codes(self._both(s.JOB_URL), url_key)
        day = pd.factorize(self._both(s.DATE_APPLIED, DATE_DTYPE).dt.normalize())[0]
        return np.where(day >= 0, self._pair(self.codes("role"), day.astype("int64")), -1)


def _normal_codes(values: pd.Series, normal: Callable[[pd.Series], pd.Series]) -> np.ndarray:
    """One whole number per distinct ``normal`` form of the cells (-1 where it is blank),
    each distinct cell normalised once."""
    codes, distinct = pd.factorize(values)
    if not len(distinct):
        return np.full(len(values), -1, dtype="int64")
    normalised = normal(pd.Series(distinct, dtype="str")).fillna("")
    merged, _ = pd.factorize(normalised.where(normalised != ""))
    return np.where(codes >= 0, merged[np.maximum(codes, 0)], -1).astype("int64")
