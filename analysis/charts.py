"""Plotly figures for the analyses. Each function takes a frame computed elsewhere in
``analysis`` (never raw applications) and returns a Figure; each trace plots aggregates, so the
size sent to the browser does not grow with the number of applications.

Colours come from the Okabe-Ito palette (then Paul Tol's muted colours), distinguishable with
the common colour-vision deficiencies; backgrounds are transparent so the figures read in light
and dark themes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.model.words import chance_text
from analysis.stats.rates import OUTCOMES

# Okabe-Ito, then three of Paul Tol's muted colours for charts with more series.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#882255", "#44AA99", "#999933"]
MUTED = "#9AA0A6"
OFFERS_SHOWN = 20  # bars per offers chart; more would not be readable


def _rgba(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


TITLE_LINE = 44  # characters of a title that fit a half-width chart in a 1280 px window


def wrapped_title(title: str, width: int = TITLE_LINE) -> str:
    """A chart title broken between words into lines of at most ``width`` characters (plotly
    never wraps a title: a long one is cut off at the chart's edge).

    >>> wrapped_title("Offers within 90 days: how likely each number is", 30)
    'Offers within 90 days: how<br>likely each number is'
    """
    lines: list[str] = []
    for word in title.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _layout(fig: go.Figure, *, title: str, x: str | None = None, y: str | None = None,
            height: int = 380) -> go.Figure:
    text = wrapped_title(title)
    extra = 22 * text.count("<br>")  # room above the plot for each further line
    fig.update_layout(
        title={"text": text, "x": 0, "xanchor": "left"}, height=height + extra,
        margin={"l": 10, "r": 10, "t": 70 + extra, "b": 10}, paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        hoverlabel={"namelength": -1}, colorway=PALETTE,
    )
    if x is not None:
        fig.update_xaxes(title_text=x)
    if y is not None:
        fig.update_layout(yaxis_title_text=y)  # the first axis only: a second keeps its own
    return fig


def empty_figure(message: str, *, title: str = "") -> go.Figure:
    """A figure that says why there is nothing to draw, instead of an empty axis."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper",
                       yref="paper", font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title=title, height=220)


def funnel_chart(funnel: pd.DataFrame) -> go.Figure:
    """Stages reached, with the conversion from the step before."""
    title = "Stages reached"
    if funnel.empty or funnel["applications"].iloc[0] == 0:
        return empty_figure("No applications sent yet.", title=title)
    # Each rate names the step it is a share of: after "Round 2", an offer's is the interview's.
    compared = funnel["compared_with"] if "compared_with" in funnel else \
        funnel["stage"].shift(1).fillna("")
    conversion = [""] + [f" ({rate:.0%} of {str(step).lower()})" if pd.notna(rate) else ""
                         for rate, step in zip(funnel["from_previous"].iloc[1:],
                                               compared.iloc[1:], strict=True)]
    fig = go.Figure(go.Funnel(
        y=funnel["stage"], x=funnel["applications"],
        text=[f"{n:,}{c}" for n, c in zip(funnel["applications"], conversion, strict=True)],
        textinfo="text", marker={"color": PALETTE[0]},
        hovertemplate="%{y}: %{x:,} applications<extra></extra>",
    ))
    return _layout(fig, title=title)


SANKEY_HEIGHT = 480
SANKEY_PAD = 0.03  # share of the plot's height between two nodes of a column
LABEL_SPACE = 0.055  # share of the plot's height a node's label needs (about 22 px of 400)


