"""What the journal teaches across interviews: recurring questions, what to prepare, how
rounds lead on to offers, and whether your own ratings predict moving on."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from analysis.interviews.journal import SEPARATOR, held_on
from analysis.interviews.linking import application_of
from analysis.maths.intervals import wilson_interval
from analysis.model import schema as s
from analysis.model.keys import name_key
from analysis.model.stages import Stage, stage_codes
from analysis.model.words import plural

MIN_RATED = 8  # interviews with a rating and a known outcome before the rating says anything


_QUESTION_SPLIT = re.compile(r"\s*(?:\n|;|(?<=\?)\s+(?=[A-Z]))\s*")


def split_questions(value: object) -> list[str]:
    """The questions in one notes cell: one per line, or separated by ; or by "? ".

    >>> split_questions("Why us? Tell me about yourself; - SQL window functions")
    ['Why us?', 'Tell me about yourself', 'SQL window functions']
    """
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return []
    parts = (p.strip(" -•*\t").strip() for p in _QUESTION_SPLIT.split(str(value)))
    return [p for p in parts if len(p) > 3]


def questions(interviews: pd.DataFrame) -> pd.DataFrame:
    """Every question asked, one row each, with its interview's company and role."""
    cells = interviews[s.QUESTIONS_ASKED]
    codes, distinct = pd.factorize(cells)  # a journal repeats its questions: split each once
    split = [split_questions(cell) for cell in distinct] + [[]]
    parts = pd.Series([split[code] for code in codes], index=cells.index, dtype="object")
    frame = interviews[[s.IV_COMPANY, s.IV_ROLE]].assign(question=parts).explode("question")
    return frame[frame["question"].notna()].astype({"question": "str"})\
        .reset_index(names="interview")


# Classic interview questions, each with the other words people use for it: questions that
# differ in every word ("Tell me about yourself", "Walk me through your background") group here.
QUESTION_BANK: dict[str, tuple[str, ...]] = {
    "Tell me about yourself": (
        "tell me about yourself", "walk me through your background",
        "walk me through your resume", "walk me through your cv", "introduce yourself",
        "describe yourself", "tell us about yourself", "give me an overview of your career",
        "erzählen sie etwas über sich", "stellen sie sich vor", "présentez vous",
        "parlez moi de vous", "háblame de ti", "preséntate"),
    "Why do you want to work here?": (
        "why do you want to work here", "why this company", "why do you want to join us",
        "why are you interested in this role", "why are you interested in this position",
        "what attracts you to this role", "why us", "why do you want this job",
        "warum möchten sie bei uns arbeiten", "pourquoi voulez vous travailler chez nous"),
    "What are your strengths?": (
        "what are your strengths", "what is your greatest strength",
        "what are you good at", "what would your colleagues say you are good at"),
    "What are your weaknesses?": (
        "what are your weaknesses", "what is your greatest weakness",
        "what would you like to improve about yourself", "what are your areas of development"),
    "Tell me about a time you failed": (
        "tell me about a time you failed", "describe a failure",
        "tell me about a mistake you made", "what is your biggest failure"),
    "Tell me about a conflict and how you handled it": (
        "tell me about a conflict", "describe a disagreement with a colleague",
        "how do you handle conflict", "tell me about a difficult coworker"),
    "Where do you see yourself in five years?": (
        "where do you see yourself in five years", "where do you see yourself in 5 years",
        "what are your long term goals", "what are your career goals"),
    "Why are you leaving your current job?": (
        "why are you leaving your current job", "why do you want to leave",
        "why did you leave your last job", "why are you looking for a new role"),
    "What are your salary expectations?": (
        "what are your salary expectations", "what salary are you looking for",
        "what are your compensation expectations", "what is your expected salary"),
    "Why should we hire you?": (
        "why should we hire you", "what makes you the right fit",
        "why are you the best candidate", "what can you bring to the team"),
    "Tell me about your greatest achievement": (
        "what is your greatest achievement", "what are you most proud of",
        "tell me about an accomplishment", "describe your biggest success"),
    "How do you work under pressure?": (
        "how do you work under pressure", "how do you handle stress",
        "how do you deal with tight deadlines", "how do you prioritise competing deadlines"),
    "Tell me about a time you led a team": (
        "tell me about a time you led a team", "give an example of leadership",
        "describe a time you took the lead", "how would you describe your leadership style"),
    "Do you have any questions for us?": (
        "do you have any questions for us", "do you have any questions",
        "what questions do you have for me", "anything you would like to ask"),
}
_FILLER = re.compile(r"\b(a little|a bit|briefly|quickly|please|can you|could you|would you|"
                     r"so|just|maybe|kindly)\b")


