"""Hostile and broken files, built by the tests, each with what the user must be told.

``CORPUS`` maps a name to (file name, builder, expectation). The expectation is either
("refused", text the message must contain) or ("loads", text an issue must contain, or "" when
the file must load without doubts).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import openpyxl
from conftest import csv_bytes, xlsx_bytes

HEADER = ["Company", "Role", "Status", "Date applied"]
ROWS = [["Acme", "Analyst", "Applied", "2025-03-01"], ["Globex", "Engineer", "Rejected",
                                                       "2025-03-04"]]
XSS = ["<img src=x onerror=alert(1)>", "<script>alert('x')</script>",
       "[click me](javascript:alert(1))", "=HYPERLINK(\"http://evil.example\",\"x\")",
       "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "**bold** _it_ $x$"]


def zip_bomb(declared_mb: int = 600) -> bytes:
    """A zip that looks like an xlsx and would unpack a sheet of ``declared_mb`` MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b"\0" * (1 << 20)
            for _ in range(declared_mb):
                sheet.write(chunk)
    return buffer.getvalue()


def entity_bomb() -> bytes:
    """A real workbook whose sheet declares a "billion laughs" entity expansion (a billion
    copies of "lol" once expanded) and uses it in a cell."""
    laughs = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)]
    sheet = ('<?xml version="1.0"?><!DOCTYPE worksheet [' + "".join(laughs) + ']>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Company</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
             '</sheetData></worksheet>')
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes({"Jobs": [HEADER, *ROWS]})))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            archive.writestr(item, data)
    return buffer.getvalue()


def encrypted_xlsx() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(xlsx_bytes({"Jobs": [HEADER, *ROWS]}))).encrypt("secret", out)
    return out.getvalue()


def old_xls() -> bytes:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Apps")
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def wide_csv() -> bytes:
    header = [*HEADER, *(f"Extra {i}" for i in range(10_000))]
    return csv_bytes([header, [*ROWS[0], *("x" * 10_000)]])


def excel_dates() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Company", "Date applied", "Response date"])
    sheet.append(["Acme", 45717, "2025-03-10"])  # a serial number, then text
    sheet.append(["Globex", "31/09/2025", "02/10/2025"])  # an impossible date
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


Builder = Callable[[], bytes]
CORPUS: dict[str, tuple[str, Builder, tuple[str, str]]] = {
    "zip bomb": ("tracker.xlsx", zip_bomb, ("refused", "would unpack to")),
    "xml entity bomb": ("laughs.xlsx", entity_bomb, ("refused", "could not be read")),
    "binary junk": ("tracker.xlsx", lambda: bytes(range(256)) * 40,
                    ("refused", "binary file")),
    "truncated xlsx": ("cut.xlsx",
                       lambda: xlsx_bytes({"Jobs": [HEADER, *ROWS]})[:1500],
                       ("refused", "damaged or incomplete")),
    "password-protected xlsx": ("locked.xlsx", encrypted_xlsx,
                                ("refused", "password-protected")),
    "old binary xls": ("old.xls", old_xls, ("loads", "")),
    "pdf with a spreadsheet name": ("cv.csv", lambda: b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
                                    ("refused", "PDF document")),
    "empty file": ("empty.csv", lambda: b"", ("refused", "empty")),
    "header only": ("header.csv", lambda: csv_bytes([HEADER]), ("refused", "no rows")),
    "no company column": ("other.csv", lambda: csv_bytes([["Name", "Age"], ["Sam", "3"]]),
                          ("refused", "no Company column")),
    "windows-1252 csv": ("ansi.csv",
                         lambda: csv_bytes([HEADER, ["Société Générale", "Analyste", "Applied",
                                                     "2025-03-01"]], encoding="cp1252"),
                         ("loads", "")),
    "utf-16 csv": ("unicode.csv", lambda: csv_bytes([HEADER, *ROWS], encoding="utf-16"),
                   ("loads", "")),
    "utf-8 csv with bom": ("bom.csv", lambda: csv_bytes([HEADER, *ROWS], encoding="utf-8-sig"),
                           ("loads", "")),
    "ragged rows": ("ragged.csv",
                    lambda: b"Company,Role\nAcme,Analyst,extra,cells\nGlobex\n",
                    ("loads", "")),
    "10,000 columns": ("wide.csv", wide_csv, ("loads", "")),
    "single column": ("single.csv", lambda: b"Company\nAcme\nGlobex\n", ("loads", "")),
    "dates in every shape": ("dates.xlsx", excel_dates, ("loads", "not a valid date")),
    "response before application": (
        "order.csv", lambda: csv_bytes([["Company", "Date applied", "Response date"],
                                        ["Acme", "2025-03-10", "2025-03-01"]]),
        ("loads", "a response before the application")),
    "future dates": ("future.csv", lambda: csv_bytes([HEADER, ["Acme", "Analyst", "Applied",
                                                              "2099-01-01"]]),
                     ("loads", "in the future")),
    "duplicated rows": ("twice.csv", lambda: csv_bytes([HEADER, ROWS[0], ROWS[0]]),
                        ("loads", "the same as row 2")),
    "hostile text": ("hostile.csv",
                     lambda: csv_bytes([[*HEADER, "Job URL", "Notes"]] + [
                         [text, text, "Applied", "2025-03-01", text, text] for text in XSS]),
                     ("loads", "")),
}