def sankey_positions(flows: pd.DataFrame) -> pd.DataFrame:
    """Where each node of a flow diagram goes, so that no label covers another: ``x`` by its
    step (the longest path from the start; the last step at the right edge, the others spread
    over the left 80% to leave the labels room), ``y`` (its centre, 0 at the top) stacked down
    its column, largest first (the order plotly draws the flows in, so they do not cross),
    with at least a label's height between two centres of the same column and between a
    centre and those of the column before (whose labels reach across). Also each node's
    ``size``, its share of the plot's height.

    >>> flows = pd.DataFrame({"source": ["A", "A", "B"], "target": ["B", "C", "D"],
    ...                       "count": [8, 1, 8]})
    >>> sankey_positions(flows)[["node", "x"]].values.tolist()
    [['A', 0.001], ['B', 0.401], ['C', 0.401], ['D', 0.999]]
    """
    nodes = list(dict.fromkeys([*flows["source"], *flows["target"]]))
    level = dict.fromkeys(nodes, 0)
    for _ in nodes:  # longest path from the start, by relaxation (the diagram has no cycles)
        for source, target in zip(flows["source"], flows["target"], strict=True):
            level[target] = max(level[target], level[source] + 1)
    value = {n: max(int(flows.loc[flows["target"] == n, "count"].sum()),
                    int(flows.loc[flows["source"] == n, "count"].sum())) for n in nodes}
    deepest = max(level.values()) or 1
    columns: dict[int, list[str]] = {}
    for node in sorted(nodes, key=lambda n: -value[n]):  # stable: ties keep their order
        columns.setdefault(level[node], []).append(node)
    # One scale for every column (the flows must match), small enough for the fullest one.
    scale = min((1 - max(SANKEY_PAD, LABEL_SPACE) * (len(c) - 1))
                / max(sum(value[n] for n in c), 1) for c in columns.values())
    rows = []
    before: list[float] = []
    for step in sorted(columns):
        members = columns[step]
        sizes = [value[n] * scale for n in members]
        centres: list[float] = []
        for size in sizes:
            centre = size / 2 if not centres else max(
                centres[-1] + sizes[len(centres) - 1] / 2 + size / 2 + SANKEY_PAD,
                centres[-1] + LABEL_SPACE)
            # Clear of the labels of the column before, which reach across towards this one.
            for other in sorted(before):
                if abs(centre - other) < LABEL_SPACE:
                    centre = other + LABEL_SPACE
            centres.append(centre)
        overflow = centres[-1] + sizes[-1] / 2 - 1
        if overflow > 0:  # no room below: move the column up as far as it must
            centres = [c - overflow for c in centres]
        before = centres
        x = 0.999 if step == deepest else 0.001 + 0.8 * step / deepest
        for node, centre, size in zip(members, centres, sizes, strict=True):
            rows.append((node, step, round(x, 3), float(np.clip(centre, 0.001, 0.999)), size))
    return pd.DataFrame(rows, columns=["node", "level", "x", "y", "size"])


def flow_chart(flows: pd.DataFrame) -> go.Figure:
    """A Sankey diagram of how applications flowed from one outcome to the next, its nodes
    placed by ``sankey_positions`` so that no label covers another."""
    title = "Where applications went"
    if flows.empty:
        return empty_figure("No applications sent yet.", title=title)
    positions = sankey_positions(flows)
    nodes = positions["node"].tolist()
    index = {name: i for i, name in enumerate(nodes)}
    totals = {n: int(flows.loc[flows["target"] == n, "count"].sum()
                     or flows.loc[flows["source"] == n, "count"].sum()) for n in nodes}
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(nodes))]
    fig = go.Figure(go.Sankey(
        arrangement="fixed",
        node={"label": [f"{n} ({totals[n]:,})" for n in nodes], "color": colours, "pad": 12,
              "x": positions["x"].tolist(), "y": positions["y"].tolist(), "align": "left",
              "hovertemplate": "%{label}<extra></extra>"},
        link={"source": [index[x] for x in flows["source"]],
              "target": [index[x] for x in flows["target"]], "value": flows["count"],
              "color": [_rgba(colours[index[x]], 0.35) for x in flows["target"]],
              "hovertemplate": "%{source.label} → %{target.label}: %{value:,}<extra></extra>"},
    ))
    return _layout(fig, title=title, height=SANKEY_HEIGHT)


