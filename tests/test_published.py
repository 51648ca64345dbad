"""The published yields the forecast starts from: every figure cited, every assumption called
one, the means read from the published ranges, and the README's table the same as the code's."""

import re

import pytest
from conftest import ROOT

from analysis import forecast as f
from analysis.forecast import published as p

YEAR = re.compile(r"\b(19|20)\d\d\b")
CHANCES = [x for x in p.FIGURES if x.stage in p.CHANCES]


@pytest.mark.parametrize("figure", p.FIGURES, ids=lambda x: f"{x.channel}-{x.stage}")
def test_every_figure_has_its_sources_and_their_years(figure):
    """A cited figure names a source with its year; one without a published source says it is
    an assumption."""
    assert figure.sources and figure.evidence
    assert YEAR.search(figure.sources) or figure.assumption, figure
    assert figure.low <= figure.value <= figure.high or figure.stage == "reply" and \
        figure.assumption


def test_the_assumptions_are_the_ones_the_evidence_leaves_open():
    assumed = {(x.channel, x.stage) for x in p.FIGURES if x.assumption}
    assert assumed == {("job_board", "interview_days"), ("company_site", "interview_days"),
                       ("referral", "interview_days"), ("recruiter", "interview_days"),
                       ("referral", "reply_days"), ("recruiter", "reply_days"),
                       ("recruiter", "reply")}


@pytest.mark.parametrize("figure", CHANCES, ids=lambda x: f"{x.channel}-{x.stage}")
def test_a_chance_is_the_mean_of_its_published_range_read_as_a_90_percent_interval(figure):
    from scipy.optimize import least_squares
    from scipy.stats import beta

    def ends(x):
        a, b = [float(v) for v in x]
        return [beta.ppf(0.05, a, b) - figure.low, beta.ppf(0.95, a, b) - figure.high]

    a, b = least_squares(ends, [2.0, 5.0], bounds=(0.01, 500)).x
    assert figure.value == pytest.approx(a / (a + b), abs=0.006)
    assert 8 <= figure.weight <= 25


def test_offers_per_100_applications_by_channel_as_published():
    """Referrals about eight times job boards (Lever 2016: 1 in 16 against 1 in 152), company
    sites one and a half to three times, the blend in the 1-3 per 100 of cold applying."""
    board = f.offers_per_100("job_board")
    assert 0.5 <= board <= 2.0
    assert 7 <= f.offers_per_100("referral") / board <= 11
    assert 1.4 <= f.offers_per_100("company_site") / board <= 3
    assert 1 <= f.offers_per_100("unknown") <= 3
    assert sum(p.MIX.values()) == pytest.approx(1)


def test_the_prior_by_channel_follows_the_figures():
    referral = f.CHANNEL_PRIOR["referral"]
    assert referral["applied"].forward == p.figure("referral", "reply").value
    assert referral["replied"].forward == p.figure("referral", "interview").value
    assert referral["interviewed"].forward_days == p.figure("referral", "offer_days").value
    assert referral["applied"].weight == p.figure("referral", "reply").weight
    table = f.published_table()
    assert len(table) == len(p.FIGURES) and table["sources"].str.len().min() > 20
    assert table.columns.tolist() == ["channel", "stage", "used", "central", "low", "high",
                                      "weight", "evidence", "sources"]
    first = table.iloc[0]
    assert (first["channel"], first["stage"]) == ("Job board", "reply per application")
    assert first["low"] <= first["central"] <= first["high"]


def test_the_readme_has_the_published_table_with_its_sources():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f.published_markdown() in readme


def test_the_published_outlook_of_a_tracker_without_replies():
    """Each channel's offers per 100 and how many applications in that mix bring an offer."""
    import math

    import pandas as pd

    one = p.published_outlook(pd.DataFrame({"source": ["Indeed"]}))
    board = f.offers_per_100("job_board")
    assert f"your 1 application by channel: job board 1 (about {board:.1f} offers per 100)" \
        in one
    needed = math.ceil(math.log(0.2) / math.log(1 - board / 100))
    assert f"so about {needed:,} applications like these bring an offer with 80%" in one
    mixed = p.published_outlook(pd.DataFrame({"source": ["Indeed", "Meetup"]}),
                                channels={"Meetup": "referral"}, probability=0.5)
    assert "referral 1 (about 8.4 offers per 100)" in mixed and "with 50% probability" in mixed
    assert p.published_outlook(pd.DataFrame({"source": pd.Series([], dtype="str")})) == ""


def test_the_outlook_weighs_each_channel_by_its_applications():
    import pandas as pd

    board, referral = f.offers_per_100("job_board"), f.offers_per_100("referral")
    said = p.published_outlook(pd.DataFrame({"source": ["Indeed"] * 3 + ["Referral"]}))
    assert (f"job board 3 (about {board:.1f} offers per 100); referral 1 (about "
            f"{referral:.1f} offers per 100). About {(3 * board + referral) / 4:.1f} offers "
            "per 100 in that mix") in said


def test_a_mix_without_a_channel_gives_it_no_share():
    parts = p.channel_parts("unknown", "applied", {"job_board": 0.5, "referral": 0.5})
    shares = {prior.forward: share for share, prior in parts}
    assert shares[f.CHANNEL_PRIOR["company_site"]["applied"].forward] == 0
    assert sum(shares.values()) == pytest.approx(1)


def test_the_markdown_has_the_figures_then_the_offers_per_100():
    text = f.published_markdown()
    assert text.startswith("| channel | stage | used | published (range) |")
    assert "| channel | offers per 100 applications | share of a typical search |" in text
    assert text.count("\n| Job board |") == 7  # six stages and its offers per 100
