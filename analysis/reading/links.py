"""Link targets in an xlsx sheet: the address behind a cell that shows "Link" or "Apply".

calamine, which reads the cells, returns a hyperlinked cell's display text only, and a
``=HYPERLINK("https://...", "Apply")`` formula (what Google Sheets writes) as its cached text.
openpyxl can read both, but loading a whole sheet with it costs several times the calamine
read, so only the parts that hold links are read here: the sheet's ``<hyperlinks>`` list with
its relationships file, and the formulas that call HYPERLINK, found by a byte search. openpyxl
parses the workbook's sheet list and the relationships, and tokenises the formulas.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Iterator
from xml.sax.saxutils import unescape

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.packaging.relationship import get_rels_path
from openpyxl.reader.workbook import WorkbookParser
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, range_boundaries

Position = tuple[int, int]  # (row, column), 0-based as in the importer's grid

# A hyperlink's cell reference and relationship id, in either order.
_HYPERLINK = re.compile(r'<(?:\w+:)?hyperlink\s[^>]*?'
                        r'(?:ref="([^"]+)"[^>]*?\s(?:\w+:)?id="([^"]+)"'
                        r'|\s(?:\w+:)?id="([^"]+)"[^>]*?\sref="([^"]+)")')
_RELATION_ID = re.compile(r'Id="([^"]*)"')  # no other attribute ends in "Id"
_RELATION_TARGET = re.compile(r'Target="([^"]*)"')  # TargetMode does not match
_CELL = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]+)")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b([^>]*)>([^<]*HYPERLINK\s*\([^<]*)</(?:\w+:)?f>",
                      re.IGNORECASE)
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3}[0-9]+)"')
_SCHEME = re.compile(r"(?i)[a-z][a-z0-9+.-]*:")
_XML_ENTITIES = {"&quot;": '"', "&apos;": "'"}
MAX_SHEET_BYTES = 500 * 1024 * 1024  # the archive checks in sources.py came first


@functools.cache
def _column(letters: str) -> int:
    return column_index_from_string(letters) - 1


def _position(reference: str) -> Position:
    column, row = coordinate_from_string(reference)
    return row - 1, _column(column)


def _cells(reference: str) -> Iterator[Position]:
    """Every cell of a reference like "D4" or "D4:D9"; ValueError for whole columns or rows
    ("C:C", "3:5"), which name no cells to link."""
    if ":" not in reference:
        yield _position(reference)
        return
    low_col, low_row, high_col, high_row = range_boundaries(reference)
    if low_col is None or low_row is None or high_col is None or high_row is None:
        raise ValueError(f"{reference} is a whole column or row")
    for row in range(low_row, high_row + 1):
        for column in range(low_col, high_col + 1):
            yield row - 1, column - 1


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name and the path of its part in the archive."""
    parser = WorkbookParser(archive, "xl/workbook.xml")
    parser.parse()
    return {sheet.name: relation.target.lstrip("/") for sheet, relation in parser.find_sheets()}


def hyperlink_formula_target(formula: str) -> str | None:
    """The address a ``HYPERLINK`` formula links to, when its first argument is written out as
    text; None when it is computed (``"https://x/" & A2``) or there is no HYPERLINK call.

    >>> hyperlink_formula_target('HYPERLINK("https://jobs.example/1","Apply")')
    'https://jobs.example/1'
    >>> hyperlink_formula_target('IFERROR(HYPERLINK("https://x.example/2"), "")')
    'https://x.example/2'
    >>> hyperlink_formula_target('HYPERLINK(A2,"Apply")') is None
    True
    """
    try:
        tokens = [t for t in Tokenizer("=" + formula.strip().lstrip("=")).items
                  if t.type != Token.WSPACE]
    except Exception:  # a formula the tokenizer cannot read carries no link we can trust
        return None
    for index, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.OPEN and \
                token.value.upper().rstrip("(").strip().endswith("HYPERLINK"):
            argument = tokens[index + 1] if index + 1 < len(tokens) else None
            after = tokens[index + 2] if index + 2 < len(tokens) else None
            if (argument is None or argument.type != Token.OPERAND
                    or argument.subtype != Token.TEXT or after is None
                    or after.type not in (Token.SEP, Token.FUNC)):
                return None
            return argument.value[1:-1].replace('""', '"')
    return None


