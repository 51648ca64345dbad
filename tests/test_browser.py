"""The real app in headless Chromium: what AppTest cannot see (the real uploader, drawn pages)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import csv_bytes

pytestmark = pytest.mark.browser
SETTLED = "[data-testid='stApp'][data-test-script-state='notRunning']"
NAV_LINK = "[data-testid='stSidebar'] [data-testid='stPageLink-NavLink']"


def nav_names(page) -> list[str]:
    """The page names in the sidebar navigation (a link's text starts with its icon's name)."""
    links = page.locator(NAV_LINK)
    return [links.nth(i).inner_text().split("\n")[-1] for i in range(links.count())]


def go_to(page, name: str, *, timeout: int = 20_000) -> None:
    # The link's text starts with its icon's name ("mark_email_unread" holds "mail"): pick
    # the link by its title alone.
    page.locator(NAV_LINK).nth(nav_names(page).index(name)).click()
    page.get_by_role("heading", name=name, exact=True).wait_for(timeout=timeout)
    page.wait_for_selector(SETTLED, timeout=30_000)


def open_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.wait_for_selector(SETTLED, timeout=30_000)
    page.get_by_role("heading", name="Overview").first.wait_for(timeout=30_000)
    page.wait_for_selector(SETTLED, timeout=30_000)
    return page, errors


def test_upload_through_the_real_widget_shows_the_count(browser, app_url, tmp_path):
    """A user drags their CSV into the uploader and sees how many applications it holds."""
    rows = [["Company Name", "Job Title", "Status", "Date Applied"]] + [
        [f"Company {i}", "Analyst", "Applied", f"2025-03-{i:02d}"] for i in range(1, 24)]
    path = tmp_path / "my tracker.csv"
    path.write_bytes(csv_bytes(rows))
    page, errors = open_page(browser, app_url)
    with page.expect_file_chooser() as chooser:
        page.get_by_test_id("stFileUploaderDropzone").click()
    chooser.value.set_files(str(path))
    page.get_by_text("23 applications").first.wait_for(timeout=30_000)
    page.wait_for_selector(SETTLED, timeout=30_000)
    metric = page.get_by_test_id("stMetricValue").first.inner_text()
    assert metric == "23"
    assert page.get_by_test_id("stException").count() == 0
    assert not errors


def test_every_page_opens_without_an_error_box(browser, app_url):
    page, errors = open_page(browser, app_url)
    names = nav_names(page)
    assert names == ["Overview", "Response times", "Outcomes", "Follow-ups", "Interviews",
                     "Offers", "Plan", "Data", "Mail", "Reports"]
    assert page.get_by_test_id("stSidebarNav").count() == 0  # Streamlit's own menu is hidden
    for name in names:
        go_to(page, name)
        assert page.get_by_test_id("stException").count() == 0, name
    assert not errors


def test_a_bookmarked_page_opens_inside_the_navigation_on_a_fresh_server(browser):
    """Opening /data first after the server starts still shows the dashboard's navigation."""
    from conftest import serve_dashboard

    with serve_dashboard() as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/data")
        page.get_by_role("heading", name="Data").first.wait_for(timeout=30_000)
        page.wait_for_selector(SETTLED, timeout=30_000)
        nav = page.get_by_test_id("stSidebar").inner_text()
        assert "Analyse" in nav and "Response times" in nav
        assert "dashboard" not in nav_names(page)


