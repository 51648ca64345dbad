"""Reading raw cells from whatever file a job seeker has: CSV in any common encoding and
delimiter, XLSX, XLS and ODS workbooks.

This module only turns bytes into grids of cells (one DataFrame per sheet, no header yet) and
refuses, with a message a person understands, what is not a readable spreadsheet. Recognising
columns and types is the importer's job.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

# Limits that keep a hostile or broken file from exhausting the machine.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
MAX_ZIP_ENTRIES = 10_000
MAX_COMPRESSION_RATIO = 200
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
SNIFF_CHARS = 256 * 1024
SNIFF_LINES = 50

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_OTHER_FORMATS = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"{\\rtf": "a rich-text (RTF) document",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}


class SpreadsheetError(ValueError):
    """The one error the importer raises. Its message is written for the user: it names the
    file and says what is wrong and what to do about it."""

    def __init__(self, message: str, *, file: str | None = None) -> None:
        self.file = file
        self.problem = message
        super().__init__(f"{file}: {message}" if file else message)


@dataclass(frozen=True)
class RawFile:
    """A file's name and bytes."""

    name: str
    data: bytes


def read_source(source: RawFile | str | Path | bytes | IO[bytes], *,
                name: str | None = None) -> RawFile:
    """The name and bytes of a path, bytes or binary file object (such as an upload)."""
    if isinstance(source, RawFile):
        return source
    if isinstance(source, bytes | bytearray | memoryview):
        return RawFile(name or "upload", bytes(source))
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise SpreadsheetError(_too_big(size), file=path.name)
            return RawFile(name or path.name, path.read_bytes())
        except OSError as exc:
            raise SpreadsheetError(f"cannot be opened ({exc.strerror or exc}).",
                                   file=path.name) from exc
    data = source.read()
    if isinstance(data, str):
        data = data.encode("utf-8")
    return RawFile(name or Path(getattr(source, "name", "upload")).name, bytes(data))


def _too_big(size: int) -> str:
    return (f"the file is {size / 2**20:,.0f} MB, above the {MAX_FILE_BYTES / 2**20:,.0f} MB this "
            "dashboard reads. Export only the sheet with your applications.")