def sheet_links(data: bytes, sheet: str) -> dict[Position, str]:
    """The link target of each linked cell of ``sheet`` in the xlsx ``data``: hyperlinks to
    outside addresses and HYPERLINK formulas with a written-out address. Empty when the file
    is not an xlsx workbook, has no such sheet, or holds no link."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            path = sheet_paths(archive).get(sheet)
            if path is None:
                return {}
            info = archive.getinfo(path)
            if info.file_size > MAX_SHEET_BYTES:
                return {}
            xml = archive.read(path)
            links: dict[Position, str] = {}
            if b"hyperlink" in xml:
                links.update(_hyperlinks(archive, path, xml))
            if b"HYPERLINK" in xml:  # Excel and Google Sheets write function names in capitals
                links.update(_formula_links(xml))
            # Addresses only: "#Sheet2!A1" points inside the workbook.
            return {p: t.strip() for p, t in links.items() if _SCHEME.match(t.strip())}
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}


def _relationships(archive: zipfile.ZipFile, path: str) -> dict[str, str]:
    """A part's relationships, id -> target. Read with a pattern rather than openpyxl's
    ``get_dependents``, which builds an object per link (0.3 s for 20,000 links)."""
    try:
        xml = archive.read(get_rels_path(path))
    except KeyError:  # no relationships part: only links inside the workbook
        return {}
    # Each relationship has one Id and one Target, in whichever order: pair them up in turn.
    text = xml.decode("utf-8", errors="replace")
    ids, targets = _RELATION_ID.findall(text), _RELATION_TARGET.findall(text)
    if len(ids) != len(targets):
        return {}
    return {key: unescape(target, _XML_ENTITIES) if "&" in target else target
            for key, target in zip(ids, targets, strict=True)}


def _hyperlinks(archive: zipfile.ZipFile, path: str, xml: bytes) -> dict[Position, str]:
    """The sheet's ``<hyperlink ref=... r:id=...>`` elements resolved through its relationships
    (links to places inside the workbook have no relationship and are left out)."""
    # The list sits after the cells, at the end of the part: search backwards.
    end = xml.rfind(b"hyperlinks>")
    start = xml.rfind(b"hyperlinks", 0, end) if end > 0 else -1
    if start < 0:
        return {}
    relations = _relationships(archive, path)
    links: dict[Position, str] = {}
    section = xml[start:end].decode("utf-8", errors="replace")
    for ref_first, id_second, id_first, ref_second in _HYPERLINK.findall(section):
        target = relations.get(id_second or id_first)
        if not target:
            continue
        reference = ref_first or ref_second
        cell = _CELL.fullmatch(reference)
        if cell is not None:  # one cell, as nearly always: no need for openpyxl's parser
            links[int(cell.group(2)) - 1, _column(cell.group(1))] = target
            continue
        try:
            cells = list(_cells(reference))
        except ValueError:
            continue
        for position in cells:
            links[position] = target
    return links


def _formula_links(xml: bytes) -> dict[Position, str]:
    links: dict[Position, str] = {}
    for match in _FORMULA.finditer(xml):
        cell_start = max(xml.rfind(b"<c ", 0, match.start()), xml.rfind(b"<x:c ", 0,
                                                                         match.start()))
        reference = _CELL_REF.search(xml, cell_start, match.start()) if cell_start >= 0 \
            else None
        if reference is None:
            continue
        formula = unescape(match.group(2).decode(errors="replace"), _XML_ENTITIES)
        target = hyperlink_formula_target(formula)
        if target:
            try:
                links[_position(reference.group(1).decode())] = target
            except ValueError:
                continue
    return links