def _normal_question(text: str) -> str:
    plain = re.sub(r"[^\w\s]", " ", text.lower())
    return re.sub(r"\s+", " ", _FILLER.sub(" ", plain)).strip()


_BANK_NAMES = [name for name, words in QUESTION_BANK.items() for _ in words]
_BANK_WORDINGS = [_normal_question(w) for words in QUESTION_BANK.values() for w in words]


def classic_question(question: str, *, similar: float = 82) -> str | None:
    """The classic question of ``QUESTION_BANK`` this one asks in other words, or None.

    >>> classic_question("Walk me through your background"), classic_question("SQL joins")
    ('Tell me about yourself', None)
    """
    from rapidfuzz import fuzz, process

    found = process.extractOne(_normal_question(question), _BANK_WORDINGS,
                               scorer=fuzz.token_set_ratio, score_cutoff=similar)
    return _BANK_NAMES[found[2]] if found else None


def recurring_questions(interviews: pd.DataFrame, *, similar: float = 82) -> pd.DataFrame:
    """Questions asked across interviews, grouped when they ask the same thing in other words:
    a table with ``question`` (the classic wording, or the most common one), ``count`` (times
    asked), ``companies`` (where, "; "-joined) and ``wordings`` (as written), most asked first.

    Each question is compared (rapidfuzz's token-set ratio, out of 100, after dropping fillers
    like "a little" or "please") with the wordings of ``QUESTION_BANK``, the classic questions
    with the other words people use for them, so "Walk me through your background" joins
    "Tell me about yourself"; the others are grouped with each other at ``similar`` or more.

    >>> table = recurring_questions(pd.DataFrame({"company": ["A", "B", "C"],
    ...     "role": [None] * 3, "questions_asked": ["Tell me about yourself",
    ...     "Tell me a little about yourself; Why us?", "Walk me through your background"]}))
    >>> table[["question", "count", "companies"]].values.tolist()[0]
    ['Tell me about yourself', 3, 'A; B; C']
    """
    from rapidfuzz import fuzz, process
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    asked = questions(interviews)
    columns = ["question", "count", "companies", "wordings"]
    if asked.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "count" else "str")
                             for c in columns})
    wording = {q: _normal_question(q) for q in asked["question"].unique()}
    normal = [wording[q] for q in asked["question"].tolist()]
    # Compared once per distinct wording: a journal repeats its questions.
    distinct, back = np.unique(np.array(normal, dtype=object), return_inverse=True)
    wordings = distinct.tolist()
    to_bank = process.cdist(wordings, _BANK_WORDINGS, scorer=fuzz.token_set_ratio,
                            dtype=np.uint8, workers=1)
    best = to_bank.argmax(axis=1)
    classic = np.where(to_bank.max(axis=1) >= similar, np.array(_BANK_NAMES)[best], "")
    # The others group with each other: connected parts of the "similar enough" graph.
    scores = process.cdist(wordings, wordings, scorer=fuzz.token_set_ratio, dtype=np.uint8,
                           score_cutoff=int(similar), workers=1)
    _, groups = connected_components(csr_matrix(scores >= similar), directed=False)  # type: ignore[arg-type]  # scipy-stubs: a boolean matrix is a graph too
    key = np.where(classic != "", "bank:" + classic, "own:" + groups.astype(str))[back]
    rows = []
    asked = asked.assign(_normal=normal)
    for group_key, group in asked.assign(_key=key).groupby("_key", sort=False):
        wordings = group.drop_duplicates("_normal")["question"].reindex(
            group.drop_duplicates("_normal").index)
        wordings = pd.Series(1, index=wordings.to_numpy())
        label = str(group_key)  # "bank:" and a classic question, or "own:" and a group
        name = label[5:] if label.startswith("bank:") else wordings.index[0]
        companies = group[s.IV_COMPANY].dropna().astype("str").unique().tolist()
        rows.append((name, len(group), SEPARATOR.join(companies),
                     SEPARATOR.join(wordings.index)))
    table = pd.DataFrame(rows, columns=columns).astype({"count": "int64"})
    return table.sort_values(["count", "question"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)


def outcome_after(apps: pd.DataFrame, *, as_of: dt.date) -> pd.Series:
    """Each application's outcome as the journal counts it: "offer" (an offer or accepted),
    "rejected", "open" (still going) or "withdrawn"."""

    codes = stage_codes(apps)
    status = apps[s.STATUS]
    outcome = np.where(codes >= Stage.OFFER, "offer", np.where(
        status == s.REJECTED, "rejected", np.where(
            status.isin([s.WITHDRAWN, s.GHOSTED]), "withdrawn", "open")))
    return pd.Series(outcome, index=apps.index, dtype="str")


def round_progression(interviews: pd.DataFrame, apps: pd.DataFrame, *, as_of: dt.date
                      ) -> pd.DataFrame:
    """For each round reached, how many applications got there (``n``), how many went on to
    the next round (``next``) and to an offer (``offer``), with 95% Wilson intervals
    (``next_low``/``next_high``, ``offer_low``/``offer_high``). Applications still open after
    their last round are left out of ``n`` for that round (they may still go on), and
    counted in ``open``."""
    columns = ["round", "n", "next", "next_rate", "next_low", "next_high", "offer",
               "offer_rate", "offer_low", "offer_high", "open"]
    held = interviews[held_on(interviews, as_of).to_numpy()]
    labels = application_of(held, apps)
    held = held.assign(_app=labels).dropna(subset=["_app"])
    if held.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in columns})
    reached = held.groupby("_app")[s.IV_ROUND].max().astype("int64")
    outcome = outcome_after(apps, as_of=as_of).reindex(reached.index.astype(apps.index.dtype))
    outcome.index = reached.index
    rows = []
    for number in range(1, int(reached.max()) + 1):
        there = reached >= number
        went_on = reached > number
        still_open = there & ~went_on & (outcome == "open")
        decided = there & ~still_open
        n = int(decided.sum())
        moved = int((went_on & decided).sum())
        offers = int(((outcome == "offer") & decided).sum())
        next_low, next_high = wilson_interval(moved, n)
        offer_low, offer_high = wilson_interval(offers, n)
        rows.append((number, n, moved, moved / n if n else np.nan, float(next_low),
                     float(next_high), offers, offers / n if n else np.nan, float(offer_low),
                     float(offer_high), int(still_open.sum())))
    return pd.DataFrame(rows, columns=columns).astype(
        {"round": "int64", "n": "int64", "next": "int64", "offer": "int64", "open": "int64"})