def sniff_format(raw: RawFile) -> str:
    """Which reader a file needs: "csv", "xlsx", "ods" or "xls", decided from its bytes.

    Raises SpreadsheetError for an empty file, a password-protected workbook, a damaged or
    oversized archive, and files that are clearly something else (a PDF, an image...).
    """
    data = raw.data
    if len(data) > MAX_FILE_BYTES:
        raise SpreadsheetError(_too_big(len(data)), file=raw.name)
    bare = next((data[len(mark):] for mark in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                               codecs.BOM_UTF16_BE) if data.startswith(mark)),
                data)
    if not bare.strip():  # nothing, or a text file's byte-order mark alone
        raise SpreadsheetError("the file is empty.", file=raw.name)
    if data.startswith(OLE2_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise SpreadsheetError(
                "this workbook is password-protected. Open it in Excel or LibreOffice, remove "
                "the password (File > Info > Protect Workbook), save it and import it again.",
                file=raw.name)
        return "xls"
    if data.startswith(ZIP_MAGIC):
        return _sniff_zip(raw)
    for magic, what in _OTHER_FORMATS.items():
        if data.startswith(magic):
            raise SpreadsheetError(
                f"this is {what}, not a spreadsheet. Import a CSV, XLSX, XLS or ODS file.",
                file=raw.name)
    return "csv"


def _sniff_zip(raw: RawFile) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(raw.data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                raise SpreadsheetError(
                    f"the workbook holds {len(entries):,} parts, more than the "
                    f"{MAX_ZIP_ENTRIES:,} a spreadsheet needs; it was not opened.", file=raw.name)
            declared = sum(e.file_size for e in entries)
            packed = max(sum(e.compress_size for e in entries), 1)
            if declared > MAX_UNCOMPRESSED_BYTES or (
                declared > 10 * 1024 * 1024 and declared / packed > MAX_COMPRESSION_RATIO
            ):
                raise SpreadsheetError(
                    f"the workbook would unpack to {declared / 1e6:,.0f} MB from "
                    f"{len(raw.data) / 1e6:,.1f} MB; that is not a normal spreadsheet, so it was "
                    "not opened.", file=raw.name)
            names = {e.filename for e in entries}
            if any(LINKEDIN_JOB_FILE.search(n) for n in names):
                return "linkedin"
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100]
                if b"opendocument.spreadsheet" in mimetype:
                    return "ods"
                raise SpreadsheetError(
                    "this is an OpenDocument file but not a spreadsheet (a text document or a "
                    "presentation?). Import a CSV, XLSX, XLS or ODS file.", file=raw.name)
            if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
                return "xlsx"
            if "word/document.xml" in names:
                raise SpreadsheetError("this is a Word document, not a spreadsheet.",
                                       file=raw.name)
    except zipfile.BadZipFile as exc:
        raise SpreadsheetError(
            "the workbook is damaged or incomplete (was the download or copy cut short?). "
            "Open it in Excel or LibreOffice, save it again and import the new copy.",
            file=raw.name) from exc
    raise SpreadsheetError("this is a zip archive, not a spreadsheet.", file=raw.name)


LINKEDIN_JOB_FILE = re.compile(r"(?i)(?:^|/)jobs/(job applications(?:_\d+)?|saved jobs)\.csv$")
MAX_JOB_FILE_BYTES = 50 * 1024 * 1024


def linkedin_job_files(raw: RawFile) -> tuple[list[RawFile], RawFile | None]:
    """The job application files and the saved jobs file of a LinkedIn data export (a zip
    ``sniff_format`` called "linkedin"), each named ``archive.zip/Jobs/...``; the rest of the
    archive is not read."""
    applications: list[RawFile] = []
    saved = None
    with zipfile.ZipFile(io.BytesIO(raw.data)) as archive:
        for entry in sorted(archive.infolist(), key=lambda e: e.filename):
            found = LINKEDIN_JOB_FILE.search(entry.filename)
            if found is None:
                continue
            if entry.file_size > MAX_JOB_FILE_BYTES:
                raise SpreadsheetError(
                    f"{entry.filename} in the archive would unpack to "
                    f"{entry.file_size / 1e6:,.0f} MB; it was not opened.", file=raw.name)
            part = RawFile(f"{raw.name}/{entry.filename}", archive.read(entry))
            if found.group(1).lower() == "saved jobs":
                saved = part
            else:
                applications.append(part)
    return applications, saved


def decode_text(raw: RawFile) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with.

    UTF-8 (with or without BOM) and UTF-16 (with BOM, or recognised from its zero bytes) are
    read as such; anything else that is not valid UTF-8 is read as Windows-1252, which is what
    Excel writes for "CSV" on Western Windows machines.
    """
    data = raw.data
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 4:
        even, odd = head[0::2].count(b"\x00"), head[1::2].count(b"\x00")
        if odd > len(head) // 3 and even == 0:
            return data.decode("utf-16-le", errors="replace"), "utf-16-le"
        if even > len(head) // 3 and odd == 0:
            return data.decode("utf-16-be", errors="replace"), "utf-16-be"
    if b"\x00" in head:
        raise SpreadsheetError(
            "this is a binary file, not a spreadsheet. Import a CSV, XLSX, XLS or ODS file.",
            file=raw.name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


# A cell may hold a whole job posting: the csv module's 131,072-character limit per field is
# raised to what a file may hold at all, which bounds it already.
csv.field_size_limit(MAX_FILE_BYTES)


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: comma, semicolon, tab or pipe, whichever splits the first
    lines into the most consistent number of fields.

    >>> sniff_delimiter("Company;Role\\nAcme, Inc.;Analyst\\n")
    ';'
    """
    lines = [line for line in text.splitlines()[:SNIFF_LINES] if line.strip()]
    best, best_score = ",", 0
    for delimiter in (",", ";", "\t", "|"):
        counts = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter))
        width, frequency = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(1, 0))
        score = frequency * (width > 1) * 1000 + width
        if width > 1 and score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv_grid(raw: RawFile) -> tuple[pd.DataFrame, str]:
    """All cells of a CSV file as text (no header), one grid row per line, and a note on how it
    was read. Blank lines are kept so positions match the user's line numbers."""
    text, encoding = decode_text(raw)
    head = text[:SNIFF_CHARS]  # splitting the whole text only to look at its first lines is slow
    delimiter = sniff_delimiter(head)
    sample = [row for row in csv.reader(io.StringIO("\n".join(head.splitlines()[:SNIFF_LINES])),
                                        delimiter=delimiter)]
    width = max((len(row) for row in sample), default=1)
    grid = _arrow_grid(text, encoding, delimiter, width)
    if grid is not None:
        return grid, f"CSV, {DELIMITER_NAMES[delimiter]}-separated, {encoding}"
    try:
        grid = pd.read_csv(
            io.StringIO(text), sep=delimiter, header=None, names=range(width), dtype="str",
            keep_default_na=False, skip_blank_lines=False, engine="c",
        )
    except pd.errors.ParserError:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        width = max((len(row) for row in rows), default=1)
        grid = pd.DataFrame([row + [""] * (width - len(row)) for row in rows], dtype="str")
    except (pd.errors.EmptyDataError, csv.Error) as exc:
        raise SpreadsheetError(f"the file could not be read as CSV ({exc}).",
                               file=raw.name) from exc
    return grid, f"CSV, {DELIMITER_NAMES[delimiter]}-separated, {encoding}"


