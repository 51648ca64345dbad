"""An address's domain: the labels of it that can name a company, and whether it is under
a known domain (an applicant tracking system's, a job board's, free mail)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from analysis.mail.senders import ATS_DOMAINS

_PUBLIC_SUFFIXES = frozenset({"com", "net", "org", "io", "co", "uk", "de", "fr", "es", "eu",
                              "us", "ai", "app", "dev", "biz", "info", "ch", "at", "nl", "be",
                              "it", "se", "dk", "no", "fi", "ie", "pl", "pt", "ca", "au",
                              "jobs", "careers", "hr", "tech", "gov", "edu", "ac",
                              # public bodies' second levels: md.wien.gv.at, www.gob.mx
                              "gv", "gob", "gouv", "govt", "gc"})
GENERIC_LABELS = frozenset({"mail", "email", "e-mail", "careers", "career", "jobs", "job", "hr",
                             "talent", "recruiting", "recruitment", "notifications", "noreply",
                             "no-reply", "info", "news", "mx", "smtp", "apply", "join", "team",
                             "people", "www", "em", "bounce", "mailer", "send", "msg", "mg",
                             "service", "notify", "karriere", "stellen", "bewerbung",
                             "emploi", "empleo", "carreras", "carriere", "carrieres",
                             "recrutement", "reclutamento"})


def domain_labels(address: str) -> list[str]:
    """The labels of an address's domain that can name a company ("acme-systems" of
    "jobs.acme-systems.co.uk"), generic ones ("mail", "careers") and public suffixes left out.

    >>> domain_labels("ana@talent.acme-systems.co.uk")
    ['acmesystems']
    """
    domain = address.rsplit("@", 1)[-1].lower()
    labels = [part for part in domain.split(".")[:-1] if part not in _PUBLIC_SUFFIXES
              and part not in GENERIC_LABELS and not re.fullmatch(r"www\d*", part)]
    return [re.sub(r"[^a-z0-9]", "", label) for label in labels if label]


def domain_of(address: str) -> str:
    return address.rsplit("@", 1)[-1].lower()


def _parents(domain: str) -> list[str]:
    """A domain and the domains above it: "a.b.c.com", "b.c.com", "c.com", "com"."""
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts))]


_ATS_SET = frozenset(ATS_DOMAINS)


def is_ats(domain: str) -> bool:
    return any(parent in _ATS_SET for parent in _parents(domain))


def in_domains(domain: str, domains: Iterable[str]) -> bool:
    known = domains if isinstance(domains, frozenset) else frozenset(domains)
    return any(parent in known for parent in _parents(domain))