def activity_chart(weekly: pd.DataFrame, *, replies: bool = True) -> go.Figure:
    """Applications and first replies per week, with the cumulative number of applications.
    ``replies=False`` leaves the replies out (for data that records none: a row of zeros
    would say "no replies" where the truth is "not known")."""
    title = "Activity per week"
    if weekly.empty:
        return empty_figure("No dated applications yet.", title=title)
    fig = go.Figure()
    fig.add_bar(x=weekly["week"], y=weekly["applications"], name="Applications sent",
                marker_color=PALETTE[0],
                hovertemplate="Week of %{x|%-d %b %Y}: %{y:,} sent<extra></extra>")
    if replies:
        fig.add_bar(x=weekly["week"], y=weekly["responses"], name="Replies received",
                    marker_color=PALETTE[1],
                    hovertemplate="Week of %{x|%-d %b %Y}: %{y:,} replies<extra></extra>")
    fig.add_scatter(x=weekly["week"], y=weekly["cumulative"], name="Applications in total",
                    yaxis="y2", mode="lines", line={"color": PALETTE[2], "width": 3},
                    hovertemplate="By %{x|%-d %b %Y}: %{y:,} in total<extra></extra>")
    fig.update_layout(barmode="group", yaxis2={"overlaying": "y", "side": "right",
                                               "title": "Applications in total",
                                               "rangemode": "tozero", "showgrid": False,
                                               "tickmode": "auto", "tickformat": ",d"})
    fig.update_xaxes(tick0=weekly["week"].iloc[0], dtick=14 * 86_400_000, tickformat="%-d %b")
    return _layout(fig, title=title, x="Week (starting Monday)", y="Per week")


def response_curve_chart(curve: pd.DataFrame) -> go.Figure:
    """Share heard back by each day since applying, one step line per group, with its 95%
    confidence band."""
    title = "Share of applications that heard back"
    if curve.empty or curve["events"].sum() == 0:
        return empty_figure("No replies yet: the curve starts after your first reply.",
                            title=title)
    fig = go.Figure()
    for i, (group, part) in enumerate(curve.groupby("group", sort=False)):
        colour = PALETTE[i % len(PALETTE)]
        fig.add_scatter(x=part["day"], y=part["high"] * 100, mode="lines", line_shape="hv",
                        line={"width": 0}, showlegend=False, hoverinfo="skip",
                        legendgroup=str(group))
        fig.add_scatter(x=part["day"], y=part["low"] * 100, mode="lines", line_shape="hv",
                        line={"width": 0}, fill="tonexty", fillcolor=_rgba(colour, 0.18),
                        showlegend=False, hoverinfo="skip", legendgroup=str(group))
        fig.add_scatter(
            x=part["day"], y=part["share"] * 100, mode="lines", line_shape="hv",
            line={"color": colour, "width": 2.5}, name=str(group), legendgroup=str(group),
            customdata=np.stack([part["low"] * 100, part["high"] * 100, part["at_risk"]], -1),
            hovertemplate=(f"{group}<br>Day %{{x}}: %{{y:.0f}}% heard back "
                           "(95% CI %{customdata[0]:.0f}–%{customdata[1]:.0f}%), "
                           "%{customdata[2]:,} still waiting before that day<extra></extra>"),
        )
    fig.update_yaxes(range=[0, 100], ticksuffix="%")
    return _layout(fig, title=title, x="Days since applying", y="Heard back")


def silence_chart(silence: pd.DataFrame) -> go.Figure:
    """The chance that an application still gets a reply after some days of silence."""
    title = "Chance of still hearing back after a silence"
    if silence.empty or silence["chance"].max() == 0:
        return empty_figure("Not enough replies to estimate this yet.", title=title)
    fig = go.Figure(go.Scatter(
        x=silence["day"], y=silence["chance"] * 100, mode="lines", line_shape="hv",
        line={"color": PALETTE[5], "width": 2.5},
        hovertemplate="After %{x} days of silence: %{y:.0f}% still got a reply<extra></extra>",
    ))
    fig.update_yaxes(range=[0, 100], ticksuffix="%")
    return _layout(fig, title=title, x="Days of silence since applying", y="Still got a reply")


