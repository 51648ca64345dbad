"""Outcomes: what works, by source, role and month (not built yet)."""

from ui.shell import not_built, page_setup

page_setup("Outcomes")
not_built("This page will compare response, interview and offer rates by source, role and "
          "month, each with its sample size and a 95% interval.")
