"""Figures are checked by structure: trace types, axis titles, values, and size."""

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from analysis import charts as c
from analysis import empty_applications, generate_applications
from analysis.stats import metrics as m
from analysis.stats import rates as r

AS_OF = dt.date(2025, 6, 30)
APPS = generate_applications(300, seed=9, end=AS_OF)


def test_funnel_chart():
    fig = c.funnel_chart(m.funnel_counts(APPS))
    assert fig.data[0].type == "funnel"
    assert list(fig.data[0].x) == m.funnel_counts(APPS)["applications"].tolist()
    assert "of applied)" in fig.data[0].text[1] and "of responded)" in fig.data[0].text[2]


def test_an_offer_after_later_rounds_is_a_share_of_the_interviewed_and_says_so():
    """The funnel's Offer row, after Round 2, names the step it is a share of."""
    from analysis import interviews as iv

    apps = APPS[APPS["interview_date"].notna()].head(6)
    journal = iv.interviews_from_applications(apps)
    journal = pd.concat([journal, journal.head(1).assign(round=2.0)], ignore_index=True)
    funnel = m.funnel_counts(apps, interviews=journal)
    assert funnel["stage"].tolist()[:4] == ["Applied", "Responded", "Interview", "Round 2"]
    offer = funnel.set_index("stage").loc["Offer"]
    assert offer["compared_with"] == "Interview"
    text = c.funnel_chart(funnel).data[0].text[funnel["stage"].tolist().index("Offer")]
    assert text.endswith("of interview)")


def test_flow_chart_links_match_the_flows():
    flows = m.outcome_flows(APPS, as_of=AS_OF)
    fig = c.flow_chart(flows)
    assert fig.data[0].type == "sankey"
    assert sum(fig.data[0].link.value) == flows["count"].sum()


def test_activity_chart_has_bars_and_a_cumulative_line_on_its_own_axis():
    fig = c.activity_chart(m.weekly_activity(APPS, as_of=AS_OF))
    assert [t.type for t in fig.data] == ["bar", "bar", "scatter"]
    assert fig.data[2].yaxis == "y2"
    assert fig.layout.xaxis.title.text == "Week (starting Monday)"


def test_response_curve_chart_draws_a_band_and_a_line_per_group():
    curve = m.response_curve(APPS, as_of=AS_OF, by="source")
    fig = c.response_curve_chart(curve)
    assert len(fig.data) == 3 * curve["group"].nunique()
    assert fig.layout.yaxis.title.text == "Heard back"
    assert fig.layout.xaxis.title.text == "Days since applying"
    assert max(fig.data[2].y) <= 100


def test_rate_and_cohort_charts():
    table = r.rate_table(APPS, by="source", outcome="response", as_of=AS_OF)
    fig = c.rate_chart(table, outcome="response", by_label="Source")
    assert list(fig.data[0].x) == pytest.approx((table["rate"] * 100).tolist())
    assert fig.data[0].y[0].endswith(f"(n={table['n'].iloc[0]})")
    cohorts = c.cohort_chart(r.cohorts(APPS, as_of=AS_OF), outcome="response")
    assert {t.name for t in cohorts.data} == {"Had time to hear back", "Too recent to judge"}


@pytest.mark.parametrize("figure", [
    lambda e: c.funnel_chart(m.funnel_counts(e)),
    lambda e: c.flow_chart(m.outcome_flows(e, as_of=AS_OF)),
    lambda e: c.activity_chart(m.weekly_activity(e, as_of=AS_OF)),
    lambda e: c.response_curve_chart(m.response_curve(e, as_of=AS_OF)),
    lambda e: c.rate_chart(r.rate_table(e, by="source", outcome="offer", as_of=AS_OF),
                           outcome="offer", by_label="Source"),
    lambda e: c.cohort_chart(r.cohorts(e, as_of=AS_OF), outcome="offer"),
])
def test_empty_data_gives_a_message_not_an_empty_axis(figure):
    fig = figure(empty_applications())
    assert not fig.data
    assert fig.layout.annotations[0].text


def test_figures_stay_small_as_data_grows():
    big = generate_applications(20_000, seed=1, end=AS_OF)
    curve = m.response_curve(big, as_of=AS_OF, by="source")
    weekly = m.weekly_activity(big, as_of=AS_OF)
    for fig in (c.response_curve_chart(curve), c.activity_chart(weekly),
                c.flow_chart(m.outcome_flows(big, as_of=AS_OF))):
        assert len(json.dumps(fig.to_plotly_json(), default=str)) < 300_000