def delay_histogram(histogram: pd.DataFrame, *, title: str, bin_days: int = 7) -> go.Figure:
    """Counts of observed delays in bins of ``bin_days`` days."""
    if histogram.empty or histogram["count"].sum() == 0:
        return empty_figure("Nothing observed yet.", title=title)
    labels = [f"{start}–{start + bin_days - 1}" for start in histogram["start"]]
    fig = go.Figure(go.Bar(x=labels, y=histogram["count"], marker_color=PALETTE[4],
                           hovertemplate="%{x} days: %{y:,}<extra></extra>"))
    return _layout(fig, title=title, x="Days", y="Applications", height=320)


def rate_chart(table: pd.DataFrame, *, outcome: str, by_label: str) -> go.Figure:
    """Each group's rate as a dot with its 95% Wilson interval, labelled with its n."""
    title = f"{OUTCOMES.get(outcome, outcome)} by {by_label.lower()}"
    if table.empty:
        return empty_figure("No group has enough applications.", title=title)
    labels = [f"{g} (n={n:,})" for g, n in zip(table["group"], table["n"], strict=True)]
    fig = go.Figure(go.Scatter(
        x=table["rate"] * 100, y=labels, mode="markers",
        marker={"color": PALETTE[0], "size": 11},
        error_x={"type": "data", "symmetric": False,
                 "array": (table["high"] - table["rate"]) * 100,
                 "arrayminus": (table["rate"] - table["low"]) * 100, "color": PALETTE[0],
                 "thickness": 2},
        customdata=np.stack([table["successes"], table["n"], table["low"] * 100,
                             table["high"] * 100], -1),
        hovertemplate=("%{y}: %{x:.0f}% (%{customdata[0]:,} of %{customdata[1]:,}; "
                       "95% CI %{customdata[2]:.0f}–%{customdata[3]:.0f}%)<extra></extra>"),
    ))
    fig.update_xaxes(range=[0, 100], ticksuffix="%")
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, title=title, x=OUTCOMES.get(outcome, outcome), y=None,
                   height=max(260, 60 + 34 * len(table)))


def cohort_chart(cohorts: pd.DataFrame, *, outcome: str) -> go.Figure:
    """The rate of each weekly cohort, with recent cohorts that have not had time to hear
    back drawn hatched."""
    title = f"{OUTCOMES.get(outcome, outcome)} by week applied"
    if cohorts.empty:
        return empty_figure("No dated applications yet.", title=title)
    fig = go.Figure()
    for maturing, name, colour in ((False, "Had time to hear back", PALETTE[0]),
                                   (True, "Too recent to judge", MUTED)):
        part = cohorts[cohorts["maturing"] == maturing]
        if part.empty:
            continue
        fig.add_bar(
            x=part["week"], y=part["rate"] * 100, name=name, marker_color=colour,
            marker_pattern_shape="/" if maturing else "",
            error_y={"type": "data", "symmetric": False,
                     "array": (part["high"] - part["rate"]) * 100,
                     "arrayminus": (part["rate"] - part["low"]) * 100},
            customdata=np.stack([part["successes"], part["n"], part["age_days"]], -1),
            hovertemplate=("Week of %{x|%-d %b %Y}: %{y:.0f}% (%{customdata[0]:,} of "
                           "%{customdata[1]:,}), sent %{customdata[2]} days ago<extra></extra>"),
        )
    fig.update_yaxes(range=[0, 100], ticksuffix="%")
    fig.update_xaxes(tickformat="%-d %b")  # days as the tables say them: "3 Aug"
    return _layout(fig, title=title, x="Week applied (starting Monday)",
                   y=OUTCOMES.get(outcome, outcome))


