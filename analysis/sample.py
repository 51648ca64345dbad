"""Realistic, deterministic job-search data: the bundled sample and data for tests and benchmarks.

``generate_applications`` simulates a search: applications sent over a few months through
different channels, replies that arrive after a delay (or not yet), screenings, interviews,
offers and rejections, and the after-interview chores done or forgotten. The same seed and end
date always give the same table. ``data/sample.csv`` is its output for 150 applications;
``write_sample()`` writes it again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.interviews.journal import empty_interviews, with_latest_interviews
from analysis.model import schema as s
from analysis.model.dates import DATE_DTYPE
from analysis.model.tables import empty_applications
from analysis.reading.importer import load_applications
from analysis.reading.result import LoadResult

SAMPLE_PATH = Path(__file__).resolve().parent.parent / "data" / "sample.csv"
SAMPLE_SIZE = 150
SAMPLE_SEED = 2026
SAMPLE_END = dt.date(2026, 11, 20)

_SOURCES = np.array(["LinkedIn", "Company site", "Job board", "Referral", "Recruiter"])
_SOURCE_SHARE = np.array([0.34, 0.26, 0.16, 0.11, 0.13])
# Chance of any reply, and of a positive one given a reply, by source (same order as above).
_REPLY_RATE = np.array([0.42, 0.50, 0.30, 0.85, 0.75])
_POSITIVE_RATE = np.array([0.35, 0.40, 0.30, 0.65, 0.55])
_PREFIXES = ["Initech", "Globex", "Hooli", "Vandelay", "Acme", "Umbrella", "Soylent", "Wonka",
             "Stark", "Wayne", "Tyrell", "Cyberdyne", "Aperture", "Black Mesa", "Oscorp", "Dunder",
             "Gringotts", "Monarch", "Pied Piper", "Massive Dynamic", "Nakatomi", "Sirius",
             "Virtucon", "Gekko", "Prestige", "Blue Sun", "Zorg", "Ollivander", "Bluth", "Kruger"]
_SUFFIXES = ["", " Analytics", " Labs", " Systems", " Health", " Logistics", " Bank", " Media"]
_ROLES = ["Data Analyst", "Senior Data Analyst", "Product Analyst", "Data Scientist",
          "Analytics Engineer", "BI Developer", "Data Engineer", "Research Analyst",
          "Marketing Analyst", "Business Analyst"]
_LOCATIONS = ["Remote", "Berlin", "London", "Amsterdam", "Hamburg", "Munich", "Dublin",
              "Remote (EU)", "Zurich", "Paris"]
_FIRST = ["Anna", "Ben", "Chloe", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas",
          "Kira", "Liam", "Maya", "Noah", "Olga", "Priya", "Quentin", "Rosa", "Sven", "Tara"]
_LAST = ["Meyer", "Okafor", "Schmidt", "Rossi", "Novak", "Jensen", "Garcia", "Kowalski",
         "Dubois", "Yilmaz", "Nguyen", "Berg", "Costa", "Fischer", "Larsen"]
_CHANNELS = np.array(["email", "LinkedIn", "phone", "letter"])
_NOTES = ["Asked about SQL window functions and a metrics case.",
          "Panel of three; take-home discussed. They liked the dashboard portfolio.",
          "Culture fit chat with the team lead; questions on stakeholder management.",
          "Live coding in pandas, then system design for a reporting pipeline."]


def _days(values: np.ndarray | int) -> np.ndarray:
    return np.asarray(values).astype("timedelta64[D]")


def generate_applications(n: int = SAMPLE_SIZE, *, seed: int = SAMPLE_SEED,
                          end: dt.date = SAMPLE_END, span_days: int = 120) -> pd.DataFrame:
    """Simulate ``n`` applications sent over ``span_days`` days up to ``end``.

    Nothing happens after ``end``: replies not arrived by then leave the application waiting
    (the censoring the analysis must handle). Every status and source occurs once ``n`` is a
    few dozen, as do the follow-up situations: interviews without notes or thank-you notes,
    decision dates passed without news, follow-ups unanswered, rejections not yet thanked.

    >>> apps = generate_applications(3, seed=1, end=dt.date(2025, 1, 31))
    >>> len(apps), bool((apps["date_applied"].dropna() <= pd.Timestamp("2025-01-31")).all())
    (3, True)
    """
    rng = np.random.default_rng(seed)
    end_day = np.datetime64(end, "D")
    # Searches speed up: more applications in recent weeks.
    recency = np.floor(span_days * rng.beta(1.4, 1.0, n)).astype(int)
    age = span_days - 1 - np.minimum(recency, span_days - 1)
    applied = end_day - _days(age)
    source_idx = rng.choice(len(_SOURCES), size=n, p=_SOURCE_SHARE)

    replies = rng.random(n) < _REPLY_RATE[source_idx]
    reply_delay = np.maximum(1, np.round(rng.lognormal(np.log(8), 0.7, n))).astype(int)
    replied = replies & (reply_delay <= age)
    first_response = np.where(replied, applied + _days(reply_delay), np.datetime64("NaT"))
    positive = replied & (rng.random(n) < _POSITIVE_RATE[source_idx])

    interview_delay = rng.integers(3, 15, n)
    interviewed = positive & (rng.random(n) < 0.8) & (reply_delay + interview_delay <= age)
    interview = np.where(interviewed, first_response + _days(interview_delay),
                         np.datetime64("NaT"))
    since_interview = np.where(interviewed, (end_day - interview).astype(int), -1)
    has_expected = interviewed & (rng.random(n) < 0.75)
    expected = np.where(has_expected, interview + _days(rng.integers(5, 15, n)),
                        np.datetime64("NaT"))
    decision_delay = rng.integers(7, 50, n)
    decided = interviewed & (decision_delay <= since_interview)
    offered = decided & (rng.random(n) < 0.35)
    decision = np.where(decided, interview + _days(decision_delay), np.datetime64("NaT"))
    rejected_at_reply = replied & ~positive
    decision = np.where(rejected_at_reply, first_response, decision)

    status = np.full(n, s.APPLIED, dtype=object)
    status[~replied & (age > 45) & (rng.random(n) < 0.6)] = s.GHOSTED
    status[rejected_at_reply] = s.REJECTED
    status[positive] = s.SCREENING
    withdrew = positive & ~interviewed & (rng.random(n) < 0.12)
    status[withdrew] = s.WITHDRAWN
    status[interviewed] = s.INTERVIEWING
    status[decided] = s.REJECTED
    status[offered] = s.OFFER
    accepted = offered & (since_interview - decision_delay > 14) & (rng.random(n) < 0.2)
    status[accepted] = s.ACCEPTED
    saved = (age < 25) & (rng.random(n) < 0.06)
    status[saved] = s.SAVED
    applied = np.where(saved, np.datetime64("NaT"), applied)
    for column in (first_response, interview, expected, decision):
        column[saved] = np.datetime64("NaT")

    thank_you_lag = rng.integers(0, 3, n)
    thanked = interviewed & (rng.random(n) < 0.7) & (thank_you_lag <= since_interview)
    thank_you = np.where(thanked, interview + _days(thank_you_lag), np.datetime64("NaT"))
    notes_written = interviewed & (rng.random(n) < 0.65)
    chased = interviewed & ~decided & has_expected & (rng.random(n) < 0.6)
    follow_up_day = expected + _days(7)
    chased &= follow_up_day <= end_day
    follow_up = np.where(chased, follow_up_day, np.datetime64("NaT"))
    rejected_after_interview = decided & ~offered
    thanked_rejection = rejected_after_interview & (rng.random(n) < 0.5)
    rejection_thanks = np.where(thanked_rejection, decision + _days(1), np.datetime64("NaT"))
    rejection_thanks = np.where(rejection_thanks > end_day, np.datetime64("NaT"),
                                rejection_thanks)

    companies = np.array([p + x for p in _PREFIXES for x in _SUFFIXES])
    company = companies[rng.integers(0, len(companies), n)]
    contact_known = positive | (_SOURCES[source_idx] == "Referral")
    first = np.array(_FIRST)[rng.integers(0, len(_FIRST), n)]
    last = np.array(_LAST)[rng.integers(0, len(_LAST), n)]
    slug = pd.Series(company).str.lower().str.replace(r"[^a-z]+", "", regex=True).to_numpy()
    contact_name = np.where(contact_known, np.char.add(np.char.add(first, " "), last), None)  # type: ignore[call-overload]  # numpy stubs: None is an object scalar
    contact_email = np.where(  # type: ignore[call-overload]  # numpy stubs: None is an object scalar
        contact_known,
        np.char.add(np.char.add(np.char.add(np.char.lower(first), "."), np.char.lower(last)),
                    np.char.add("@", np.char.add(slug.astype(str), ".example.com"))),
        None)
    channel = np.where(contact_known, _CHANNELS[rng.choice(4, n, p=[0.62, 0.2, 0.12, 0.06])],  # type: ignore[call-overload]  # numpy stubs: None is an object scalar
                       None)
    job_id = rng.integers(10_000_000, 99_999_999, n).astype(str)
    url = np.where(_SOURCES[source_idx] == "LinkedIn",
                   np.char.add("https://www.linkedin.com/jobs/view/", job_id),
                   np.char.add(np.char.add(np.char.add("https://", slug.astype(str)),
                                           ".example.com/careers/"), job_id))
    interview_notes = np.where(notes_written, np.array(_NOTES)[rng.integers(0, 4, n)], None)  # type: ignore[call-overload]  # numpy stubs: None is an object scalar
    notes = np.where(rng.random(n) < 0.1, "Salary range listed in the ad", None)  # type: ignore[call-overload]  # numpy stubs: None is an object scalar

    apps = empty_applications().reindex(range(n))
    values: dict[str, np.ndarray] = {
        s.COMPANY: company, s.ROLE: np.array(_ROLES)[rng.integers(0, len(_ROLES), n)],
        s.DATE_APPLIED: applied, s.STATUS: status, s.SOURCE: _SOURCES[source_idx],
        s.LOCATION: np.array(_LOCATIONS)[rng.integers(0, len(_LOCATIONS), n)],
        s.JOB_URL: url, s.CONTACT_NAME: contact_name, s.CONTACT_EMAIL: contact_email,
        s.CONTACT_CHANNEL: channel, s.FIRST_RESPONSE_DATE: first_response,
        s.INTERVIEW_DATE: interview, s.INTERVIEW_NOTES: interview_notes,
        s.THANK_YOU_SENT: thank_you, s.EXPECTED_DECISION_DATE: expected,
        s.FOLLOW_UP_SENT: follow_up, s.DECISION_DATE: decision,
        s.REJECTION_THANKS_SENT: rejection_thanks, s.NOTES: notes,
    }
    for name, column in values.items():
        apps[name] = pd.Series(column).astype(DATE_DTYPE if name in s.DATE_COLUMNS else "str")
    return apps


def sample_offers(apps: pd.DataFrame, *, seed: int = SAMPLE_SEED) -> pd.DataFrame:
    """Offer details for the applications whose status is offer: realistic pay, benefits and
    ratings, with a few facts left blank (the questions to ask), and deadlines after the
    offer date."""
    offered = apps[apps[s.STATUS] == s.OFFER]
    rng = np.random.default_rng(seed + 1)
    n = len(offered)
    base = np.round(rng.normal(72_000, 9_000, n), -3)

    def blanks(values: np.ndarray, chance: float) -> np.ndarray:
        return np.where(rng.random(n) < chance, np.nan, values)

    decided = offered[s.DECISION_DATE].fillna(offered[s.DATE_APPLIED])
    return pd.DataFrame({
        s.OFFER_COMPANY: offered[s.COMPANY].to_numpy(), s.OFFER_ROLE: offered[s.ROLE].to_numpy(),
        s.BASE_SALARY: base,
        s.BONUS: blanks(np.round(base * rng.choice([0.05, 0.1, 0.15], n), -2), 0.3),
        s.EQUITY_PER_YEAR: blanks(np.round(rng.choice([0, 4_000, 10_000], n) * 1.0, -2), 0.3),
        s.BENEFITS_VALUE: np.round(rng.normal(3_500, 800, n), -2),
        s.PTO_DAYS: blanks(rng.choice([25.0, 28.0, 30.0], n), 0.3),
        s.REMOTE_DAYS: rng.choice([1.0, 2.0, 3.0, 5.0], n),
        s.COMMUTE_MINUTES: rng.choice([0.0, 20.0, 35.0, 50.0], n),
        s.GROWTH: rng.integers(2, 6, n).astype(float),
        s.CULTURE: rng.integers(2, 6, n).astype(float),
        s.DEADLINE: (decided + pd.to_timedelta(rng.integers(7, 21, n), unit="D"))
        .astype(DATE_DTYPE).to_numpy(),
    })


# Questions people are asked, each in a few wordings, as a journal holds them.
_QUESTIONS = [
    ["Tell me about yourself", "Tell me a little about yourself",
     "Walk me through your background"],
    ["Why do you want to work here?", "Why this company?", "Why are you interested in this role?"],
    ["Tell me about a time you failed", "Describe a failure and what you learned"],
    ["Write a SQL query with a window function", "SQL: running totals with window functions"],
    ["How would you measure the success of a feature?", "Which metrics would you track for a "
     "new feature?"],
    ["Tell me about a conflict with a stakeholder", "How do you handle conflict?"],
    ["What are your salary expectations?", "What salary are you looking for?"],
    ["Explain an A/B test to a non-technical person"],
    ["How do you prioritise competing deadlines?", "How do you work under pressure?"],
]
_IMPROVE = ["Prepare a shorter answer to 'tell me about yourself'.",
            "Practise SQL window functions under time pressure.",
            "Have two questions ready about the team's roadmap.",
            "Quantify the impact in the project stories.",
            "Slow down when explaining the case; structure it first."]
_WENT_WELL = ["The portfolio dashboard landed well.", "Good rapport with the hiring manager.",
              "The case study structure was clear."]
_KINDS = ["phone screen", "video", "technical", "panel", "onsite", "final"]


def generate_interviews(apps: pd.DataFrame, *, seed: int = SAMPLE_SEED,
                        end: dt.date = SAMPLE_END) -> pd.DataFrame:
    """A journal for the applications with an interview date: one to four rounds each (the
    last on the interview date, earlier ones a few days apart), one to three interviewers
    with their addresses, the questions asked (in the wordings people use), ratings that lean
    towards the outcome, notes on what went well and what to improve, thank-you notes sent
    for most rounds, and a few rounds still to come after ``end``."""

    rng = np.random.default_rng(seed + 2)
    held = apps[apps[s.INTERVIEW_DATE].notna()]
    records = []
    today = pd.Timestamp(end)
    for _, app in held.iterrows():
        rounds = int(rng.choice([1, 2, 3, 4], p=[0.35, 0.35, 0.2, 0.1]))
        if app[s.STATUS] in (s.OFFER, s.ACCEPTED):
            rounds = max(rounds, 2)
        last = app[s.INTERVIEW_DATE]
        earliest = app[s.DATE_APPLIED] + pd.Timedelta(days=2) \
            if pd.notna(app[s.DATE_APPLIED]) else last - pd.Timedelta(days=60)
        room = max((last - earliest).days, 0)
        rounds = max(1, min(rounds, room // 3 + 1))  # at least three days between rounds
        gaps = rng.integers(3, 11, rounds - 1)
        if gaps.sum() > room:  # squeeze the gaps into the time since applying
            gaps = np.maximum(3, (gaps * room / gaps.sum()).astype(int))
        days = [last - pd.Timedelta(days=int(g)) for g in np.cumsum(gaps[::-1])[::-1]] + [last]
        good = app[s.STATUS] in (s.OFFER, s.ACCEPTED, s.INTERVIEWING)
        domain = str(app[s.COMPANY]).lower().replace(" ", "") + ".example.com"
        for number, day in enumerate(days, start=1):
            people = rng.choice(len(_FIRST), int(rng.integers(1, 4)), replace=False)
            names = [f"{_FIRST[i]} {_LAST[int(rng.integers(len(_LAST)))]}" for i in people]
            emails = [n.lower().replace(" ", ".") + "@" + domain for n in names]
            picked = rng.choice(len(_QUESTIONS), int(rng.integers(2, 5)), replace=False)
            asked = [_QUESTIONS[q][int(rng.integers(len(_QUESTIONS[q])))] for q in picked]
            hour = int(rng.choice([9, 10, 11, 14, 15, 16]))
            past = day + pd.Timedelta(hours=hour) <= today
            # The last round is thanked as the application says; earlier ones mostly were.
            thanked = past and (pd.notna(app[s.THANK_YOU_SENT]) if number == len(days)
                                else rng.random() < 0.9)
            written = past and rng.random() < 0.85
            records.append({
                s.IV_COMPANY: app[s.COMPANY], s.IV_ROLE: app[s.ROLE],
                s.IV_DATE_APPLIED: app[s.DATE_APPLIED], s.IV_JOB_URL: app[s.JOB_URL],
                s.IV_DATE: day + pd.Timedelta(hours=hour), s.IV_ROUND: float(number),
                s.IV_KIND: _KINDS[min(number - 1 + int(rng.integers(0, 2)), len(_KINDS) - 1)],
                s.INTERVIEWERS: "; ".join(names), s.INTERVIEWER_EMAILS: "; ".join(emails),
                s.QUESTIONS_ASKED: "\n".join(asked) if written else None,
                s.WENT_WELL: _WENT_WELL[int(rng.integers(len(_WENT_WELL)))] if written else None,
                s.TO_IMPROVE: _IMPROVE[int(rng.integers(len(_IMPROVE)))]
                if written and rng.random() < 0.6 else None,
                s.RATING: float(np.clip(rng.normal(3.8 if good else 2.9, 0.9), 1, 5).round())
                if written else np.nan,
                s.IV_THANK_YOU_SENT: (f"{app[s.THANK_YOU_SENT]:%Y-%m-%d}"
                                      if number == len(days) else
                                      f"{day + pd.Timedelta(days=1):%Y-%m-%d}")
                if thanked else None,
                s.DECISION_EXPECTED: app[s.EXPECTED_DECISION_DATE] if number == len(days)
                else pd.NaT,
            })
        if app[s.STATUS] == s.INTERVIEWING and rng.random() < 0.3:
            ahead = today + pd.Timedelta(days=int(rng.integers(1, 6)), hours=10)
            records.append({s.IV_COMPANY: app[s.COMPANY], s.IV_ROLE: app[s.ROLE],
                            s.IV_DATE_APPLIED: app[s.DATE_APPLIED],
                            s.IV_JOB_URL: app[s.JOB_URL], s.IV_DATE: ahead,
                            s.IV_ROUND: float(len(days) + 1), s.IV_KIND: "final",
                            s.INTERVIEWERS: f"{_FIRST[int(rng.integers(len(_FIRST)))]} "
                                            f"{_LAST[int(rng.integers(len(_LAST)))]}"})
    if not records:
        return empty_interviews()
    table = pd.DataFrame(records).reindex(columns=list(s.INTERVIEW_COLUMN_NAMES))
    return table.astype(empty_interviews().dtypes.to_dict())


def shift_dates(apps: pd.DataFrame, days: int) -> pd.DataFrame:
    """A copy of ``apps`` with every canonical date moved by ``days`` days."""
    delta = pd.Timedelta(days=days)
    return apps.assign(**{c: apps[c] + delta for c in s.DATE_COLUMNS if c in apps})


def shift_to_end(result: LoadResult, *, end: dt.date, generated_end: dt.date = SAMPLE_END
                 ) -> LoadResult:
    """The sample moved in time so that it ends on ``end`` instead of ``generated_end``."""
    days = (end - generated_end).days
    offers = result.offers
    if offers is not None:
        offers = offers.assign(**{s.DEADLINE: offers[s.DEADLINE] + pd.Timedelta(days=days)})
    delta = pd.Timedelta(days=days)
    interviews = result.interviews.assign(**{
        c: result.interviews[c] + delta
        for c in (s.IV_DATE, s.IV_DATE_APPLIED, s.DECISION_EXPECTED)})
    interviews[s.IV_THANK_YOU_SENT] = (pd.to_datetime(interviews[s.IV_THANK_YOU_SENT])
                                       + delta).dt.strftime("%Y-%m-%d").astype("str")
    return dataclasses.replace(result, applications=shift_dates(result.applications, days),
                               offers=offers, interviews=interviews)


def load_sample(*, end: dt.date | None = None) -> LoadResult:
    """The bundled sample data, imported like any user file, with offer details for its
    offers, and, when ``end`` is given, moved so that it ends on that day. Falls back to the
    generator when the file is not installed."""
    if SAMPLE_PATH.exists():
        result = load_applications(SAMPLE_PATH)
    else:
        result = load_applications(write_sample_csv(generate_applications()), name="sample.csv")
    interviews = generate_interviews(result.applications)
    result = dataclasses.replace(
        result, offers=sample_offers(result.applications), interviews=interviews,
        applications=with_latest_interviews(interviews, result.applications)).linked()
    return result if end is None else shift_to_end(result, end=end)


def write_sample_csv(apps: pd.DataFrame) -> bytes:
    """The CSV bytes of a canonical frame, with friendly headers and ISO dates."""
    return apps.rename(columns=s.LABELS).to_csv(index=False, date_format="%Y-%m-%d")\
        .encode("utf-8")


def write_sample(path: Path = SAMPLE_PATH) -> Path:
    """Write the bundled sample file again from the generator."""
    path.write_bytes(write_sample_csv(generate_applications()))
    return path
