"""Follow-ups: what to do today after each interview (not built yet)."""

from ui.shell import not_built, page_setup

page_setup("Follow-ups")
not_built("This page will list, every morning, the notes to write, thank-you notes to send and "
          "follow-ups that are due, with drafted messages.")
