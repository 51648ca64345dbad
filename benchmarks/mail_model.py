"""The mail reader's learned reading (analysis/mail/learned.py), its two models (mail received,
the person's own): rebuilt from the tuning mailboxes of tests/mailpublic and measured on the
held-out ones, message by message, against the rules alone and against the two together as
the reader uses them.

    python benchmarks/mail_model.py            # needs scikit-learn (pip install -e .[model])
    python benchmarks/mail_model.py --measure  # measure the shipped weights, rebuild nothing

Training: every message someone else sent in the tuning mailboxes (``mp.TUNED_FRESH`` and
the first eight) from a tuning source (never one a clean mailbox drew on), its words as the
reader sees them (subject and body), its label mapped to the reader's kinds (an
acknowledgement, a rejection, an invitation or a move of one, an assessment, an offer, a
reply, a cancellation, a notice; anything else, noise and auto-replies included, as "none").
The own mail model: every message the person sent in those mailboxes, from a tuning source,
its label as the own model's (an application, a thank-you, a follow-up, thanks after a no, a
withdrawal, an offer accepted or declined; anything else, a slot chosen included, "none").
Each is a multinomial logistic regression (C=20, classes weighted by their rarity) over the features
of ``learned.pieces``, log-scaled counts times their inverse document frequency, normalised;
the weights are saved in float16. Deterministic: the same corpus gives the same weights.
Takes about two minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import mailpublic as mp  # noqa: E402
from sections import replace_section  # noqa: E402

from analysis import scan_mailbox  # noqa: E402
from analysis.mail import learned  # noqa: E402
from analysis.mail import mailbox as mb  # noqa: E402
from analysis.mail import meaning as mm  # noqa: E402
from analysis.mail import message as msg  # noqa: E402
from analysis.mail.when import dates_in  # noqa: E402

HEADING = "## Mail reader: the learned reading"
STATUS = ("rejection", "offer", "interview", "assessment")
LABELS = {"acknowledgement": "acknowledgement", "rejection": "rejection",
          "interview_invite": "interview", "interview_reschedule": "interview",
          "interview_cancel": "cancelled", "assessment_invite": "assessment",
          "offer": "offer", "reply": "reply", "status_update": "notice",
          "application_viewed": "notice"}
OWN_LABELS = {"sent_application": "application", "sent_thank_you": "thank_you",
              "sent_follow_up": "follow_up", "sent_rejection_thanks": "rejection_thanks",
              "sent_withdraw": "withdraw", "sent_accept_offer": "accept",
              "sent_decline_offer": "decline"}
# the reader's kinds of the person's own mail, as the own model's labels
# (a slot chosen and an offer answered in words the reader cannot place: none of these)
OWN_READ = {kind: label for label, kind in learned.OWN_KINDS.items() if kind} | {
    mm.SENT_SLOT: learned.NOTHING, mm.SENT_ANSWER: learned.NOTHING}


def messages(names: tuple[str, ...], *, side: str | None = None, kinds: bool = False,
             own: bool = False) -> list[dict[str, object]]:
    """Every message someone else sent (``own``: the person sent) in the mailboxes ``names``
    (of the sources on ``side`` only: a tuning mailbox's message from a source a clean one
    drew on too is held out): its words as the reader sees them, its label as the model's,
    and (``kinds``) what the reader made of it: with the models and by rules alone."""
    labels, read_as = (OWN_LABELS, OWN_READ) if own else (LABELS, {})
    sides = mp.split(mp.all_tags())
    out = []
    for name in names:
        box = mp.load(name)
        by_id = {mp.message_id(m): m for m in box["messages"]}
        read = {}
        if kinds:
            last = max(m["when"] for m in box["messages"]).date()
            for use in (True, False):
                learned.USE = use
                evidence = scan_mailbox(mp.mbox(box), mp.tracker(box), as_of=last).evidence
                read[use] = {i: read_as.get(k, k) for i, k in zip(
                    evidence["message_id"], evidence["kind"], strict=True)}
            learned.USE = True
        for raw in mb.iter_messages(mp.mbox(box)):
            head = msg.quick_headers(raw.data)
            mid = msg.header_text(head, "Message-ID")
            labelled = by_id[mid]
            if mp.is_mine(box, labelled) != own or side and sides[labelled["source"]] != side:
                continue
            out.append({
                "subject": msg.header_text(head, "Subject"),
                "body": msg.body_text(msg.full(raw.data), limit=learned.READ),
                "label": labels.get(labelled["label"]["meaning"], learned.NOTHING),
                "hybrid": read.get(True, {}).get(mid) or learned.NOTHING,
                "rules": read.get(False, {}).get(mid) or learned.NOTHING})
    return out


def fit(texts: list[str], labels: list[str], path: Path) -> None:
    """Fit a model on ``texts`` and their ``labels`` and save its weights where the reader
    reads them (``path``)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows, cols, values = [], [], []
    for i, text in enumerate(texts):
        features, scaled = learned.counts(text)
        rows.append(np.full(len(features), i))
        cols.append(features)
        values.append(scaled)
    x = csr_matrix((np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))),
                   shape=(len(texts), learned.SIZE))
    seen = np.bincount(x.indices, minlength=learned.SIZE)
    idf = np.log((1 + len(texts)) / (1 + seen)) + 1
    x = csr_matrix(x.multiply(idf))
    x = csr_matrix(x.multiply(1 / np.sqrt(x.multiply(x).sum(axis=1))))
    y = np.array(labels)
    model = LogisticRegression(C=20.0, max_iter=3000, class_weight="balanced").fit(x, y)
    # what the fitted model says of a few texts, for the reader's own arithmetic to match
    # (tests/test_mailmodel.py): the first text of each label
    firsts = [labels.index(c) for c in model.classes_]
    np.savez_compressed(path, coef=model.coef_.astype(np.float16),
                        intercept=model.intercept_.astype(np.float32),
                        idf=idf.astype(np.float16), classes=np.array(model.classes_),
                        check_texts=np.array([texts[i] for i in firsts]),
                        check_probabilities=model.predict_proba(x[firsts]).astype(np.float32))
    learned._weights.cache_clear()