def _arrow_grid(text: str, encoding: str, delimiter: str, width: int) -> pd.DataFrame | None:
    """The grid read by pyarrow's multi-threaded CSV reader (about 5x faster than pandas' C
    parser), or None when the file is not a rectangle of ``width`` columns (ragged rows, blank
    lines), which the slower readers handle."""
    names = [str(i) for i in range(width)]
    try:
        table = pa_csv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pa_csv.ReadOptions(column_names=names),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, ignore_empty_lines=False,
                                              newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False,
                quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    grid = table.to_pandas(types_mapper={pa.string(): pd.StringDtype()}.get)
    grid.columns = range(width)
    return grid


class Workbook:
    """An opened workbook: its sheet names, and any sheet's cells as a grid. Opened once per
    file, however many sheets the importer looks at."""

    def __init__(self, raw: RawFile) -> None:
        from python_calamine import CalamineWorkbook

        self.raw = raw
        self._links: dict[str, Future[dict[tuple[int, int], str]]] = {}
        try:
            self._book = CalamineWorkbook.from_filelike(io.BytesIO(raw.data))
            self.sheet_names: list[str] = list(self._book.sheet_names)
        except Exception as exc:  # calamine raises its own, undocumented error types
            raise _unreadable(raw, exc) from exc

    def grid(self, sheet: str) -> pd.DataFrame:
        """All cells of one sheet, no header, one grid row per sheet row: text as str,
        numbers as floats (whole numbers as ints), dates as dates, blank cells missing.

        Read with calamine directly: ``pd.read_excel`` converts every cell in a Python loop,
        which took longer than reading the file; here only the float columns get a
        vectorised pass."""
        try:
            rows = self._book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        except Exception as exc:  # calamine raises its own, undocumented error types
            raise _unreadable(self.raw, exc) from exc
        grid = pd.DataFrame(rows, dtype=object)
        return grid.apply(_tidy_cells) if len(grid.columns) else grid

    def prefetch_links(self, sheet: str) -> None:
        """Start finding the links of ``sheet`` in a second thread, while calamine reads the
        cells (a quarter of the time of an import with a link on every row)."""
        if self.raw.data.startswith(ZIP_MAGIC) and sheet not in self._links:
            from analysis.reading.links import sheet_links  # openpyxl loads only for a workbook

            pool = ThreadPoolExecutor(max_workers=1)
            self._links[sheet] = pool.submit(sheet_links, self.raw.data, sheet)
            pool.shutdown(wait=False)  # the thread ends when the search is done

    def links(self, sheet: str) -> dict[tuple[int, int], str]:
        """The link targets behind the cells of one sheet, by (row, column) in ``grid``:
        hyperlinks and HYPERLINK formulas of an xlsx workbook (calamine reads only the text
        they show). Empty for other formats."""
        if not self.raw.data.startswith(ZIP_MAGIC):
            return {}
        self.prefetch_links(sheet)
        return self._links[sheet].result()


def _tidy_cells(values: pd.Series) -> pd.Series:
    """One column of sheet cells as people read them: empty text missing, whole-number floats
    as ints (so 12345 stays "12345" as text), other cells as they are.

    >>> _tidy_cells(pd.Series([12345.0, 1e300, "", "x"], dtype=object)).tolist()
    [12345, 1e+300, nan, 'x']
    """
    cells = values.to_numpy()
    empty = cells == ""
    if empty.any():
        cells = cells.copy()
        cells[empty] = np.nan
        values = pd.Series(cells, index=values.index, dtype=object, name=values.name)
    # Most columns hold text alone: pandas' C type inference says so faster than a look at
    # each cell's type.
    if pd.api.types.infer_dtype(cells, skipna=True) in ("string", "empty"):
        return values
    floats = values.map(type, na_action="ignore").isin([float])
    if floats.any():
        numbers = values[floats].astype("float64")
        # Only where int64 holds them: a 1e300 stays a float, not -9223372036854775808.
        whole = (numbers == np.floor(numbers)) & np.isfinite(numbers) & (numbers.abs() < 2**63)
        if whole.any():
            values = values.copy()
            values[whole[whole].index] = numbers[whole].astype("int64").astype(object)
    return values


def _unreadable(raw: RawFile, exc: Exception) -> SpreadsheetError:
    return SpreadsheetError(
        "the workbook could not be read; it may be damaged. Open it in Excel or LibreOffice, "
        f"save it again and import the new copy. (Details: {str(exc)[:200]})", file=raw.name)
