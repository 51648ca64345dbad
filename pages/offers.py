"""Offers: weighted comparison of job offers (not built yet)."""

from ui.shell import not_built, page_setup

page_setup("Offers")
not_built("This page will compare your offers with weighted criteria and say how sure the "
          "ranking is.")
