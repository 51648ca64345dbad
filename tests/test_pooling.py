"""The forecast by channel: each channel starts from its published figures, borrows from the
person's other channels, and is moved by its own history; what it takes, channel by channel."""

import dataclasses
import datetime as dt
import inspect

import pytest
from conftest import apps_frame

from analysis import forecast as f
from analysis.forecast import pooling

AS_OF = dt.date(2026, 6, 30)


def day(offset: int) -> str:
    return (AS_OF + dt.timedelta(days=offset)).isoformat()


def search(source: str, *, resolved: int = 20, replies: int = 5, waiting: int = 10,
           start: int = 0) -> list[dict]:
    """``resolved`` applications sent long ago through ``source``, ``replies`` of them
    rejected at the reply and the rest never answered, and ``waiting`` sent a week ago."""
    rows = []
    for i in range(resolved):
        sent = -200 + i % 50
        row = {"company": f"{source}{start + i}", "source": source,
               "date_applied": day(sent), "status": "applied"}
        if i < replies:
            row.update(status="rejected", first_response_date=day(sent + 6),
                       decision_date=day(sent + 6))
        rows.append(row)
    rows += [{"company": f"{source}-open{start + i}", "source": source,
              "date_applied": day(-7)} for i in range(waiting)]
    return rows


def by_channel(forecast: f.Forecast) -> dict[str, f.ChannelRate]:
    return {rate.channel: rate for rate in forecast.channels}


def test_a_referral_history_expects_more_than_a_job_board_one_with_the_same_counts():
    referral = f.pipeline_forecast(apps_frame(search("Referral")), as_of=AS_OF, draws=1000)
    board = f.pipeline_forecast(apps_frame(search("Indeed")), as_of=AS_OF, draws=1000)
    assert referral.expected > 2 * board.expected > 0
    assert set(referral.by_application["channel"]) == {"referral"}
    assert set(board.by_application["channel"]) == {"job_board"}
    assert by_channel(referral)["referral"].expected == pytest.approx(referral.expected)


def test_three_applications_borrow_mostly_from_their_published_rate():
    """Three referrals, none answered: mostly the published referral rate (74% reply) all the
    same, and said so; a hundred job-board applications are mostly their own."""
    rows = search("LinkedIn", resolved=100, replies=26, waiting=5) + \
        search("Referral", resolved=3, replies=0, waiting=1)
    forecast = f.pipeline_forecast(apps_frame(rows), as_of=AS_OF, draws=500)
    rates = by_channel(forecast)
    referral, board = rates["referral"], rates["job_board"]
    assert referral.applications == 4 and referral.own_share < pooling.PUBLISHED_MOSTLY
    # Its own say 0 of 3 replied; the published figure, 74%: nearer the published one.
    assert referral.pooled[0] > referral.published[0] / 2
    assert board.own_share > pooling.OWN_MOSTLY
    text = referral.describe()
    assert text.startswith("Your referrals: 4 applications, so mostly the published referral "
                           "rate (8.4 offers per 100 applications published")
    assert text in forecast.notes
    assert "so mostly your own rate" in board.describe()


def test_a_thin_channel_is_moved_by_how_the_other_channels_do():
    """Job-board replies at twice the published rate lift a thin channel's prior too."""
    strong = search("LinkedIn", resolved=100, replies=60, waiting=0) + \
        search("Careers page", resolved=2, replies=0, waiting=2)
    usual = search("LinkedIn", resolved=100, replies=26, waiting=0) + \
        search("Careers page", resolved=2, replies=0, waiting=2)
    lifted = by_channel(f.pipeline_forecast(apps_frame(strong), as_of=AS_OF, draws=500))
    plain = by_channel(f.pipeline_forecast(apps_frame(usual), as_of=AS_OF, draws=500))
    assert lifted["company_site"].factor > 1.5 > plain["company_site"].factor
    assert lifted["company_site"].pooled[0] > plain["company_site"].pooled[0] + 0.1
    assert "with your other applications' replies at" in lifted["company_site"].describe()