def contribution_chart(contributions: pd.DataFrame, *, limit: int = OFFERS_SHOWN) -> go.Figure:
    """Each offer's score as a stacked bar of what each criterion contributed, in points; the
    ``limit`` highest-scoring offers when there are more."""
    title = "What each criterion adds to the score"
    if contributions.empty or not len(contributions.columns):
        return empty_figure("Add at least one criterion with a weight.", title=title)
    order = contributions.sum(axis=1).sort_values().index[-limit:]
    if len(contributions) > limit:
        title += f" (the {limit} best of {len(contributions):,} offers)"
    fig = go.Figure()
    for i, criterion in enumerate(contributions.columns):
        fig.add_bar(y=[str(x) for x in order], x=contributions.loc[order, criterion],
                    name=str(criterion), orientation="h",
                    marker_color=PALETTE[i % len(PALETTE)],
                    hovertemplate=f"%{{y}}: {criterion} adds %{{x:.1f}} points<extra></extra>")
    fig.update_layout(barmode="stack")
    fig.update_xaxes(range=[0, 100])
    _layout(fig, title=title, x="Score (points out of 100)", y=None,
            height=max(300, 180 + 50 * len(order)))
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.35, "x": 0,
                              "xanchor": "left"}, margin={"b": 90})
    return fig


def wins_chart(wins: pd.Series, *, draws: int, limit: int = OFFERS_SHOWN) -> go.Figure:
    """How often each offer won under random weights near the user's (the ``limit`` that won
    most often when there are more)."""
    title = f"Best offer in {draws:,} plausible weightings"
    if wins.empty:
        return empty_figure("Add offers to compare.", title=title)
    ordered = wins.sort_values(kind="stable").iloc[-limit:]
    if len(wins) > limit:
        title += f" (the {limit} winning most often of {len(wins):,})"
    fig = go.Figure(go.Bar(
        y=[str(x) for x in ordered.index], x=ordered.to_numpy() * 100, orientation="h",
        marker_color=PALETTE[2], text=[f"{v:.0%}" for v in ordered], textposition="auto",
        hovertemplate="%{y} wins in %{x:.1f}% of weightings<extra></extra>"))
    fig.update_xaxes(range=[0, 100], ticksuffix="%")
    return _layout(fig, title=title, x="Share of weightings won", y=None,
                   height=max(220, 100 + 45 * len(ordered)))


def rounds_chart(rounds: pd.DataFrame, *, as_of: pd.Timestamp | None = None) -> go.Figure:
    """Each application's interview rounds on a time line, one row per application, with a
    line through its rounds and a dashed mark for today."""
    title = "Interview rounds"
    if rounds.empty:
        return empty_figure("No interview in the journal yet.", title=title)
    fig = go.Figure()
    for i, (name, part) in enumerate(rounds.groupby("application", sort=False)):
        colour = PALETTE[i % len(PALETTE)]
        kinds = part["kind"].fillna("").astype(str)
        fig.add_scatter(
            x=part["date"], y=[name] * len(part), mode="lines+markers+text",
            line={"color": colour, "width": 2}, marker={"size": 14, "color": colour},
            text=[f"{int(r)}" for r in part["round"].fillna(0)], textposition="top center",
            customdata=np.stack([kinds, part["interviewers"].fillna("").astype(str)], -1),
            hovertemplate=("%{y}<br>Round %{text}, %{x|%-d %b %Y %H:%M}"
                           "<br>%{customdata[0]} %{customdata[1]}<extra></extra>"),
            showlegend=False)
    if as_of is not None:
        fig.add_vline(x=as_of, line_dash="dash", line_color=MUTED)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickformat="%-d %b")
    return _layout(fig, title=title, x="Interview date", y=None,
                   height=max(260, 90 + 40 * rounds["application"].nunique()))