def test_an_edit_survives_a_reload(browser, tmp_path):
    """A user corrects a cell in the data editor, reloads the page: the change is still there."""
    from conftest import serve_dashboard

    rows = [["Company", "Role", "Status", "Date applied"],
            ["Acme", "Analyst", "Applied", "2025-03-01"],
            ["Globex", "Engineer", "Rejected", "2025-03-04"]]
    path = tmp_path / "tracker.csv"
    path.write_bytes(csv_bytes(rows))
    with serve_dashboard(tmp_path / "workspace.sqlite3") as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.goto(f"{url}/data")
        page.wait_for_selector(SETTLED, timeout=30_000)
        with page.expect_file_chooser() as chooser:
            page.get_by_test_id("stFileUploaderDropzone").click()
        chooser.value.set_files(str(path))
        page.get_by_text("2 applications").first.wait_for(timeout=30_000)
        page.wait_for_selector(SETTLED, timeout=30_000)
        grid = page.get_by_test_id("stMain").get_by_test_id("stDataFrameResizable").first
        grid.scroll_into_view_if_needed()
        page.wait_for_timeout(1000)  # the grid draws on a canvas after the script settles
        box = grid.bounding_box()
        # Past the row-selection column, on the first row under the header: Company of Acme.
        page.mouse.dblclick(box["x"] + 100, box["y"] + 35 + 17)
        cell_editor = page.locator("textarea.gdg-input")
        cell_editor.wait_for(timeout=10_000)
        cell_editor.fill("Acme Corp")
        cell_editor.press("Enter")
        # The restore picker appears once there is a version to go back to.
        page.get_by_text("Version to bring back").first.wait_for(timeout=30_000)
        page.reload()
        page.wait_for_selector(SETTLED, timeout=30_000)
        page.get_by_text("2 applications").first.wait_for(timeout=30_000)
        with page.expect_download() as download:
            page.get_by_role("button", name="CSV", exact=True).click()
        content = download.value.path().read_text(encoding="utf-8-sig")
        assert "Acme Corp,Analyst" in content.replace('"', "")
        assert page.get_by_test_id("stException").count() == 0


REPORT_DOWNLOADS = ("Excel report (.xlsx)", "HTML report (.html)", "Application log (.xlsx)",
                    "Application log (.html, printable)", "Applications (.csv)",
                    "Follow-ups (.csv)", "Calendar reminders (.ics)", "Blank tracker (.xlsx)")


