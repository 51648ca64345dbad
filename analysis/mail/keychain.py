"""Mail server passwords in the operating system's keyring (the ``keyring`` package: macOS
Keychain, Windows Credential Locker, the Secret Service on Linux), kept only when the person
asks; never in the workspace, a log or a message. Every function degrades to "nothing kept"
where there is no keyring."""

from __future__ import annotations

import logging

SERVICE = "jobsearch-dashboard IMAP"
"""The keyring's service name; the entry's user name is ``user@host`` (see ``entry``)."""

ENV_PASSWORD = "JOBSEARCH_IMAP_PASSWORD"
"""The environment variable the command line reads a password from, after the keyring."""

log = logging.getLogger(__name__)


def entry(host: str, user: str) -> str:
    """The name a password is kept under: ``user@host``, the host in lower case.

    >>> entry("IMAP.Example.com", "sam@example.com")
    'sam@example.com@imap.example.com'
    """
    return f"{user.strip()}@{host.strip().lower().rstrip('.')}"


def keyring_problem() -> str | None:
    """Why no password can be kept on this computer, or None when a keyring is there."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return "the keyring package is not installed (pip install keyring)"
    try:
        backend = keyring.get_keyring()
    except Exception as error:  # a backend that fails to load says why
        return f"the keyring could not be opened ({type(error).__name__})"
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return ("this computer has no keyring service that keyring can use (on Linux, the "
                "Secret Service of GNOME Keyring or KWallet)")
    return None


def saved_password(host: str, user: str) -> str | None:
    """The password kept for ``user`` at ``host``, or None (none kept, or no keyring)."""
    if keyring_problem() is not None:
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, entry(host, user))
    except Exception as error:  # a locked or broken keyring: as if nothing were kept
        log.info("the keyring could not be read (%s)", type(error).__name__)
        return None


def remember_password(host: str, user: str, password: str) -> str | None:
    """Keep the password in the keyring; None when kept, else why not (one sentence)."""
    problem = keyring_problem()
    if problem is not None:
        return f"The password was not kept: {problem}."
    import keyring

    try:
        keyring.set_password(SERVICE, entry(host, user), password)
    except Exception as error:
        return f"The password was not kept: the keyring refused it ({type(error).__name__})."
    return None


def forget_password(host: str, user: str) -> None:
    """Remove a kept password (nothing happens when there is none, or no keyring)."""
    if keyring_problem() is not None:
        return
    import keyring

    try:
        keyring.delete_password(SERVICE, entry(host, user))
    except Exception as error:  # nothing kept, or a locked keyring
        log.info("no password removed from the keyring (%s)", type(error).__name__)
