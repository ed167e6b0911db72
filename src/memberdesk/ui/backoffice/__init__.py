"""The back office (F8, issue 6): day close, reports, backup and restore, in one
window (:mod:`.window`) with a page each. Reports are opened, shown and exported
by worker-side jobs (:mod:`.jobs`); exports and backups run on a worker of their
own (:mod:`.long_jobs`) so the counter stays responsive."""
