"""`python -m geo` runs the command line."""

import sys

from geo.cli import main

sys.exit(main())
