"""One fact, one home, whichever door it came in by: a generated job search (the ground truth)
is split among the doors (the imported spreadsheet, Data page edits, the interview notes form,
accepted mail proposals, the Offers table, follow-ups marked done) and sent through them in an
order Hypothesis picks, through the functions the pages call (``ui.state``'s one save path,
run without a Streamlit server). Then every page's headline numbers, worked out from what the
workspace stored exactly as the pages work them out, must be the numbers the ground truth
gives, and the same whatever the order the facts came in."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pandas as pd
import streamlit
from conftest import csv_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import followups as f
from analysis import interviews as iv
from analysis import offers as o
from analysis.forecast import channel_forecast
from analysis.mail import meaning as mm
from analysis.mail import proposals
from analysis.mail.reading import EVIDENCE_COLUMNS
from analysis.maths.survival import share_so_far
from analysis.model import schema as s
from analysis.model.editing import apply_view_changes
from analysis.model.filters import Filters, filter_applications
from analysis.outputs import reports
from analysis.reading.sources import RawFile
from analysis.stats import metrics, rates
from ui import follow_up_cards, mail_review, state, workspace
from ui.interview_notes import PROMPTS
from ui.shell import View

# Run without a Streamlit server, the session state and caches work (in memory) and say so
# on every call: the doors' functions are the pages' own.
logging.getLogger("streamlit").setLevel(logging.ERROR)
for name in logging.root.manager.loggerDict:
    if name.startswith("streamlit"):
        logging.getLogger(name).setLevel(logging.ERROR)

AS_OF = dt.date(2026, 6, 30)
NOW = dt.datetime(2026, 6, 30, 18, 0)  # the pages' clock: late in the day, after 10:00 rounds
GHOST_DAYS = 30
COMPANIES = ["Acme", "Globex", "Initech", "Hooli", "Umbrella"]
ROLES = ["Data Analyst", "Product Manager", "Engineer"]
SOURCES = ["Referral", "LinkedIn", "Job board"]
PEOPLE = ["Ana Ruiz", "Ben Okafor", "Cleo Park"]
WAITING, REJECTED, OFFER = "waiting", "rejected", "offer"


def day(offset: int) -> dt.date:
    return AS_OF + dt.timedelta(days=offset)


# --- the ground truth ------------------------------------------------------------------------


@dataclass(frozen=True)
class Round:
    """One interview: its day, who interviewed (names, in order), whether notes were written
    after it, and which interviewers were thanked (marked done)."""

    day: dt.date
    interviewers: tuple[str, ...] = ()
    notes: bool = False
    thanked: tuple[bool, ...] = ()

    @property
    def held(self) -> bool:
        return self.day <= AS_OF


@dataclass(frozen=True)
class Application:
    company: str
    role: str
    source: str | None
    applied: dt.date
    reply: dt.date | None = None
    rounds: tuple[Round, ...] = ()
    promised: dt.date | None = None  # at the latest round, which was held
    outcome: str = WAITING
    decided: dt.date | None = None
    salary: float | None = None
    followed_up: bool = False  # the decision follow-up marked done

    @property
    def name(self) -> tuple[str, str]:
        return self.company, self.role

    @property
    def held(self) -> list[Round]:
        return [r for r in self.rounds if r.held]

    @property
    def scheduled(self) -> bool:
        """A round ahead is set: no decision is awaited from the rounds before it."""
        return any(not r.held for r in self.rounds)

    @property
    def follow_up_due(self) -> dt.date | None:
        """A week after the promised decision date, else two weeks after the last round."""
        if self.outcome != WAITING or not self.held or self.scheduled:
            return None
        if self.promised is not None:
            return self.promised + dt.timedelta(days=7)
        return self.held[-1].day + dt.timedelta(days=14)


@st.composite
def applications(draw: st.DrawFn, company: str, role: str) -> Application:
    applied = day(-draw(st.integers(3, 90)))
    source = draw(st.sampled_from(SOURCES))
    outcome = draw(st.sampled_from([WAITING, WAITING, REJECTED, OFFER]))
    app = Application(company, role, source, applied)
    reply = applied + dt.timedelta(days=draw(st.integers(1, 12)))
    if outcome == WAITING and not draw(st.booleans()) or reply > AS_OF:
        return app
    rounds: list[Round] = []
    cursor = reply
    for number in range(draw(st.integers(1 if outcome == OFFER else 0, 3))):
        cursor += dt.timedelta(days=draw(st.integers(0 if number == 0 else 2, 12)))
        names = tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True)))
        held = cursor <= AS_OF
        rounds.append(Round(cursor, names if held else (), held and draw(st.booleans())))
        if not held:
            break  # one round ahead at most: the next is not set yet
    decided = None
    if outcome != WAITING:
        decided = (rounds[-1].day if rounds else reply) + dt.timedelta(
            days=draw(st.integers(1 if rounds else 0, 10)))
        if decided > AS_OF or (rounds and not rounds[-1].held):
            outcome, decided = WAITING, None
    if outcome == OFFER and not rounds:
        outcome, decided = WAITING, None
    promised = None
    if rounds and rounds[-1].held and draw(st.booleans()):
        promised = rounds[-1].day + dt.timedelta(days=draw(st.integers(3, 14)))
    if outcome == WAITING:  # what was marked done on the Follow-ups page, while it was listed
        rounds = [dataclasses.replace(r, thanked=tuple(
            draw(st.booleans()) if r.held and r.day >= day(-32) else False
            for _ in (r.interviewers or ("",)))) for r in rounds]
    app = dataclasses.replace(
        app, reply=reply, rounds=tuple(rounds), promised=promised, outcome=outcome,
        decided=decided, salary=float(draw(st.integers(60, 160)) * 1000)
        if outcome == OFFER else None)
    due = app.follow_up_due
    if due is not None and day(-30) <= due <= AS_OF:
        app = dataclasses.replace(app, followed_up=draw(st.booleans()))
    return app


@st.composite
def searches(draw: st.DrawFn) -> list[Application]:
    names = draw(st.lists(st.tuples(st.sampled_from(COMPANIES), st.sampled_from(ROLES)),
                          min_size=1, max_size=6, unique=True))
    return [draw(applications(company, role)) for company, role in names]


# --- the doors -------------------------------------------------------------------------------

IMPORT, DATA, MAIL, NOTES, OFFERS, FOLLOW_UPS = (
    "import", "data", "mail", "notes", "offers", "follow-ups")


@dataclass(frozen=True)
class Event:
    """One thing a person does in the dashboard: ``kind`` of fact, the application (its
    position in the search), the round and interviewer concerned, and the door."""

    kind: str
    app: int
    door: str
    round: int | None = None
    person: int | None = None


@dataclass
class Routes:
    """Which door each fact of the search goes through: the import's share, and the events
    that follow it."""

    imported: dict[int, set[str]] = field(default_factory=dict)  # app -> facts in the file
    imported_round: dict[int, int] = field(default_factory=dict)
    imported_offers: set[int] = field(default_factory=set)
    promised_in_notes: set[int] = field(default_factory=set)
    events: list[Event] = field(default_factory=list)


@st.composite
def routes(draw: st.DrawFn, search: list[Application]) -> Routes:
    plan = Routes()
    for i, app in enumerate(search):
        door = draw(st.sampled_from([IMPORT, IMPORT, DATA, MAIL])) if i else IMPORT
        if door == MAIL and sum(a.company == app.company for a in search) > 1:
            door = DATA  # an acknowledgement names the company only
        in_file = door == IMPORT
        if in_file:
            plan.imported[i] = set()
        else:
            plan.events.append(Event("exists", i, door))
        if door == MAIL:  # the mail names no source: the person types it on the Data page
            plan.events.append(Event("source", i, DATA))
        mail: set[str] = set()

        def route(fact: str, doors: list[str], *, i: int = i, in_file: bool = in_file,
                  mail: set[str] = mail) -> str:
            chosen = draw(st.sampled_from([d for d in doors if d != IMPORT or in_file]))
            if chosen == IMPORT:
                plan.imported[i].add(fact)
            elif chosen == MAIL:
                mail.add(fact)
            return chosen

        if app.reply is not None and route("reply", [IMPORT, DATA, MAIL]) == DATA:
            plan.events.append(Event("reply", i, DATA))
        latest = len(app.rounds) - 1
        for r, one in enumerate(app.rounds):
            doors = [DATA, NOTES] + ([IMPORT] if i not in plan.imported_round else []) + \
                ([MAIL] if r == latest else [])
            chosen = route(f"round {r}", doors)
            if chosen == IMPORT:
                plan.imported_round[i] = r
            elif chosen in (DATA, NOTES):
                plan.events.append(Event("round", i, chosen, round=r))
            if (one.interviewers or one.notes) and chosen != NOTES:
                plan.events.append(Event("round", i, NOTES, round=r))
        if app.promised is not None:
            doors = [IMPORT, DATA, MAIL] + ([NOTES] if app.rounds[-1].held else [])
            chosen = route("promise", doors)
            if chosen == DATA:
                plan.events.append(Event("promise", i, DATA))
            elif chosen == NOTES:
                plan.promised_in_notes.add(i)
                plan.events.append(Event("round", i, NOTES, round=latest))
        if app.outcome != WAITING and route("outcome", [IMPORT, DATA, MAIL]) == DATA:
            plan.events.append(Event("outcome", i, DATA))
        if app.outcome == OFFER:
            if draw(st.booleans()):
                plan.imported_offers.add(i)
            else:
                plan.events.append(Event("offer", i, OFFERS))
        if mail:
            plan.events.append(Event("mail " + ",".join(sorted(mail)), i, MAIL))
        for r, one in enumerate(app.rounds):
            for person, thanked in enumerate(one.thanked):
                if thanked:
                    plan.events.append(Event("thanks", i, FOLLOW_UPS, round=r, person=person))
        if app.followed_up:
            plan.events.append(Event("follow-up", i, FOLLOW_UPS))
    # Notes written twice for one round come in once; the promise rides with the notes.
    unique = list(dict.fromkeys(plan.events))
    plan.events = unique
    return plan


def in_a_possible_order(events: list[Event]) -> list[Event]:
    """``events`` in the order given, except that what concerns an application waits for the
    application to exist, a thank-you for its round's day and interviewers, and the decision
    follow-up for everything it is due from (a person acts on what the page lists)."""
    done: list[Event] = []
    waiting = list(events)
    while waiting:
        for position, event in enumerate(waiting):
            before = [e for e in waiting[:position] + waiting[position + 1:]
                      if _must_precede(e, event)]
            if not before:
                done.append(waiting.pop(position))
                break
    return done


def _must_precede(first: Event, then: Event) -> bool:
    if first.app != then.app or then.kind == "offer":
        return False
    if first.kind == "exists":
        return True
    if then.kind == "thanks":
        return first.kind.startswith("mail") or (first.kind == "round"
                                                 and first.round == then.round)
    if then.kind == "follow-up":
        return first.kind not in ("follow-up", "thanks", "offer", "outcome")
    return False


# --- driving the doors -----------------------------------------------------------------------


@contextlib.contextmanager
def dashboard() -> Iterator[None]:
    """A fresh session on an empty workspace of its own, its clock set to ``NOW``."""
    saved = os.environ.get("JOBSEARCH_WORKSPACE")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["JOBSEARCH_WORKSPACE"] = os.path.join(folder, "workspace.sqlite3")
        reopen()
        try:
            yield
        finally:
            streamlit.session_state.clear()
            if saved is None:
                os.environ.pop("JOBSEARCH_WORKSPACE", None)
            else:
                os.environ["JOBSEARCH_WORKSPACE"] = saved


def reopen() -> None:
    """A new browser session on the same workspace: nothing kept from the last one."""
    streamlit.session_state.clear()
    streamlit.session_state[state.NOW_KEY] = NOW


def the_view() -> View:
    dataset = state.current()
    apps = filter_applications(dataset.result.applications, Filters())
    return View(apps=apps, all_apps=dataset.result.applications, dataset=dataset,
                filters=Filters(), as_of=AS_OF, ghost_days=GHOST_DAYS)


def label_of(apps: pd.DataFrame, app: Application) -> int:
    found = apps.index[(apps[s.COMPANY] == app.company) & (apps[s.ROLE] == app.role)]
    assert len(found) == 1, f"{app.name}: {len(found)} applications"
    return int(found[0])


def iso(value: dt.date) -> str:
    return value.isoformat()


class Person:
    """Someone sending the facts of ``search`` through the doors, as ``routes`` says."""

    def __init__(self, search: list[Application], plan: Routes) -> None:
        self.search, self.plan = search, plan

    def import_tracker(self) -> None:
        """The sidebar's import: a CSV of the applications in the file, with the facts routed
        to it in its columns, and an offers file beside it when offers are."""
        header = ["Company", "Role", "Source", "Date applied", "Status", "First response",
                  "Interview date", "Expected decision", "Decision date"]
        rows = [header]
        for i, facts in self.plan.imported.items():
            app = self.search[i]
            r = self.plan.imported_round.get(i)
            outcome = "outcome" in facts
            rows.append([
                app.company, app.role, app.source, iso(app.applied),
                app.outcome.capitalize() if outcome else "Applied",
                iso(app.reply) if "reply" in facts and app.reply else "",
                iso(app.rounds[r].day) if r is not None else "",
                iso(app.promised) if "promise" in facts and app.promised else "",
                iso(app.decided) if outcome and app.decided else ""])
        files = [RawFile("tracker.csv", csv_bytes(rows))]
        if self.plan.imported_offers:
            files.append(RawFile("offers.csv", csv_bytes(
                [["Company", "Role", "Base salary"],
                 *([self.search[i].company, self.search[i].role, self.search[i].salary]
                   for i in sorted(self.plan.imported_offers))])))
        state.try_load(tuple(files), signature=("doors",), sheet=None, dayfirst=None,
                       column_map={})
        assert state.ERROR_KEY not in streamlit.session_state
        assert state.current().stored is not None

    def act(self, event: Event) -> None:
        app = self.search[event.app]
        if event.kind == "exists":
            if event.door == DATA:
                self.edit({"added_rows": [{s.COMPANY: app.company, s.ROLE: app.role,
                                           s.SOURCE: app.source,
                                           s.DATE_APPLIED: iso(app.applied)}]})
            else:
                self.mail(app, [self.message(app, mm.ACKNOWLEDGEMENT, app.applied, rows=[],
                                             subject=f"Thank you for applying to {app.company} "
                                                     f"for the {app.role} position")])
        elif event.kind == "source":
            self.edit_cells(app, {s.SOURCE: app.source})  # type: ignore[dict-item]
        elif event.kind == "reply":
            self.edit_cells(app, {s.FIRST_RESPONSE_DATE: iso(app.reply)})  # type: ignore[arg-type]
        elif event.kind == "round":
            self.a_round(app, event)
        elif event.kind == "promise":
            self.edit_cells(app, {s.EXPECTED_DECISION_DATE: iso(app.promised)})  # type: ignore[arg-type]
        elif event.kind == "outcome":
            self.edit_cells(app, {s.STATUS: app.outcome, s.DECISION_DATE: iso(app.decided)})  # type: ignore[arg-type]
        elif event.kind == "offer":
            self.offer(app)
        elif event.kind.startswith("mail"):
            self.mail_facts(app, set(event.kind.removeprefix("mail ").split(",")))
        elif event.kind == "thanks":
            assert event.round is not None and event.person is not None
            one = app.rounds[event.round]
            self.mark_done(app, f.THANK_YOU, one.day,
                           one.interviewers[event.person] if one.interviewers else None)
        elif event.kind == "follow-up":
            self.mark_done(app, f.DECISION_FOLLOW_UP)

    # The Data page: the editor's changes applied to the table shown, saved as one version.
    def edit(self, changes: dict[str, object]) -> None:
        view = the_view()
        updated, description = apply_view_changes(view.all_apps, view.apps, changes)
        if description != "no change":
            assert state.save_applications(updated, description, based_on=view.dataset.stored)

    def edit_cells(self, app: Application, cells: dict[str, str]) -> None:
        apps = the_view().apps
        position = apps.index.get_loc(label_of(apps, app))
        self.edit({"edited_rows": {position: cells}})

    def a_round(self, app: Application, event: Event) -> None:
        """An interview's day typed in the Data page's Interview date (the most recent
        interview: a person types an earlier one's into the notes form instead), or its notes
        written in the Interviews page's form."""
        assert event.round is not None
        one = app.rounds[event.round]
        if event.door == DATA:
            apps = the_view().apps
            shown = apps.loc[label_of(apps, app), s.INTERVIEW_DATE]
            if pd.isna(shown) or shown.date() < one.day:
                self.edit_cells(app, {s.INTERVIEW_DATE: iso(one.day)})
                return
            if shown.date() == one.day:
                return
        self.notes_form(app, event.round)

    def notes_form(self, app: Application, number: int) -> None:
        """The Interviews page: the round picked among those listed when it is there (its
        form filled in from it), else "A new interview…" for the application; the notes,
        interviewers and promise written in; saved as the page saves them."""
        view = the_view()
        journal = view.journal
        label = label_of(view.all_apps, app)
        one = app.rounds[number]
        mine = view.with_journal(iv.of_applications)
        listed = iv.for_notes(mine, now=pd.Timestamp(NOW), as_of=AS_OF, recent=40)
        same = [c for c in listed if journal.loc[c, iv.APPLICATION] == label
                and journal.loc[c, s.IV_DATE].date() == one.day]
        row = journal.loc[same[0]] if same else None

        def current(name: str) -> object:
            value = row[name] if row is not None else None
            return None if value is None or pd.isna(value) else value

        held = current(s.IV_DATE)
        promise = app.promised if number == len(app.rounds) - 1 and \
            self.search.index(app) in self.plan.promised_in_notes else None
        decision = current(s.DECISION_EXPECTED)
        answers = {
            "texts": {name: str(current(name) or "") for name in PROMPTS},
            "day": one.day, "time": held.time() if held else dt.time(10, 0),  # type: ignore[attr-defined]
            "round_number": int(current(s.IV_ROUND) or number + 1) if row is not None
            else number + 1,
            "kind": current(s.IV_KIND),
            "interviewers": "; ".join(one.interviewers) or str(current(s.INTERVIEWERS) or ""),
            "emails": str(current(s.INTERVIEWER_EMAILS) or ""), "rating": 3,
            "decision": iso(promise) if promise else
            (f"{decision:%Y-%m-%d}" if decision else "")}
        if one.notes:
            answers["texts"][s.WENT_WELL] = "The case study went well."  # type: ignore[index]
        notes = iv.notes_record(**answers)  # type: ignore[arg-type]
        updated, description = iv.write_notes(
            journal, notes, interview=same[0] if same else None,
            application=view.all_apps.loc[label] if not same else None)
        assert state.save_interviews(updated, description, based_on=view.dataset.stored)

    # The Mail page: a scan's evidence proposed against the tracker shown, all accepted. A
    # plain reply is a person's (a team's plain word in no one's name is no answer).
    def message(self, app: Application, kind: str, when: dt.date, *, rows: list[int] | None,
                subject: str = "", interview_at: dt.datetime | None = None,
                promised: dt.date | None = None, sent: bool = False) -> dict[str, object]:
        person = kind == mm.REPLY
        name, address = ("Dana Reyes", f"dana.reyes@{app.company}.com") if person else (
            "Talent", f"jobs@{app.company}.com")
        return {"message_id": f"<{kind}.{when}.{app.company}.{app.role}@mail>",
                "date": dt.datetime.combine(when, dt.time(9, 0)),
                "direction": "sent" if sent else "received", "kind": kind, "confidence": 0.95,
                "rows": rows, "how": "domain", "sender": f"{name} <{address}>",
                "subject": subject or f"Your application at {app.company}", "snippet": "",
                "interview_at": interview_at, "promised": promised, "screening": False,
                "sender_name": name, "sender_address": address,
                "person": person, "why": "", "text": ""}

    def mail_facts(self, app: Application, facts: set[str]) -> None:
        label = [label_of(the_view().all_apps, app)]
        found = []
        if "reply" in facts:
            found.append(self.message(app, mm.REPLY, app.reply, rows=label))  # type: ignore[arg-type]
        latest = len(app.rounds) - 1
        if f"round {latest}" in facts:
            one = app.rounds[latest]
            asked = max(app.reply, one.day - dt.timedelta(days=3))  # type: ignore[type-var]
            found.append(self.message(app, mm.INTERVIEW, asked, rows=label, interview_at=
                                      dt.datetime.combine(one.day, dt.time(10, 0))))
        if "promise" in facts:
            found.append(self.message(app, mm.REPLY, app.rounds[-1].day, rows=label,
                                      promised=app.promised))
        if "outcome" in facts:
            kind = mm.REJECTION if app.outcome == REJECTED else mm.OFFER
            found.append(self.message(app, kind, app.decided, rows=label))  # type: ignore[arg-type]
        self.mail(app, found)

    def mail(self, app: Application, messages: list[dict[str, object]]) -> None:
        view = the_view()
        evidence = pd.DataFrame(messages, columns=[*EVIDENCE_COLUMNS, "text"])
        table = proposals.review_table(proposals.propose(evidence, view.all_apps))
        if table.empty:
            return
        accepted, refused = proposals.reviewed(table, proposals.with_choices(table,
                                                                             threshold=0.0))
        mail_review.accept(table, accepted, refused, label="mail.mbox", view=view, settings={})

    # The Offers page: the offer's row filled in (the row the table already shows for the
    # application, else a new one), saved with "Save the offers".
    def offer(self, app: Application) -> None:
        view = the_view()
        table = o.offers_table(view.all_apps, view.dataset.result.offers)
        same = table.index[(table[s.OFFER_COMPANY] == app.company)
                           & table[s.OFFER_ROLE].isin([app.role, None])]
        edited = table.copy()
        if len(same):
            edited.loc[same[0], [s.OFFER_ROLE, s.BASE_SALARY]] = [app.role, app.salary]
        else:
            new = pd.DataFrame([{s.OFFER_COMPANY: app.company, s.OFFER_ROLE: app.role,
                                 s.BASE_SALARY: app.salary}])
            edited = pd.concat([edited, new], ignore_index=True).astype(table.dtypes.to_dict())
        assert not o.same_offers(edited, table)
        assert state.save_offers(edited.reset_index(drop=True), "edited the offers",
                                 based_on=view.dataset.stored)

    # The Follow-ups page: the card listed for this action, marked done.
    def mark_done(self, app: Application, action: str, held: dt.date | None = None,
                  person: str | None = None) -> None:
        view = the_view()
        log = workspace.action_log()
        actions = f.open_actions(view.cached_with_journal(
            f.due_follow_ups, as_of=AS_OF, rules=workspace.follow_up_rules(),
            offers=view.dataset.result.offers), log, as_of=AS_OF)
        mine = actions[(actions["company"] == app.company) & (actions["role"] == app.role)
                       & (actions["action"] == action)]
        if held is not None:
            journal = view.journal
            days = journal.loc[mine["interview"].astype("int64"), s.IV_DATE].dt.date
            mine = mine[(days == held).to_numpy()]
            if person is not None:
                mine = mine[(mine["contact_name"] == person).to_numpy()]
        assert len(mine) == 1, (f"the Follow-ups page lists {len(mine)} '{action}' for "
                                f"{app.name} {held or ''} {person or ''}")
        cards = follow_up_cards.Cards(view=view, log=log, templates={}, my_name="")
        cards.record(mine.iloc[0], f.DONE)


def send(search: list[Application], plan: Routes, order: list[Event]) -> dict[str, object]:
    """Send the search through the doors in ``order`` on a fresh workspace, then open it
    again and read what every page says."""
    with dashboard():
        person = Person(search, plan)
        person.import_tracker()
        for event in order:
            person.act(event)
        reopen()
        return pages_say()


# --- what the pages say ----------------------------------------------------------------------


def pages_say() -> dict[str, object]:
    """The headline numbers of every page, worked out from the stored data as each page works
    them out."""
    view = the_view()
    apps, journal, offers = view.apps, view.journal, view.dataset.result.offers
    log, rules = workspace.action_log(), workspace.follow_up_rules()
    kpis = metrics.kpis(apps, as_of=AS_OF, ghost_days=GHOST_DAYS, interviews=journal)
    said: dict[str, object] = {}
    for name in ("applications", "responses", "positive", "interviews", "offers", "ghosted",
                 "active", "median_days", "half_of_replies_days"):
        said[f"Overview: {name}"] = getattr(kpis, name)
    for name in ("responses", "interviews", "offers"):
        said[f"Overview: {name} rate"] = kpis.rate(getattr(kpis, name))
    open_now = f.open_follow_ups(apps, as_of=AS_OF, log=log, rules=rules, offers=offers,
                                 interviews=journal)
    said["Overview: follow-ups due"] = sum(f.state_counts(open_now)[k]
                                           for k in (f.OVERDUE, f.DUE_TODAY))
    held, offered = view.with_journal(iv.interviews_per_offer, as_of=AS_OF)
    said["Overview: interviews held"], said["Overview: offers per tile"] = held, offered
    funnel = metrics.funnel_counts(apps, interviews=journal, as_of=AS_OF)\
        .set_index("stage")["applications"]
    for stage in funnel.index:
        said[f"Overview: funnel {stage}"] = int(funnel[stage])
    forecast = channel_forecast(apps, as_of=AS_OF, horizon_days=90, draws=200,
                                interviews=journal)
    said["Overview: open applications forecast"] = forecast.open

    durations = metrics.response_durations(apps, as_of=AS_OF, interviews=journal)
    said["Response times: replies"] = int(durations["event"].sum())
    said["Response times: still waiting"] = int((~durations["event"]).sum())
    said["Response times: heard back so far"] = share_so_far(
        metrics.response_curve(apps, as_of=AS_OF, interviews=journal))

    for outcome in rates.OUTCOMES:
        table = rates.rate_table(apps, by=s.SOURCE, outcome=outcome, as_of=AS_OF,
                                 show_small=True, interviews=journal)
        for row in table.itertuples():
            said[f"Outcomes: {outcome} from {row.group}"] = (int(row.n), int(row.successes))

    page = f.open_actions(f.due_follow_ups(apps, as_of=AS_OF, rules=rules, offers=offers,
                                           interviews=journal), log, as_of=AS_OF)
    said["Follow-ups: actions"] = Counter(
        (a.company, a.role, a.action) for a in page.itertuples())
    said["Follow-ups: decision follow-ups due"] = sorted(
        (a.company, a.role, a.due.date()) for a in page.itertuples()
        if a.action == f.DECISION_FOLLOW_UP)
    said["Follow-ups: with no next action"] = len(f.without_next_action(apps, page,
                                                                        as_of=AS_OF))

    mine = view.with_journal(iv.of_applications)
    reached = iv.rounds_summary(journal, apps)
    said["Interviews: rounds"] = sorted(
        (apps.loc[label, s.COMPANY], apps.loc[label, s.ROLE], int(n))
        for label, n in reached.items() if n)
    said["Interviews: rounds in the journal"] = len(mine)
    said["Interviews: coming up"] = len(iv.upcoming(mine, as_of=AS_OF))

    said["Offers: offers"] = len(o.offers_table(view.all_apps, offers))
    said["Plan: open applications"] = forecast.open
    said["Plan: open applications interviewed"] = int(
        (forecast.by_application["stage"] == "interviewed").sum())

    report = reports.build_report(apps, as_of=AS_OF, issues=view.dataset.result.issues,
                                  offers=offers, action_log=log, rules=rules,
                                  offer_settings={}, ghost_days=GHOST_DAYS, interviews=journal)
    for measure in report.measures:
        said[f"Report: {measure.label}"] = measure.value
    return said


# --- what the ground truth says --------------------------------------------------------------


def truth(search: list[Application]) -> dict[str, object]:
    """The same numbers, counted on the ground truth."""
    n = len(search)
    replied = [a for a in search if a.reply is not None]
    interviewed = [a for a in search if a.held]
    invited = [a for a in search if a.rounds]  # an interview ahead: a positive reply
    offers = [a for a in search if a.outcome == OFFER]
    rejected = [a for a in search if a.outcome == REJECTED]
    silent = [a for a in search if replied and a.reply is None
              and (AS_OF - a.applied).days > GHOST_DAYS]
    actions = truth_actions(search)
    said: dict[str, object] = {
        "Overview: applications": n, "Overview: responses": len(replied),
        "Overview: positive": len(invited), "Overview: interviews": len(interviewed),
        "Overview: offers": len(offers), "Overview: ghosted": len(silent),
        "Overview: active": n - len(rejected) - len(silent),
        "Overview: responses rate": len(replied) / n,
        "Overview: interviews rate": len(interviewed) / n,
        "Overview: offers rate": len(offers) / n,
        "Overview: interviews held": sum(len(a.held) for a in search),
        "Overview: offers per tile": len(offers),
        "Overview: funnel Applied": n, "Overview: funnel Responded": len(replied),
        "Overview: funnel Interview": len(interviewed), "Overview: funnel Offer": len(offers),
        "Response times: replies": len(replied),
        "Response times: still waiting": n - len(replied),
        "Follow-ups: actions": actions,
        "Follow-ups: decision follow-ups due": sorted(
            (*a.name, a.follow_up_due) for a in search
            if (*a.name, f.DECISION_FOLLOW_UP) in actions),
        "Follow-ups: with no next action": sum(
            1 for a in search if a.outcome != REJECTED
            and not any(k[:2] == a.name for k in actions)),
        "Interviews: rounds": sorted((*a.name, len(a.rounds)) for a in search if a.rounds),
        "Interviews: rounds in the journal": sum(len(a.rounds) for a in search),
        "Interviews: coming up": sum(1 for a in search for r in a.rounds if r.day >= AS_OF),
        "Offers: offers": len(offers),
        "Plan: open applications": n - len(offers) - len(rejected),
        "Plan: open applications interviewed": sum(
            1 for a in search if a.outcome == WAITING and a.held),
        "Report: Applications sent": n, "Report: Offers compared":
            len(offers) if offers else None,
    }
    for outcome, reached in (("response", replied), ("positive", invited),
                             ("interview", interviewed), ("offer", offers)):
        for source in {a.source or "(blank)" for a in search}:
            group = [a for a in search if (a.source or "(blank)") == source]
            said[f"Outcomes: {outcome} from {source}"] = (
                len(group), sum(1 for a in group if a in reached))
    for name in ("Response rate", "Interview rate", "Offer rate"):
        said[f"Report: {name}"] = said[f"Overview: {name.split()[0].lower()}s rate"] \
            if replied else None
    return said


def truth_actions(search: list[Application]) -> Counter[tuple[str, str, str]]:
    """The actions the after-interview routine lists on ``AS_OF`` for the ground truth (the
    rules' days: notes on the day, thanks within two days, the decision follow-up a week after
    the promised date or two weeks after the last round, a status check three weeks after
    applying, moving on five weeks after, thanks three days after a rejection; anything more
    than 30 days overdue no longer listed, the next 7 days listed as coming up)."""
    found: Counter[tuple[str, str, str]] = Counter()
    replies_recorded = any(a.reply is not None for a in search)
    for a in search:
        if a.outcome == WAITING:
            for one in a.held:
                if not one.notes and one.day >= day(-30):
                    found[(*a.name, f.NOTES)] += 1
                if one.day >= day(-32):
                    found[(*a.name, f.THANK_YOU)] += sum(not t for t in one.thanked)
            due = a.follow_up_due
            if due is not None and not a.followed_up and day(-30) <= due <= day(7):
                found[(*a.name, f.DECISION_FOLLOW_UP)] += 1
            if a.reply is None:
                check = a.applied + dt.timedelta(days=21)
                if check <= day(7) and check + dt.timedelta(days=14) >= AS_OF:
                    found[(*a.name, f.STATUS_CHECK)] += 1
                if replies_recorded and a.applied + dt.timedelta(days=36) <= AS_OF:
                    found[(*a.name, f.MOVE_ON)] += 1
        elif a.outcome == REJECTED and a.rounds:
            if day(-30) <= a.decided + dt.timedelta(days=3) <= day(7):  # type: ignore[operator]
                found[(*a.name, f.REJECTION_THANKS)] += 1
        elif a.outcome == OFFER and day(-30) <= a.decided <= day(7):  # type: ignore[operator]
            found[(*a.name, f.OFFER_FACTS)] += 1
    return +found


# --- the property ----------------------------------------------------------------------------


@st.composite
def journeys(draw: st.DrawFn) -> tuple[list[Application], Routes, list[Event], list[Event]]:
    search = draw(searches())
    plan = draw(routes(search))
    first = in_a_possible_order(draw(st.permutations(plan.events)))
    second = in_a_possible_order(draw(st.permutations(plan.events)))
    return search, plan, first, second


def differences(said: dict[str, object], expected: dict[str, object]) -> list[str]:
    out = []
    for key, value in expected.items():
        shown = said.get(key)
        if isinstance(value, float) and isinstance(shown, float):
            same = abs(value - shown) < 1e-9
        else:
            same = shown == value
        if not same:
            out.append(f"{key}: the dashboard says {shown!r}, the search holds {value!r}")
    return out


@settings(max_examples=12, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(journeys())
def test_every_door_tells_the_story_the_search_holds_in_any_order(journey):
    search, plan, first, second = journey
    said = send(search, plan, first)
    wrong = differences(said, truth(search))
    assert not wrong, "\n".join(wrong)
    again = send(search, plan, second)
    moved = [f"{key}: {said[key]!r} in one order, {again.get(key)!r} in the other"
             for key in said.keys() | again.keys() if said.get(key) != again.get(key)]
    assert not moved, "\n".join(moved)


def test_the_orders_are_what_a_person_could_do():
    """The order helper keeps each application's facts after it exists, and a follow-up
    after the rounds it is due from."""
    events = [Event("follow-up", 0, FOLLOW_UPS), Event("round", 0, DATA, round=0),
              Event("exists", 0, DATA), Event("offer", 1, OFFERS)]
    ordered = in_a_possible_order(events)
    assert [e.kind for e in ordered] == ["exists", "round", "follow-up", "offer"]