def rating_outcomes(interviews: pd.DataFrame, apps: pd.DataFrame, *, as_of: dt.date
                    ) -> tuple[pd.DataFrame, str]:
    """Whether your own rating of an interview predicts moving on: for each rating, the rated
    interviews whose outcome is known (``n``) and how many moved on (a later round or an
    offer), with Wilson intervals, and a sentence that says plainly when the numbers are too
    few (under ``MIN_RATED`` rated interviews with a known outcome) to tell."""
    columns = ["rating", "n", "moved_on", "rate", "low", "high"]
    rated = interviews[interviews[s.RATING].notna()
                       & held_on(interviews, as_of)]
    labels = application_of(rated, apps)
    rated = rated.assign(_app=labels).dropna(subset=["_app"])
    if rated.empty:
        empty = pd.DataFrame({c: pd.Series(dtype="float64") for c in columns})
        return empty, "No rated interview yet: give each interview a rating from 1 to 5."
    last = interviews.assign(_app=application_of(interviews, apps))\
        .groupby("_app")[s.IV_ROUND].max()
    outcome = outcome_after(apps, as_of=as_of)
    later = rated[s.IV_ROUND].to_numpy() < last.reindex(rated["_app"]).to_numpy()
    result = outcome.reindex(rated["_app"].astype("int64")).to_numpy()
    moved = later | (result == "offer")
    known = moved | np.isin(result, ["rejected", "withdrawn"])
    frame = pd.DataFrame({"rating": rated[s.RATING].round().astype("int64").to_numpy(),
                          "moved": moved, "known": known})[known]
    grouped = frame.groupby("rating")["moved"]
    table = pd.DataFrame({"n": grouped.size(), "moved_on": grouped.sum()}).reset_index()
    low, high = wilson_interval(table["moved_on"].to_numpy(), table["n"].to_numpy())
    table = table.assign(rate=table["moved_on"] / table["n"], low=low, high=high)
    total = int(table["n"].sum())
    if total < MIN_RATED:
        verdict = (f"Too few to tell: {plural(total, 'rated interview')} with a known outcome; the "
                   f"pattern means something from about {MIN_RATED}.")
    else:
        high_rated = frame[frame["rating"] >= 4]["moved"]
        low_rated = frame[frame["rating"] <= 3]["moved"]
        if high_rated.empty or low_rated.empty:
            verdict = (f"{total} rated interviews, all rated "
                       f"{'4 or 5' if low_rated.empty else '3 or less'}: nothing to compare.")
        else:
            verdict = (f"Interviews you rated 4-5 led on {high_rated.mean():.0%} of the time "
                       f"(n={len(high_rated)}), those rated 1-3 {low_rated.mean():.0%} "
                       f"(n={len(low_rated)}).")
    return table[columns].astype({"n": "int64", "moved_on": "int64"}), verdict


