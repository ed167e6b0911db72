"""A private PostgreSQL 15 cluster for one test that restarts or stops its server
(the shared test cluster of scripts/with-postgres.sh serves other test processes and
is never restarted). Like that script: a temporary folder, a Unix socket, no TCP, the
``postgres`` system user when run as root (initdb refuses root)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

PGBIN = Path(os.environ.get("PGBIN") or "/usr/lib/postgresql/15/bin")


class PrivateCluster:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="md-pg-private-"))
        self.dir.chmod(0o755)
        self._as_pg: list[str] = []
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            self._as_pg = ["runuser", "-u", "postgres", "--"]
        self._pg("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                 "--locale=C.UTF-8")
        self.start()
        self._pg("createdb", "-h", str(self.dir), "-U", "postgres", "shop")

    @property
    def data(self) -> Path:
        return self.dir / "data"

    def url(self, database: str = "shop") -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.dir}"

    def _pg(self, tool: str, *args: str) -> None:
        subprocess.run([*self._as_pg, str(PGBIN / tool), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)

    def _ctl(self, action: str, *extra: str) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "server.log"), "-w",
                 *extra, action)

    def start(self) -> None:
        self._ctl("start", "-o", f"-c listen_addresses='' -c unix_socket_directories='{self.dir}' "
                  "-c fsync=off -c full_page_writes=off")

    def restart(self) -> None:
        """``pg_ctl restart -m fast``: every connection is cut, the server comes back."""
        self._ctl("restart", "-m", "fast")

    def stop(self) -> None:
        self._ctl("stop", "-m", "fast")

    def close(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._ctl("stop", "-m", "immediate")
        shutil.rmtree(self.dir, ignore_errors=True)
