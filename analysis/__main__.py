"""``python -m analysis``: the same command line as ``jobsearch``."""

import sys

from analysis.cli import main

sys.exit(main())
