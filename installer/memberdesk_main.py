"""Entry point of the frozen MemberDesk: the same as the ``memberdesk`` command.

PyInstaller freezes this file twice (installer/memberdesk.spec): as the windowed
``MemberDesk`` executable and as the console ``memberdesk-cli``. A windowed
Windows program has no stdout/stderr (``None``); they go to the null device so a
stray print or ``--help`` cannot crash it.
"""

import os
import sys

if __name__ == "__main__":
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115

    # A child process of the daily jobs (services/jobs/child.py) starts this same
    # executable: freeze_support() runs the child's work there and exits.
    import multiprocessing

    multiprocessing.freeze_support()

    from memberdesk.cli import main

    sys.exit(main())