def test_end_to_end_with_hostile_text_every_page_and_every_download(browser, tmp_path):
    """The app as the README starts it: a file full of script and formula text is uploaded,
    every page is visited (each settles within 10 s, no dialog opens, no error box), and every
    export downloads and reads back."""
    import csv
    import datetime as dt
    import io
    import time

    import openpyxl
    from conftest import ROOT, serve_dashboard
    from corpus import XSS
    from icalendar import Calendar

    sample = list(csv.reader(io.StringIO((ROOT / "data" / "sample.csv").read_text())))
    header = sample[0]
    recent = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    hostile = []
    for text in XSS:
        row = dict.fromkeys(header, "")
        row.update({"Company": text, "Role": text, "Status": "Interviewing", "Notes": text,
                    "Date applied": recent, "Interview date": recent, "Job URL": text,
                    "Contact name": text})
        hostile.append([row[h] for h in header])
    path = tmp_path / "tracker.csv"
    path.write_bytes(csv_bytes([header, *sample[1:], *hostile]))
    total = len(sample) - 1 + len(hostile)

    with serve_dashboard(tmp_path / "workspace.sqlite3") as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        dialogs: list[str] = []
        errors: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url)
        page.wait_for_selector(SETTLED, timeout=30_000)
        with page.expect_file_chooser() as chooser:
            page.get_by_test_id("stFileUploaderDropzone").click()
        chooser.value.set_files(str(path))
        page.get_by_text(f"{total} applications").first.wait_for(timeout=30_000)

        downloads: dict[str, bytes] = {}
        for name in nav_names(page):
            started = time.monotonic()
            go_to(page, name, timeout=10_000)
            assert time.monotonic() - started < 10, f"{name} took over 10 s"
            assert page.get_by_test_id("stException").count() == 0, name
            if name == "Follow-ups":
                # Hostile text is shown as text, never run, and its address is no link.
                assert page.get_by_text(XSS[0]).count() > 0
                assert page.get_by_text("evil").count() > 0
                assert page.locator("a[href*='evil']").count() == 0
                for label in ("Calendar (.ics)", "Table (.csv)"):
                    with page.expect_download() as download:
                        page.get_by_role("button", name=label).click()
                    downloads[label] = download.value.path().read_bytes()
            if name == "Reports":
                for label in REPORT_DOWNLOADS:
                    with page.expect_download() as download:
                        page.get_by_role("button", name=label, exact=True).click()
                    downloads[label] = download.value.path().read_bytes()
            if name == "Data":
                for label in ("Excel workbook (.xlsx)", "CSV"):
                    with page.expect_download() as download:
                        page.get_by_role("button", name=label, exact=True).click()
                    downloads[label] = download.value.path().read_bytes()
        assert not dialogs, dialogs
        assert not errors, errors

    events = Calendar.from_ical(downloads["Calendar (.ics)"]).walk("VEVENT")
    assert len(events) >= len(XSS)
    for label in ("Table (.csv)", "CSV", "Applications (.csv)", "Follow-ups (.csv)"):
        rows = list(csv.reader(io.StringIO(downloads[label].decode("utf-8-sig"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    workbook = openpyxl.load_workbook(io.BytesIO(downloads["Excel workbook (.xlsx)"]))
    sheet = workbook["Applications"]
    assert [c.value for c in sheet[1]][:3] == header[:3]
    assert sheet.max_row == total + 1
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert not formulas
    for label in ("Excel report (.xlsx)", "Application log (.xlsx)", "Blank tracker (.xlsx)"):
        workbook = openpyxl.load_workbook(io.BytesIO(downloads[label]))
        assert not [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row
                    if c.data_type == "f"], label
    report = openpyxl.load_workbook(io.BytesIO(downloads["Excel report (.xlsx)"]))
    assert report["Applications"].max_row == total + 1
    assert XSS[0] in [c.value for c in report["Applications"]["A"]]
    for label in ("HTML report (.html)", "Application log (.html, printable)"):
        html = downloads[label].decode("utf-8")
        assert "<script src" not in html and XSS[0] not in html, label
    assert "Offers" in openpyxl.load_workbook(io.BytesIO(downloads["Blank tracker (.xlsx)"]))\
        .sheetnames


SERIOUS = ("serious", "critical")

# Text whose colour, after every opacity above it (Streamlit fades captions to 60%), is under
# WCAG AA against the first opaque background behind it: axe-core leaves faded text out.
FAINT_TEXT = (Path(__file__).parent / "faint_text.js").read_text(encoding="utf-8")


def faint_text(page) -> list[str]:
    """Each text under 4.5:1 (3:1 when large) as seen, with its contrast."""
    return page.evaluate(FAINT_TEXT)


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is drawn, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_timeout(500)  # charts and grids draw after the script settles
    found = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {node['target']} {node.get('failureSummary', '')}"
            for v in found if v["impact"] in SERIOUS for node in v["nodes"]]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_no_serious_accessibility_violation_on_any_page(browser, tmp_path, theme):
    """axe-core (the engine behind Lighthouse's audit) finds no serious or critical problem on
    any page, in the light and the dark theme, with the sample data and after an upload; no
    text is faded under 4.5:1 either (a caption in the sidebar, a white label on a light
    button)."""
    from conftest import serve_dashboard

    rows = [["Company", "Role", "Status", "Date applied", "First response", "Interview date"]]
    rows += [[f"Company {i}", "Analyst", status, f"2026-09-{i:02d}",
              f"2026-09-{i + 3:02d}" if status != "Applied" else "",
              f"2026-09-{i + 8:02d}" if status in ("Interviewing", "Offer") else ""]
             for i, status in enumerate(["Applied", "Rejected", "Interviewing", "Offer",
                                         "Applied", "Rejected"] * 4, start=1)]
    path = tmp_path / "tracker.csv"
    path.write_bytes(csv_bytes(rows))
    with serve_dashboard(tmp_path / "workspace.sqlite3") as url:
        context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                      color_scheme=theme)
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector(SETTLED, timeout=30_000)
        problems: dict[str, list[str]] = {}
        for data in ("sample", "upload"):
            if data == "upload":
                with page.expect_file_chooser() as chooser:
                    page.get_by_test_id("stFileUploaderDropzone").click()
                chooser.value.set_files(str(path))
                page.get_by_text(f"{len(rows) - 1} applications").first.wait_for(timeout=30_000)
            for name in nav_names(page):
                go_to(page, name)
                found = serious_violations(page) + faint_text(page)
                if found:
                    problems[f"{data}, {name}"] = found
        context.close()
    assert not problems, problems