def days_between_rounds(interviews: pd.DataFrame, apps: pd.DataFrame) -> pd.DataFrame:
    """The days from each round to the next within an application: ``from_round`` and
    ``days``."""
    labels = application_of(interviews, apps)
    table = interviews.assign(_app=labels).dropna(subset=["_app", s.IV_DATE])\
        .sort_values(["_app", s.IV_DATE])
    gaps = table.groupby("_app")[s.IV_DATE].diff().dt.days
    frame = pd.DataFrame({"from_round": table[s.IV_ROUND].to_numpy(),
                          "days": gaps.to_numpy()}).dropna()
    frame["from_round"] = frame["from_round"] - 1
    return frame.astype({"from_round": "int64", "days": "int64"}).reset_index(drop=True)


def median_gap(gaps: pd.DataFrame) -> float | None:
    """The median of ``days_between_rounds``' days (a half day where the middle two differ
    by one); None without any gap.

    >>> median_gap(pd.DataFrame({"from_round": [1, 1], "days": [3, 4]}))
    3.5
    """
    return float(gaps["days"].median()) if len(gaps) else None


def improvements(interviews: pd.DataFrame) -> pd.DataFrame:
    """Every "to improve" note, newest first, with its interview's day, company and round."""
    notes = interviews[interviews[s.TO_IMPROVE].fillna("").str.strip() != ""]
    return notes[[s.IV_DATE, s.IV_COMPANY, s.IV_ROUND, s.TO_IMPROVE]]\
        .sort_values(s.IV_DATE, ascending=False, na_position="last").reset_index(drop=True)


def preparation(interviews: pd.DataFrame, interview: int, *, similar: float = 70
                ) -> dict[str, pd.DataFrame]:
    """What to prepare for interview ``interview``: the questions asked before at the same
    company (``company``), in similar roles elsewhere (``similar_roles``: the role titles'
    token-set similarity at least ``similar`` out of 100, rapidfuzz), and your notes on what
    to improve (``improve``)."""
    from rapidfuzz import fuzz

    row = interviews.loc[interview]
    others = interviews.drop(index=interview)
    company = name_key(pd.Series([row[s.IV_COMPANY]])).iloc[0]
    same = name_key(others[s.IV_COMPANY]) == company
    role = str(row[s.IV_ROLE]) if pd.notna(row[s.IV_ROLE]) else ""
    alike = others[s.IV_ROLE].fillna("").astype("str").map(
        lambda other: bool(role) and fuzz.token_set_ratio(role.lower(), other.lower()) >= similar
    ).astype(bool)  # a journal of one interview maps nothing: keep the mask boolean
    asked = questions(others)
    by_interview = asked.set_index("interview")
    return {
        "company": by_interview[by_interview.index.isin(others.index[same])]
        .reset_index(drop=True),
        "similar_roles": by_interview[by_interview.index.isin(others.index[~same & alike])]
        .reset_index(drop=True),
        "improve": improvements(others),
    }


def preparation_lists(sheet: dict[str, pd.DataFrame], *, questions: int = 8,
                      notes: int = 5) -> dict[str, list[str]]:
    """The preparation sheet (``preparation``) as lists to read: the first ``questions``
    distinct questions asked before at the company and in similar roles, and the first
    ``notes`` distinct notes on what to improve, each in the sheet's order."""
    def distinct(values: pd.Series, n: int) -> list[str]:
        return [str(v) for v in dict.fromkeys(values.dropna())][:n]

    return {"company": distinct(sheet["company"]["question"], questions),
            "similar_roles": distinct(sheet["similar_roles"]["question"], questions),
            "improve": distinct(sheet["improve"][s.TO_IMPROVE], notes)}


def interviews_per_offer(interviews: pd.DataFrame, apps: pd.DataFrame, *, as_of: dt.date
                         ) -> tuple[int, int]:
    """Interviews of ``apps`` held up to ``as_of``, that day's included (every round counts),
    and offers received: their ratio is what an offer has cost."""

    held = interviews[application_of(interviews, apps).notna().to_numpy()]
    return (int(held_on(held, as_of).sum()),
            int((stage_codes(apps) >= Stage.OFFER).sum()))


def per_offer_text(held: int, offers: int) -> str:
    """What an offer has cost, in words for a tile: interviews per offer with one decimal,
    else that no offer came yet, else that there was no interview. Short enough for a tile a
    quarter of a 1280 px page wide (the interviews held are in the tile's help).

    >>> per_offer_text(17, 2), per_offer_text(3, 0), per_offer_text(0, 0)
    ('8.5', 'No offer yet', 'No interview yet')
    """
    if offers:
        return f"{held / offers:.1f}"
    return "No offer yet" if held else "No interview yet"
