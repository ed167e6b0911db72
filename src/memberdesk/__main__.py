"""``python -m memberdesk`` — the same as the ``memberdesk`` command."""

import sys

from memberdesk.cli import main

if __name__ == "__main__":  # (not again in a child process of the daily jobs)
    sys.exit(main())
