"""The folders of an account: listed with their special-use roles (All, Sent, Archive...), the
ones read by default, and the ones a person names."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.mail.imap.accounts import ROLE_NAMES, MailServerError, ProtocolError
from analysis.mail.imap.connection import Connection
from analysis.mail.imap.wire import (
    Folder,
    as_text,
    decode_folder_name,
    parse,
    response_lines,
    shortened,
)


def list_folders(connection: Connection) -> list[Folder]:
    """Every folder the server lists (LIST "" "*"), names decoded from modified UTF-7."""
    imap = connection._live()
    imap.untagged_responses.pop("LIST", None)
    typ, data = connection._call(None, imap.list, '""', "*")
    if typ != "OK":
        raise MailServerError(f"{connection.host} would not list its folders "
                              f"({shortened(as_text(data))}): try again later.",
                              kind="protocol", host=connection.host)
    folders: list[Folder] = []
    for segments in response_lines(data, new=lambda text: text[:1] == b"("):
        try:
            parsed = parse(segments)
        except ProtocolError:
            continue
        if len(parsed) < 3 or not isinstance(parsed[0], list):
            continue
        flags = frozenset(str(flag) for flag in parsed[0] if isinstance(flag, str))
        delimiter = parsed[1] if isinstance(parsed[1], str) else None
        raw = parsed[2]
        wire = raw.decode("utf-8", "surrogateescape") if isinstance(raw, bytes) else str(raw)
        folder = Folder(decode_folder_name(wire), flags, delimiter, wire)
        if "\\nonexistent" not in {flag.lower() for flag in flags}:
            folders.append(folder)
    return folders


def default_folders(folders: Sequence[Folder]) -> list[Folder]:
    """The folders holding a person's mail: the \\\\All folder if there is one (Gmail's All
    Mail, which holds sent mail too); otherwise INBOX, the \\\\Sent folder and the \\\\Archive
    folder when there is one (found by name on servers that do not mark them)."""
    usable = [folder for folder in folders if folder.selectable]
    everything = by_role(usable, "\\All")
    if everything is not None:
        return [everything]
    chosen = [folder for folder in usable if folder.name.upper() == "INBOX"][:1]
    for role in ("\\Sent", "\\Archive"):
        found = by_role(usable, role)
        if found is not None and found not in chosen:
            chosen.append(found)
    return chosen


def pick_folders(folders: Sequence[Folder], names: Sequence[str] = (), *,
                 host: str = "the server") -> list[Folder]:
    """The folders called ``names`` (INBOX in any case; a special-use role such as "\\\\Sent"
    for the folder marked so, whatever its localised name), or :func:`default_folders` when
    ``names`` is empty. A name the server does not have is a :class:`MailServerError`."""
    if not names:
        return default_folders(folders)
    usable = [folder for folder in folders if folder.selectable]
    chosen: list[Folder] = []
    for name in names:
        found = by_role(usable, name) if name.startswith("\\") else next(
            (f for f in usable if f.name == name
             or name.upper() == "INBOX" and f.name.upper() == "INBOX"), None)
        if found is None:
            known = ", ".join(f.name for f in usable[:12]) + (", ..." if len(usable) > 12
                                                             else "")
            what = f"folder marked {name}" if name.startswith("\\") else f"folder called \"{name}\""
            raise MailServerError(
                f"{host} has no {what} (its folders are: {known or 'none'}): check the folder "
                "names in the account settings.", kind="folder", host=host, folder=name)
        if found not in chosen:
            chosen.append(found)
    return chosen


def by_role(folders: Sequence[Folder], role: str) -> Folder | None:
    marked = [folder for folder in folders if folder.special_use
              and folder.special_use.lower() == role.lower()]
    if marked:
        return marked[0]
    names = ROLE_NAMES.get(next((r for r in ROLE_NAMES if r.lower() == role.lower()), ""), ())
    for wanted in names:
        for folder in folders:
            if folder.special_use is None and folder.name.lower() == wanted:
                return folder
    return None