def goal_chart(progress: pd.DataFrame, *, applications_goal: int, follow_ups_goal: int
               ) -> go.Figure:
    """Applications sent and follow-ups done per week, with the weekly goals as lines."""
    title = "Your weeks against the goal"
    if progress.empty:
        return empty_figure("No weeks to show yet.", title=title)
    fig = go.Figure()
    for column, name, goal, colour in (
            ("applications", "Applications sent", applications_goal, PALETTE[0]),
            ("follow_ups", "Follow-ups done", follow_ups_goal, PALETTE[1])):
        fig.add_bar(x=progress["week"], y=progress[column], name=name, marker_color=colour,
                    hovertemplate=f"Week of %{{x|%-d %b %Y}}: %{{y:,}} ({name.lower()}; "
                                  f"goal {goal:,})<extra></extra>")
        fig.add_scatter(x=progress["week"], y=[goal] * len(progress), mode="lines",
                        name=f"Goal: {name.lower()}", line={"color": colour, "dash": "dash",
                                                              "width": 2},
                        hoverinfo="skip")
    fig.update_layout(barmode="group")
    fig.update_xaxes(tickformat="%-d %b")
    fig.update_yaxes(rangemode="tozero", tickformat=",d")
    return _layout(fig, title=title, x="Week (starting Monday)", y="Per week")


def offers_distribution_chart(draws: np.ndarray, *, low: int, high: int,
                              horizon_days: int) -> go.Figure:
    """How many offers the open applications bring within the horizon, across the simulated
    draws: the share of draws for each count, the 80% interval highlighted."""
    title = f"Offers within {horizon_days} days: how likely each number is"
    if len(draws) == 0:
        return empty_figure("No open applications to simulate.", title=title)
    values, counts = np.unique(draws, return_counts=True)
    share = counts / counts.sum()
    inside = (values >= low) & (values <= high)
    fig = go.Figure()
    for within, name, colour in ((True, "Within the 80% interval", PALETTE[0]),
                                 (False, "Outside it", MUTED)):
        shown = inside == within
        fig.add_bar(x=values[shown], y=share[shown] * 100, marker_color=colour, name=name,
                    hovertemplate=f"%{{x:,}} offers: %{{y:.1f}}% of simulations ({name.lower()})"
                                  "<extra></extra>")
    fig.update_layout(barmode="overlay")  # one bar per count, whichever trace holds it
    fig.update_xaxes(tickformat=",d", dtick=max(1, int(np.ceil((values.max() - values.min()
                                                                 + 1) / 12))))
    fig.update_yaxes(ticksuffix="%", rangemode="tozero")
    return _layout(fig, title=title, x="Offers", y="Share of simulations")


def contribution_share_chart(by_application: pd.DataFrame, *, limit: int = 15) -> go.Figure:
    """Each open application's chance of an offer within the horizon, largest first."""
    title = "Where the expected offers come from"
    if by_application.empty:
        return empty_figure("No open applications.", title=title)
    top = by_application.head(limit).iloc[::-1]
    labels = (top["company"].fillna("(no company)").astype(str) + " – "
              + top["role"].fillna("").astype(str)).str.rstrip(" –")
    labels = labels + np.where(labels.duplicated(keep=False),
                               " #" + top["row"].astype(str), "")
    fig = go.Figure()
    said = [chance_text(float(c)) for c in top["chance"]]
    fig.add_bar(x=top["chance"] * 100, y=labels, orientation="h", marker_color=PALETTE[2],
                customdata=np.stack([top["stage"], top["days_waiting"], top["share"] * 100,
                                     said], -1),
                hovertemplate="%{y}: %{customdata[3]} chance (%{customdata[0]}, waiting "
                              "%{customdata[1]} days; %{customdata[2]:.0f}% of the expected "
                              "offers)<extra></extra>")
    # Whole percents, from 0 to at least 1%, as the tiles and tables say them: chances far
    # below 1% are "<1%" there, not an axis ending at 0.008%.
    upper = max(1.0, float(top["chance"].max()) * 100) * 1.05
    fig.update_xaxes(ticksuffix="%", range=[0, upper], tickformat=".0f",
                     dtick=1 if upper <= 6 else None)
    return _layout(fig, title=title, x="Chance of an offer",
                   height=max(260, 28 * len(top) + 120))
