"""The real app in headless Chromium: what AppTest cannot see (the real uploader, drawn pages)."""

from __future__ import annotations

import pytest
from conftest import csv_bytes

pytestmark = pytest.mark.browser
SETTLED = "[data-testid='stApp'][data-test-script-state='notRunning']"


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
    links = page.get_by_test_id("stSidebarNavLink")
    names = [links.nth(i).inner_text().split("\n")[-1] for i in range(links.count())]
    assert names == ["Overview", "Response times", "Outcomes", "Follow-ups", "Offers", "Data",
                     "Reports"]
    for name in names:
        page.get_by_test_id("stSidebarNavLink").filter(has_text=name).click()
        page.get_by_role("heading", name=name, exact=True).wait_for(timeout=20_000)
        page.wait_for_selector(SETTLED, timeout=30_000)
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
        nav = page.get_by_test_id("stSidebarNav").inner_text()
        assert "Analyse" in nav and "Response times" in nav
        assert "dashboard" not in nav


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
