"""``python -m memberdesk`` — the same as the ``memberdesk`` command."""

import sys

from memberdesk.cli import main

sys.exit(main())