def promises(names: tuple[str, ...], *, side: str | None = None) -> list[dict[str, object]]:
    """Every message someone else sent in the mailboxes ``names`` (of the sources on ``side``
    only), with its words, the day it was written, the day it promises a decision by and
    the interview's day (labelled), and the promised day the rules read."""
    sides = mp.split(mp.all_tags())
    out = []
    for name in names:
        box = mp.load(name)
        by_id = {mp.message_id(m): m for m in box["messages"]}
        for raw in mb.iter_messages(mp.mbox(box)):
            head = msg.quick_headers(raw.data)
            labelled = by_id[msg.header_text(head, "Message-ID")]
            if mp.is_mine(box, labelled) or side and sides[labelled["source"]] != side:
                continue
            text = (f"{msg.header_text(head, 'Subject')}\n"
                    f"{msg.body_text(msg.full(raw.data), limit=mm.READ_CHARS)}")
            on = labelled["when"].date()
            said = labelled["label"]["decision_by"]
            meeting = labelled["label"]["interview_at"]
            out.append({"text": text, "on": on,
                        "promised": dt.date.fromisoformat(said) if said else None,
                        "interview": dt.datetime.fromisoformat(meeting).date() if meeting
                        else None,
                        "rules": mm.promised_decision(text, on)})
    return out


