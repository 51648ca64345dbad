"""A learned classifier for what a received message means, measured against the mail reader's
rules on mail written by others (tests/mailpublic): trained on the TUNING sources' messages
with their labels, scored leave-one-source-out within tuning, then once on the held-out
sources; and what it would do combined with the rules (a veto on a rule's status-bearing
meaning when the model says "nothing", or the model's status-bearing meaning where the rules
give none).

    python benchmarks/mail_model.py      # needs scikit-learn (pip install -e .[model])

The model is a one-vs-rest logistic regression over word unigrams and bigrams and the
four-letter pieces of words, hashed (CRC-32) into 65,536 features, each message's counts
log-scaled and normalised; deterministic, so it could be shipped as weights and read without
scikit-learn at run time. It is not shipped: the figures below (benchmarks/RESULTS.md,
"Mail reader: a learned classifier tried") show it far below the rules on sources it was not
trained on. Not part of the test suite; the leave-one-source-out run takes a few minutes.
"""

from __future__ import annotations

import re
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import mailpublic as mp  # noqa: E402
from sections import replace_section  # noqa: E402

from analysis import scan_mailbox  # noqa: E402
from analysis.mail import mailbox as mb  # noqa: E402
from analysis.mail import message as msg  # noqa: E402

HEADING = "## Mail reader: a learned classifier tried"
FEATURES = 1 << 16
STATUS = ("rejection", "offer", "interview", "assessment")
MEANINGS = {"acknowledgement": "acknowledgement", "rejection": "rejection",
            "interview_invite": "interview", "interview_reschedule": "interview",
            "interview_cancel": "cancelled", "assessment_invite": "assessment",
            "offer": "offer", "reply": "reply", "status_update": "notice",
            "application_viewed": "notice"}
_WORD = re.compile(r"\w+")


def features(text: str) -> dict[int, int]:
    """Hashed counts of a message's words, word pairs and four-letter pieces of words."""
    words = _WORD.findall(text[:1500].lower())
    tokens = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    for word in words:
        padded = f" {word} "
        tokens += [padded[i:i + 4] for i in range(len(padded) - 3)]
    counts: dict[int, int] = {}
    for token in tokens:
        key = zlib.crc32(token.encode()) & (FEATURES - 1)
        counts[key] = counts.get(key, 0) + 1
    return counts


def matrix(texts: list[str]):  # noqa: ANN201 - a scipy sparse matrix
    from scipy.sparse import csr_matrix

    rows, cols, values = [], [], []
    for i, text in enumerate(texts):
        counts = features(text)
        scaled = {k: 1 + np.log(v) for k, v in counts.items()}
        norm = np.sqrt(sum(v * v for v in scaled.values())) or 1.0
        for key, value in scaled.items():
            rows.append(i)
            cols.append(key)
            values.append(value / norm)
    return csr_matrix((values, (rows, cols)), shape=(len(texts), FEATURES))


def model():  # noqa: ANN201 - a scikit-learn estimator
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    return OneVsRestClassifier(LogisticRegression(C=10.0, solver="liblinear",
                                                  class_weight="balanced"))


def messages() -> list[dict[str, object]]:
    """Every received message of the eight mailboxes: its words as the reader sees them, its
    labelled meaning, its source and side, and what the rules made of it."""
    sides = mp.split(mp.all_tags())
    out = []
    for name in mp.NAMES:
        box = mp.load(name)
        by_id = {mp.message_id(m): m for m in box["messages"]}
        last = max(m["when"] for m in box["messages"]).date()
        evidence = scan_mailbox(mp.mbox(box), mp.tracker(box), as_of=last).evidence
        rules = dict(zip(evidence["message_id"], evidence["kind"], strict=True))
        for raw in mb.iter_messages(mp.mbox(box)):
            head = msg.quick_headers(raw.data)
            mid = msg.header_text(head, "Message-ID")
            labelled = by_id[mid]
            if mp.is_mine(box, labelled):
                continue
            text = msg.header_text(head, "Subject") + "\n" + msg.body_text(msg.full(raw.data))
            out.append({"text": text, "kind": MEANINGS.get(labelled["label"]["meaning"], "none"),
                        "source": labelled["source"], "side": sides[labelled["source"]],
                        "rules": rules.get(mid, "none")})
    return out


def figures(truth: np.ndarray, said: np.ndarray) -> dict[str, float]:
    status, wanted = np.isin(said, STATUS), np.isin(truth, STATUS)
    return {"accuracy": float((said == truth).mean()),
            "status precision": float((said[status] == truth[status]).mean()),
            "status said": int(status.sum()),
            "status recall": float((said[wanted] == truth[wanted]).mean()),
            "noise given a meaning": int(((said != "none") & (truth == "none")).sum())}


def combined(truth: np.ndarray, rules: np.ndarray, learned: np.ndarray) -> str:
    status = np.isin(rules, STATUS)
    veto = status & (learned == "none")
    fill = ~status & np.isin(learned, STATUS)
    return (f"as a veto it would drop {veto.sum()} of the rules' status-bearing meanings "
            f"({(rules[veto] == truth[veto]).sum()} of them right); filling in where the rules "
            f"say none it would add {fill.sum()} ({(learned[fill] == truth[fill]).sum()} right)")


def main() -> None:
    found = messages()
    tuning = [m for m in found if m["side"] == "tuning"]
    held = [m for m in found if m["side"] == "held-out"]
    y = np.array([m["kind"] for m in tuning])
    groups = np.array([m["source"] for m in tuning])
    x = matrix([str(m["text"]) for m in tuning])
    loso = np.empty(len(y), dtype=object)
    for source in sorted(set(groups)):
        test = groups == source
        loso[test] = model().fit(x[~test], y[~test]).predict(x[test])
    loso = loso.astype(str)
    fitted = model().fit(x, y)
    held_y = np.array([m["kind"] for m in held])
    held_said = fitted.predict(matrix([str(m["text"]) for m in held])).astype(str)
    rows = [("tuning, rules", figures(y, np.array([m["rules"] for m in tuning]))),
            ("tuning, model (leave one source out)", figures(y, loso)),
            ("held-out, rules", figures(held_y, np.array([m["rules"] for m in held]))),
            ("held-out, model (trained on tuning)", figures(held_y, held_said))]
    lines = [HEADING, "", "What a received message means (acknowledgement, rejection, "
             "interview, assessment, offer, reply, notice, cancellation, or nothing), "
             f"message by message: {len(tuning)} tuning and {len(held)} held-out messages. "
             "Rules: the reader's meaning in its scan (benchmarks/mail_public.py). Model: "
             "`python benchmarks/mail_model.py` (see its docstring). Status-bearing: rejection, "
             "offer, interview, assessment.", "",
             "| messages, reader | accuracy | status-bearing precision (said) | "
             "status-bearing recall | noise given a meaning |", "|---|---|---|---|---|"]
    for name, f in rows:
        lines.append(f"| {name} | {f['accuracy']:.3f} | {f['status precision']:.3f} "
                     f"({f['status said']}) | {f['status recall']:.3f} | "
                     f"{f['noise given a meaning']} |")
    rules_tuning = np.array([m["rules"] for m in tuning])
    rules_held = np.array([m["rules"] for m in held])
    lines += ["", f"Combined, leave one source out within tuning: "
              f"{combined(y, rules_tuning, loso)}. On the held-out sources: "
              f"{combined(held_y, rules_held, held_said)}.", "",
              "Kept: the rules alone. The model is not shipped.", ""]
    print("\n".join(lines))
    replace_section(ROOT / "benchmarks" / "RESULTS.md", HEADING, lines)


if __name__ == "__main__":
    main()