def test_long_titles_wrap_between_words_and_make_room_above_the_plot():
    """Plotly never wraps a title: a long one is broken into lines, the plot moved down."""
    fig = c.offers_distribution_chart(np.array([0, 1, 1, 2, 3]), low=1, high=2,
                                      horizon_days=90)
    lines = fig.layout.title.text.split("<br>")
    assert len(lines) == 2 and all(len(line) <= c.TITLE_LINE for line in lines)
    assert " ".join(lines) == "Offers within 90 days: how likely each number is"
    short = c.funnel_chart(pd.DataFrame({"stage": ["Applied"], "applications": [3],
                                         "from_previous": [None]}))
    assert fig.layout.margin.t == short.layout.margin.t + 22
    assert fig.layout.height == short.layout.height + 22
    # The 80% interval is a legend entry, not words in the title.
    assert [t.name for t in fig.data] == ["Within the 80% interval", "Outside it"]
    assert list(fig.data[0].x) == [1, 2] and list(fig.data[1].x) == [0, 3]


def test_offer_charts_show_at_most_twenty_offers():
    names = [f"Offer {i}" for i in range(50)]
    contributions = pd.DataFrame({"Base": np.linspace(0, 60, 50), "Growth": 10.0}, index=names)
    fig = c.contribution_chart(contributions)
    assert len(fig.data[0].y) == 20 and fig.data[0].y[-1] == "Offer 49"
    assert "(the 20 best of 50 offers)" in fig.layout.title.text.replace("<br>", " ")
    wins = pd.Series(np.linspace(0, 1, 50), index=names)
    fig = c.wins_chart(wins, draws=100)
    assert len(fig.data[0].y) == 20 and "of 50" in fig.layout.title.text
    assert len(c.wins_chart(wins.head(3), draws=100).data[0].y) == 3


def test_activity_chart_names_both_axes():
    """The running total has its own axis, titled as such (a shared title once hid it)."""
    weekly = m.weekly_activity(generate_applications(200, seed=2, end=dt.date(2026, 3, 1)),
                               as_of=dt.date(2026, 3, 1))
    fig = c.activity_chart(weekly)
    assert fig.layout.yaxis.title.text == "Per week"
    assert fig.layout.yaxis2.title.text == "Applications in total"
    assert fig.layout.yaxis2.tickformat == ",d"


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_no_label_of_the_flow_diagram_covers_another(seed):
    """Node centres in one column, and in two neighbouring columns (whose labels face each
    other), are at least a label's height apart; nodes of a column do not overlap."""
    import datetime as dt

    from analysis import generate_applications, outcome_flows
    from analysis.charts import LABEL_SPACE, flow_chart, sankey_positions

    apps = generate_applications(150 * seed, seed=seed, end=dt.date(2026, 6, 30))
    flows = outcome_flows(apps, as_of=dt.date(2026, 6, 30))
    positions = sankey_positions(flows)
    for level, column in positions.groupby("level"):
        centres = column["y"].to_numpy()
        gaps = np.diff(centres)
        assert (gaps >= LABEL_SPACE - 1e-9).all(), (level, centres)
        assert (centres[1:] - column["size"].to_numpy()[1:] / 2
                >= centres[:-1] + column["size"].to_numpy()[:-1] / 2 - 1e-9).all()
        before = positions.loc[positions["level"] == level - 1, "y"].to_numpy()
        if len(before):
            assert (np.abs(centres[:, None] - before[None, :]) >= LABEL_SPACE - 1e-9).all()
    trace = flow_chart(flows).data[0]
    assert trace.arrangement == "fixed" and trace.node.align == "left"
    assert list(trace.node.y) == positions["y"].tolist()


def test_flow_diagram_columns_follow_the_longest_path():
    from analysis.charts import sankey_positions

    flows = pd.DataFrame({"source": ["Applied", "Applied", "Replied", "Replied"],
                          "target": ["Replied", "Withdrew", "Withdrew", "Interview"],
                          "count": [10, 1, 1, 4]})
    positions = sankey_positions(flows).set_index("node")
    assert positions["level"].to_dict() == {"Applied": 0, "Replied": 1, "Interview": 2,
                                            "Withdrew": 2}
    assert positions.loc["Interview", "y"] < positions.loc["Withdrew", "y"]  # larger first


@pytest.mark.parametrize(("chances", "top", "hover"), [
    ([0.00008, 0.00005], 1.05, "<1%"),  # the text says "<1%": the axis runs to 1%, not 0.008%
    ([0.3, 0.1], 31.5, "30%")])
def test_each_applications_chance_is_drawn_in_the_units_the_text_uses(chances, top, hover):
    table = pd.DataFrame({"company": ["Acme", "Globex"], "role": ["Analyst", "Engineer"],
                          "stage": ["applied", "applied"], "days_waiting": [90, 80],
                          "chance": chances, "share": [0.6, 0.4], "row": [0, 1]})
    fig = c.contribution_share_chart(table)
    axis = fig.layout.xaxis
    assert list(axis.range) == [0, pytest.approx(top)] and axis.tickformat == ".0f"
    assert axis.ticksuffix == "%"
    assert fig.data[0].customdata[-1][3] == hover
