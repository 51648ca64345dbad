"""The applications as a history of stages: when each entered a stage (applied, replied,
interviewed), how it left it (moved on, ended, or still there: censored), its channel, and
the open ones with the days they have waited. Nothing here modifies its inputs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.forecast.channels import source_channels
from analysis.forecast.prior import CENSORED, ENDED, FORWARD
from analysis.model import schema as s
from analysis.model.stages import Stage, as_known_on, stage_codes, status_and_dates

# Where an open application waits for its next step (not the stages of ``model.stages``).
WAITING = ("applied", "replied", "interviewed")
WAITING_LABELS = {"applied": "Applied, no reply yet", "replied": "Replied, no interview yet",
                  "interviewed": "Interviewed"}
NEXT_LABELS = {"applied": "a reply", "replied": "an interview", "interviewed": "an offer"}


MAX_AGE = 730  # days: a longer wait counts as this


def stage_history(apps: pd.DataFrame, as_of: dt.date,
             channels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """For each application sent by ``as_of`` (as known that day): its channel, the day it
    entered each stage it reached, its furthest stage, whether it got an offer, ended without
    one (and when), or is still open."""
    known = as_known_on(status_and_dates(apps), as_of)
    codes = stage_codes(known)
    sent = known[codes >= Stage.APPLIED]
    codes = codes[codes >= Stage.APPLIED]
    status = sent[s.STATUS]
    applied = sent[s.DATE_APPLIED]
    replied = sent[s.FIRST_RESPONSE_DATE].fillna(sent[s.INTERVIEW_DATE])\
        .fillna(sent[s.DECISION_DATE]).where(codes >= Stage.RESPONDED)
    replied = replied.fillna(applied.where(codes >= Stage.RESPONDED))
    interviewed = sent[s.INTERVIEW_DATE].where(codes >= Stage.INTERVIEW)\
        .fillna(replied.where(codes >= Stage.INTERVIEW))
    offered = codes >= Stage.OFFER
    ended = ~offered & status.isin([s.REJECTED, s.WITHDRAWN, s.GHOSTED])
    return pd.DataFrame({
        "code": codes, "stage": np.where(codes >= Stage.INTERVIEW, "interviewed",
                                         np.where(codes >= Stage.RESPONDED, "replied", "applied")),
        "applied": applied, "replied": replied, "interviewed": interviewed,
        "offered": offered, "offer_day": sent[s.DECISION_DATE].where(offered),
        "ended": ended, "ended_day": sent[s.DECISION_DATE].where(ended),
        "open": ~offered & ~ended,
        "channel": source_channels(apps.loc[sent.index], channels),
    }, index=sent.index)


_NEXT = {"applied": "replied", "replied": "interviewed", "interviewed": "offer_day"}


def stage_exits(history: pd.DataFrame, stage: str, day: pd.Timestamp
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the applications that entered ``stage`` on a known day: the days spent in it, how
    they left it (moved on, ended, or still there: censored) and the days since they entered
    (the time they have had)."""
    entered = history[history[stage].notna()]
    start = entered[stage]
    moved = entered[_NEXT[stage]].notna() if stage != "interviewed" else entered["offered"]
    left_on = entered[_NEXT[stage]] if stage != "interviewed" else \
        entered["offer_day"].fillna(start)
    # A rejection without its day (a status set by hand) ended the day the stage began, as an
    # offer without its day does: counting it as still waiting made the Plan say "4 still
    # waiting" of applications every other page calls rejected.
    ended = ~moved & entered["ended"]
    until = left_on.where(moved, entered["ended_day"].fillna(start).where(ended, day))
    days = np.clip((until - start).dt.days.fillna(0).to_numpy(), 0, MAX_AGE)
    since = np.clip((day - start).dt.days.fillna(0).to_numpy(), 0, MAX_AGE)
    how = np.where(moved, FORWARD, np.where(ended, ENDED, CENSORED))
    return days.astype(np.int64), how, since.astype(np.int64)


def open_groups(history: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The open applications with their channel, stage and whole days waiting in it (undated
    ones count as sent that day)."""
    waiting = history[history["open"]]
    stage = waiting["stage"].to_numpy()
    start = waiting["interviewed"].where(stage == "interviewed",
                                         waiting["replied"].where(stage == "replied",
                                                                  waiting["applied"]))
    days = (pd.Timestamp(as_of) - start).dt.days.fillna(0).to_numpy()
    return pd.DataFrame({"channel": waiting["channel"], "stage": stage,
                         "days_waiting": np.clip(days, 0, MAX_AGE).astype(np.int64)},
                        index=waiting.index)
