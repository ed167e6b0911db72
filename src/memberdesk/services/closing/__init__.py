"""The day close (日结): it seals the day report of a store's business date (read by
:mod:`memberdesk.services.reporting`) under a number, then makes the automatic backup
(:mod:`memberdesk.services.backup`). It sits above both, the one writer that reads a
report."""
