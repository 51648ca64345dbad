"""Reports: exports for yourself, a coach or an unemployment office (not built yet)."""

from ui.shell import not_built, page_setup

page_setup("Reports")
not_built("This page will export an Excel report, a self-contained HTML report, an application "
          "log and calendar reminders.")