def fit_days(found: list[dict[str, object]]) -> None:
    """Fit the promise and interview models: each day a message names, read around it,
    labelled "yes" when it is the day the message promises a decision by (the promise
    model: its dates, weekdays and time frames' ends) or the interview's (the interview
    model: its dates and weekdays)."""
    for model, key, frames in ((learned.PROMISE_MODEL, "promised", True),
                               (learned.INTERVIEW_MODEL, "interview", False)):
        texts, labels = [], []
        for m in found:
            text, on = str(m["text"]), m["on"]
            assert isinstance(on, dt.date)
            named = learned.days_named(text, on) if frames else [
                (f.start, f.day) for f in dates_in(text, on)]
            for start, day in named:
                texts.append(learned.around(text, start))
                labels.append("yes" if day == m[key] else "no")
        fit(texts, labels, model)
        print(f"fitted on {len(texts)} days named; {model.stat().st_size:,} bytes")


OWN_STATUS = ("withdraw", "accept", "decline")


def figures(truth: np.ndarray, said: np.ndarray, steps: tuple[str, ...] = STATUS) -> str:
    status, wanted = np.isin(said, steps), np.isin(truth, steps)
    right = said[status] == truth[status]
    return (f"{(said == truth).mean():.3f} | {right.mean():.3f} ({right.sum()} of "
            f"{status.sum()}) | {(said[wanted] == truth[wanted]).mean():.3f} | "
            f"{((said != learned.NOTHING) & (truth == learned.NOTHING)).sum()}")


def own_lines() -> list[str]:
    """The own mail model's table: the person's own messages in the held-out mailboxes."""
    held = messages(mp.FRESH, kinds=True, own=True)
    truth = np.array([m["label"] for m in held])
    model = np.array([learned.reading(str(m["subject"]), str(m["body"]), learned.OWN_MODEL)[0]
                      for m in held])
    return [
        f"The person's own mail, the same way: the {len(held)} messages the person sent in "
        "the held-out mailboxes, read by the own mail model (an application, a thank-you, a "
        "follow-up, thanks after a no, a withdrawal, an offer accepted or declined, or none "
        "of these). Status-bearing here: a withdrawal, an offer accepted or declined. A "
        "message the reader did not read (tied to no application) counts as read as none.",
        "", "| the person's own messages, reader | accuracy | status-bearing precision | "
        "status-bearing recall | other mail given a meaning |", "|---|---|---|---|---|",
        f"| the rules alone | {figures(truth, np.array([m['rules'] for m in held]), OWN_STATUS)} |",
        f"| the reader (rules and model) | "
        f"{figures(truth, np.array([m['hybrid'] for m in held]), OWN_STATUS)} |",
        f"| the model alone | {figures(truth, model, OWN_STATUS)} |",
        "", "How the reader weighs them (`learned.own_opinion`): the model's kind when it "
        f"reads another at {learned.SURE} or more, else the rules' at a confidence of "
        f"{learned.DOUBTED} at most; what the rules know of the thread stays theirs (a slot "
        "chosen, thanks after a no, an offer answered in words that neither accept nor "
        "decline it)."]


