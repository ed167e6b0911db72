"""A till process sending its offline queue, for the kill -9 test
(tests/pg/test_offline_sales.py):

    python -m tests.pg.offline_sender URL DATA_DIR

opens the server with the till's data folder (its queue file and audit key), prints
"ready", then sends the queue, printing "= CLIENT_ID" when the server has committed a
sale and before the queue marks it sent (then waiting a little: the test kills it
there), until it is killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from memberdesk.db import Database
from memberdesk.paths import DataPaths
from memberdesk.services.offline import send


def main(url: str, data_dir: str) -> None:
    db = Database.open(DataPaths(Path(data_dir)), url)
    real = send.checkout

    def slow_checkout(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        print(f"= {args[2].client_id}", flush=True)  # type: ignore[attr-defined]
        time.sleep(0.2)  # between the server's commit and the queue's mark
        return result

    send.checkout = slow_checkout  # type: ignore[assignment]

    print("ready", flush=True)
    send.send_queue(db)
    print("done", flush=True)
    time.sleep(60)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