def test_an_unknown_source_uses_the_blend_of_channels():
    blank = f.pipeline_forecast(apps_frame(search("")), as_of=AS_OF, draws=500)
    other = f.pipeline_forecast(apps_frame(search("Job fair")), as_of=AS_OF, draws=500)
    rate = by_channel(blank)["unknown"]
    assert rate.published == pytest.approx(pooling.published_chances("unknown"))
    assert blank.expected == pytest.approx(other.expected)
    board = f.pipeline_forecast(apps_frame(search("Indeed")), as_of=AS_OF, draws=500)
    referral = f.pipeline_forecast(apps_frame(search("Referral")), as_of=AS_OF, draws=500)
    assert board.expected < blank.expected < referral.expected
    assert "read as a blend of channels: 65% job board" in rate.describe()


def test_the_persons_mapping_of_a_source_is_used():
    rows = apps_frame(search("Meetup"))
    unread = f.channel_forecast(rows, as_of=AS_OF, draws=500)
    said = f.channel_forecast(rows, as_of=AS_OF, channels={"Meetup": "referral"}, draws=500)
    referral = f.channel_forecast(apps_frame(search("Referral")), as_of=AS_OF, draws=500)
    assert set(unread.by_application["channel"]) == {"unknown"}
    assert set(said.by_application["channel"]) == {"referral"}
    assert said.expected == pytest.approx(referral.expected)
    back = f.backtest(rows, as_of=AS_OF, channels={"Meetup": "referral"}, draws=200)
    assert back["days_back"].tolist() == [60, 90]


def test_applications_needed_answers_per_channel():
    rows = apps_frame(search("Indeed", resolved=60, replies=15, waiting=0)
                      + search("Referral", resolved=5, replies=4, waiting=0, start=100))
    by = AS_OF + dt.timedelta(days=120)
    mix = f.applications_needed(rows, as_of=AS_OF, by_date=by)
    referral = f.applications_needed(rows, as_of=AS_OF, by_date=by, channel="referral")
    assert mix.channel == f.MIX and set(mix.by_channel) == set(f.NAMED_CHANNELS)
    counts = mix.by_channel
    assert counts["referral"] < counts["recruiter"] < counts["company_site"] \
        < counts["job_board"]
    assert referral.count == counts["referral"] and referral.channel == "referral"
    assert f"about {referral.count} referrals a week" in referral.summary(by)
    assert mix.channel_summary().startswith(
        f"By channel: about {counts['job_board']} job-board applications a week, or ")
    assert f"or {counts['referral']} referrals a week" in mix.channel_summary()
    with pytest.raises(ValueError, match="channel 'fax'"):
        f.applications_needed(rows, as_of=AS_OF, by_date=by, channel="fax")


def test_the_single_prior_of_before_is_still_there_to_compare():
    rows = apps_frame(search("Indeed"))
    single = f.channel_forecast(rows, as_of=AS_OF, by_channel=False, draws=500)
    board = f.channel_forecast(rows, as_of=AS_OF, draws=500)
    assert single.expected > 2 * board.expected  # the single prior: some 6 offers per 100
    assert [r.channel for r in single.channels] == ["job_board"]
    assert not any(note.startswith("Your ") for note in single.notes)


def test_the_public_api_is_unchanged():
    """``pipeline_forecast``'s signature and ``Forecast``'s fields as before channels."""
    assert str(inspect.signature(f.pipeline_forecast)) == (
        "(apps: 'pd.DataFrame', *, as_of: 'dt.date', horizon_days: 'int' = 90, "
        "draws: 'int' = 5000, seed: 'int' = 0) -> 'Forecast'")
    names = [field.name for field in dataclasses.fields(f.Forecast)]
    assert names[:10] == ["as_of", "horizon_days", "expected", "low", "high",
                          "p_at_least_one", "by_application", "rates", "notes", "draws"]


def test_an_empty_history_has_a_channel_to_say_it_with():
    forecast = f.pipeline_forecast(apps_frame([]), as_of=AS_OF, draws=100)
    assert forecast.expected == 0 and forecast.channels == []
