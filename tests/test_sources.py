"""Bytes to grids of cells (analysis.reading.sources): which reader a file needs, its text
encoding and delimiter, CSV grids that keep the user's line numbers, workbook sheets, and the
files refused before anything is read."""

from __future__ import annotations

import codecs
import io
import zipfile

import pandas as pd
import pytest
from conftest import csv_bytes, xlsx_bytes

from analysis.reading.sources import (
    MAX_FILE_BYTES,
    RawFile,
    SpreadsheetError,
    Workbook,
    decode_text,
    linkedin_job_files,
    read_csv_grid,
    read_source,
    sniff_delimiter,
    sniff_format,
)


@pytest.mark.parametrize(("data", "kind"), [
    (b"Company,Role\nAcme,Analyst\n", "csv"),
    (codecs.BOM_UTF8 + b"Company;Role\n", "csv"),
    (xlsx_bytes({"Jobs": [["Company"], ["Acme"]]}), "xlsx"),
])
def test_the_reader_is_chosen_from_the_bytes_not_the_name(data, kind):
    assert sniff_format(RawFile("tracker.bin", data)) == kind


@pytest.mark.parametrize(("data", "says"), [
    (b"", "the file is empty"),
    (codecs.BOM_UTF8, "the file is empty"),
    (b"%PDF-1.7 ...", "a PDF document, not a spreadsheet"),
    (b"\x89PNG\r\n\x1a\n...", "a PNG image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"),
     "password-protected"),
])
def test_what_cannot_be_read_is_named(data, says):
    with pytest.raises(SpreadsheetError, match=says) as raised:
        sniff_format(RawFile("resume.xlsx", data))
    assert raised.value.file == "resume.xlsx"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.seek(MAX_FILE_BYTES + 1)
        out.write(b"\0")
    with pytest.raises(SpreadsheetError, match="above the 200 MB"):
        read_source(path)


@pytest.mark.parametrize(("encoding", "text"), [
    ("utf-8", "Société,Müller\n"), ("utf-8-sig", "Société,Müller\n"),
    ("utf-16", "Société,Müller\n"), ("cp1252", "Société,Müller – €\n"),
])
def test_text_encodings_people_save_in(encoding, text):
    decoded, used = decode_text(RawFile("t.csv", text.encode(encoding)))
    assert decoded.lstrip("\ufeff") == text and used


@pytest.mark.parametrize(("text", "delimiter"), [
    ("Company,Role\nAcme,Analyst\n", ","), ("Company;Role\nAcme, Inc.;Analyst\n", ";"),
    ("Company\tRole\nAcme\tAnalyst\n", "\t"), ("Company|Role\nAcme|Analyst\n", "|"),
])
def test_the_delimiter_that_splits_lines_alike(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_a_csv_grid_keeps_blank_lines_so_rows_keep_their_numbers():
    grid, how = read_csv_grid(RawFile("t.csv", b"Company,Role\n\nAcme,Analyst\n"))
    assert grid.iloc[2].tolist() == ["Acme", "Analyst"]
    assert how == "CSV, comma-separated, utf-8"


def test_a_ragged_csv_is_read_whole():
    grid, _ = read_csv_grid(RawFile("t.csv", b"Company,Role\nAcme,Analyst,extra,cells\nB\n"))
    assert grid.shape == (3, 4) and grid.iloc[1, 3] == "cells"


def test_a_workbook_gives_each_sheet_as_a_grid():
    book = Workbook(RawFile("t.xlsx", xlsx_bytes({"Notes": [["x"]],
                                                  "Jobs": [["Company"], ["Acme"]]})))
    assert book.sheet_names == ["Notes", "Jobs"]
    assert book.grid("Jobs").iloc[1, 0] == "Acme"


def test_linkedins_export_gives_its_job_files_only():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Jobs/Job Applications_1.csv", csv_bytes([["Company Name"], ["A"]]))
        archive.writestr("Jobs/Job Applications_2.csv", csv_bytes([["Company Name"], ["B"]]))
        archive.writestr("Jobs/Saved Jobs.csv", csv_bytes([["Company Name"], ["C"]]))
        archive.writestr("Connections.csv", b"First Name\nAna\n")
    applied, saved = linkedin_job_files(RawFile("Basic_LinkedInDataExport.zip",
                                                buffer.getvalue()))
    assert [f.name.split("/", 1)[1] for f in applied] == ["Jobs/Job Applications_1.csv",
                                                          "Jobs/Job Applications_2.csv"]
    assert saved is not None and pd.read_csv(io.BytesIO(saved.data)).iloc[0, 0] == "C"