def promise_lines() -> list[str]:
    """The promise model's table: the received messages of the held-out mailboxes."""
    held = promises(mp.FRESH)

    def tally(said: list[dt.date | None]) -> str:
        pairs = list(zip(said, [m["promised"] for m in held], strict=True))
        right = sum(s is not None and s == w for s, w in pairs)
        given = sum(s is not None for s, _ in pairs)
        missed = sum(w is not None and s is None for s, w in pairs)
        return (f"{right} | {missed} | {given - right} | {right / max(given, 1):.3f} | "
                f"{right / max(sum(w is not None for _, w in pairs), 1):.3f}")

    rules = [m["rules"] for m in held]
    reader = []
    for m, day in zip(held, rules, strict=True):
        subject, _, body = str(m["text"]).partition("\n")
        on = m["on"]
        assert isinstance(on, dt.date)
        reader.append(learned.promised_day(mm.Meaning(mm.REPLY, 0.8, promised=day), subject,
                                           body, on).promised)
    promised = sum(m["promised"] is not None for m in held)
    return [
        f"The day a decision is promised by, the same way: the {len(held)} received messages "
        f"of the held-out mailboxes, {promised} of which promise one. Each day a message names "
        "(a date, a weekday, the end of a time frame) is read with the words before it by the "
        "promise model, which says whether it is the day promised (`learned.promised_day`): "
        f"the rules' day is dropped when the model gives it less than {learned.KEPT}, and "
        f"where none is left the model's likeliest day is taken from {learned.NAMED}. Read "
        "here as if every message were a reply (the reader reads no promise in a rejection "
        "or an offer).", "",
        "| reader | days right | promised, none read | days wrong or not promised | precision "
        "| recall |", "|---|---|---|---|---|---|",
        f"| the rules alone | {tally(rules)} |", f"| the reader (rules and model) | "
        f"{tally(reader)} |"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measure", action="store_true", help="measure, rebuild nothing")
    args = parser.parse_args()
    tuning_names = (*mp.FIRST, *mp.TUNED_FRESH)
    if not args.measure:
        for own, path in ((False, learned.MODEL), (True, learned.OWN_MODEL)):
            trained = messages(tuning_names, side="tuning", own=own)
            fit([f"{m['subject']}\n{m['body']}" for m in trained],
                [str(m["label"]) for m in trained], path)
            print(f"fitted on {len(trained)} messages; {path.stat().st_size:,} bytes")
        fit_days(promises(tuning_names, side="tuning"))
    held = messages(mp.FRESH, kinds=True)
    truth = np.array([m["label"] for m in held])
    model = np.array([learned.reading(str(m["subject"]), str(m["body"]))[0] for m in held])
    tied = np.array([m["rules"] != learned.NOTHING for m in held])
    lines = [
        HEADING, "",
        f"What a message someone else sent means, message by message, on the {len(held)} "
        f"messages of the {len(mp.FRESH)} held-out mailboxes (`mp.FRESH`), none of which the "
        "model was trained on or the rules were mended on. `python benchmarks/mail_model.py` "
        "rebuilds the model from the tuning mailboxes and writes this section (see its "
        "docstring). Status-bearing: a rejection, an offer, an interview, an assessment. "
        "Noise given a meaning: messages labelled as about no step that the reader gave one.",
        "", "| messages, reader | accuracy | status-bearing precision | status-bearing recall "
        "| noise given a meaning |", "|---|---|---|---|---|",
        f"| all, the rules alone | {figures(truth, np.array([m['rules'] for m in held]))} |",
        f"| all, the reader (rules and model) | "
        f"{figures(truth, np.array([m['hybrid'] for m in held]))} |",
        f"| all, the model alone | {figures(truth, model)} |",
        f"| read by the rules ({tied.sum()}), the rules alone | "
        f"{figures(truth[tied], np.array([m['rules'] for m in held])[tied])} |",
        f"| read by the rules, the model alone | {figures(truth[tied], model[tied])} |",
        "", "How the reader weighs the two (`learned.second_opinion`), where either reads a "
        "step (a rejection, an offer, an interview, an assessment, a cancellation): the "
        f"model's kind when it reads another at {learned.SURE} or more (no step from a person "
        "is a reply, which still answers and names a contact; from a system, nothing), else "
        f"the rules' kind at a confidence of {learned.DOUBTED} at most; where the rules read "
        f"nothing, the model's step at {learned.FILLED} or more. Between kinds that "
        "are no step the rules, which know the sender, decide; a calendar's cancellation is "
        "not weighed. The rules alone decide which messages are read (tied to an "
        "application), their days and their applications: the model changes what a tied "
        "message means, never which messages are tied. Accuracy counts every kind, so the "
        "reader's is below the model's where the two differ only on kinds that are no step.",
        "", *own_lines(), "", *promise_lines(), ""]
    print("\n".join(lines))
    replace_section(ROOT / "benchmarks" / "RESULTS.md", HEADING, lines)


if __name__ == "__main__":
    main()
