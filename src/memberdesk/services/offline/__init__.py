"""Cash sales while the database server is gone (网络版 only): a local copy of the
catalogue, walk-in cash sales queued in a local file, and sending them in order through
the checkout when the server is back. A shop on its own SQLite file never uses this."""
