"""The issues table every reader reports to: its severities, gravest first."""

import pandas as pd
import pytest

from analysis.model.cells import SEVERITIES, empty_issues, issues_of, severities_in

ISSUES = pd.DataFrame({"file": "t.csv", "row": [2, 3, 4], "column": "Date applied",
                       "value": ["31/02", "x", ""], "problem": ["not a date", "guess", "blank"],
                       "severity": ["info", "error", "info"]})


def test_severities_in_the_issues_gravest_first():
    assert severities_in(ISSUES) == ["error", "info"]
    assert severities_in(ISSUES.iloc[[0]]) == ["info"]
    assert severities_in(empty_issues()) == []


@pytest.mark.parametrize(("chosen", "rows"), [
    (["error"], [3]), (["info"], [2, 4]), (["warning"], []), ([], [2, 3, 4]),
    (list(SEVERITIES), [2, 3, 4])])
def test_issues_of_the_chosen_severities(chosen, rows):
    assert issues_of(ISSUES, chosen)["row"].tolist() == rows


def test_issues_of_an_empty_table():
    assert issues_of(empty_issues(), ["error"]).empty
