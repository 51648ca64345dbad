"""Response times: how long employers take to reply (not built yet)."""

from ui.shell import not_built, page_setup

page_setup("Response times")
not_built("This page will show the share of applications that heard back by each day, with "
          "applications still waiting counted honestly, split by source, and how likely a reply "
          "still is after some days of silence.")
