"""A private ``pcscd`` with the vsmartcard ``vpcd`` driver, for real PC/SC tests.

``PcscdProcess`` runs ``pcscd --foreground -c <private reader.conf.d>`` as a child
process whose configuration holds only the vpcd reader (so no serial driver is
probed), waits until the reader "Virtual PCD 00 00" is listed, and stops it again;
it can be stopped and started repeatedly (restart tests). Only one test session at a
time can own pcscd (one socket, ``/run/pcscd/pcscd.comm``, and one vpcd port), so
the helper holds an inter-process lock from ``start()`` to ``close()``.

A pcscd managed by systemd (``pcscd.socket`` activation) is stopped for the session
and started again by ``close()`` when we are root; any other running pcscd is
reported as :class:`PcscStackUnavailable`. A pcscd left behind by an earlier,
killed test run (recognised by the marker in its command line) is killed.

Debian set-up: ``apt-get install pcscd vsmartcard-vpcd libpcsclite-dev`` (and
``pcsc-tools`` for ``pcsc_scan``); tests run as root (pcscd needs ``/run/pcscd``).
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any, NoReturn

VPCD_READER = "Virtual PCD 00 00"
VPCD_PORT = 35963
VPCD_PORTS = (35963, 35964)
MARKER = "memberdesk-test-pcscd"
LOCK_PATH = Path(tempfile.gettempdir()) / f"{MARKER}.lock"

_DRIVER_CANDIDATES = (
    "/usr/lib/pcsc/drivers/serial/libifdvpcd.so",
    "/usr/lib64/pcsc/drivers/serial/libifdvpcd.so",
    "/usr/local/lib/pcsc/drivers/serial/libifdvpcd.so",
    "/usr/lib/x86_64-linux-gnu/pcsc/drivers/serial/libifdvpcd.so",
    "/usr/lib/aarch64-linux-gnu/pcsc/drivers/serial/libifdvpcd.so",
)
_READER_CONF_DIR = Path("/etc/reader.conf.d")
_SCARD_SCOPE_USER = 0


class PcscStackUnavailable(RuntimeError):
    """pcscd, the vpcd driver or pyscard is missing, or pcscd cannot be started."""


def skip_or_fail(reason: str) -> NoReturn:
    """Skip the test, or fail it when ``CI=true`` (in CI nothing may skip)."""
    import pytest

    if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
        pytest.fail(f"PC/SC test stack unavailable in CI: {reason}", pytrace=False)
    pytest.skip(f"PC/SC test stack unavailable: {reason}")


def started_pcscd() -> Iterator[PcscdProcess]:
    """The body of a module-scoped fixture (``yield from started_pcscd()``): a
    running pcscd with the vpcd reader, closed afterwards; skips (fails with
    ``CI=true``) when the stack is missing."""
    daemon = PcscdProcess()
    try:
        daemon.start()
    except PcscStackUnavailable as exc:
        daemon.close()
        skip_or_fail(str(exc))
    try:
        yield daemon
    finally:
        daemon.close()


# -- environment discovery ------------------------------------------------------------


def find_pcscd() -> str:
    found = shutil.which("pcscd") or next(
        (p for p in ("/usr/sbin/pcscd", "/sbin/pcscd") if os.access(p, os.X_OK)), None
    )
    if not found:
        raise PcscStackUnavailable("pcscd not found (Debian package: pcscd)")
    return found


def find_vpcd_driver() -> str:
    """Path of the vpcd IFD handler, from /etc/reader.conf.d or the usual places."""
    candidates: list[str] = []
    if _READER_CONF_DIR.is_dir():
        for conf in sorted(_READER_CONF_DIR.iterdir()):
            with contextlib.suppress(OSError, UnicodeDecodeError):
                for line in conf.read_text().splitlines():
                    match = re.match(r"\s*LIBPATH\s+(\S*vpcd\S*)", line)
                    if match:
                        candidates.append(match.group(1))
    candidates.extend(_DRIVER_CANDIDATES)
    for path in candidates:
        if os.path.exists(path):
            return path
    for path in candidates:  # only a versioned file (libifdvpcd.so.0.8)?
        versioned = sorted(Path(path).parent.glob(Path(path).name + ".*"))
        if versioned:
            return str(versioned[-1])
    raise PcscStackUnavailable(
        "vpcd driver libifdvpcd.so not found (Debian package: vsmartcard-vpcd)"
    )


def _scard() -> Any:
    try:
        from smartcard import scard
    except Exception as exc:  # pragma: no cover - depends on the machine
        raise PcscStackUnavailable(f"pyscard unavailable: {exc}") from exc
    return scard


def list_readers_now() -> list[str] | None:
    """Readers listed by the running pcscd, or None when no pcscd answers."""
    scard = _scard()
    hr, ctx = scard.SCardEstablishContext(_SCARD_SCOPE_USER)
    if hr != 0:
        return None
    try:
        hr, readers = scard.SCardListReaders(ctx, [])
        return [str(r) for r in readers] if hr == 0 else []
    finally:
        scard.SCardReleaseContext(ctx)


def wait_reader_empty(reader: str = VPCD_READER, timeout: float = 3.0) -> bool:
    """Wait until pcscd reports no card in ``reader`` (it polls vpcd every ~0.4 s).

    Insert the next virtual card only after this (or after the removal event): a
    card inserted before pcscd noticed the previous removal looks to pcscd like the
    same card still lying there. True when empty, also when no pcscd answers.
    """
    scard = _scard()
    hr, ctx = scard.SCardEstablishContext(_SCARD_SCOPE_USER)
    if hr != 0:
        return True
    try:
        deadline = time.monotonic() + timeout
        current = 0  # SCARD_STATE_UNAWARE
        while (remaining := deadline - time.monotonic()) > 0:
            hr, states = scard.SCardGetStatusChange(
                ctx, max(1, int(remaining * 1000)), [(reader, current)]
            )
            if hr != 0 or not states:
                return bool(hr != 0x8010000A)  # a timeout means a card is still there
            event = int(states[0][1])
            if not event & 0x0020:  # SCARD_STATE_PRESENT
                return True
            current = event & ~0x0002  # without SCARD_STATE_CHANGED
        return False
    finally:
        scard.SCardReleaseContext(ctx)


def socket_path() -> Path:
    return Path(os.environ.get("PCSCLITE_CSOCK_NAME", "/run/pcscd/pcscd.comm"))


def listening_ports() -> set[int]:
    """TCP ports in LISTEN state, read from /proc (never by connecting)."""
    ports: set[int] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if len(fields) > 3 and fields[3] == "0A":
                    ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


def _pcscd_processes() -> Iterator[tuple[int, str]]:
    """(pid, command line) of every live (non-zombie) pcscd process."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() != "pcscd":
                continue
            stat = (entry / "stat").read_text()
            if stat.rsplit(")", 1)[1].split()[0] == "Z":
                continue
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
        except OSError:
            continue
        yield int(entry.name), cmdline


def _systemd_units_active() -> list[str]:
    if not shutil.which("systemctl") or not Path("/run/systemd/system").is_dir():
        return []
    active = []
    for unit in ("pcscd.socket", "pcscd.service"):
        result = subprocess.run(
            ["systemctl", "is-active", "--quiet", unit], check=False, timeout=10
        )
        if result.returncode == 0:
            active.append(unit)
    return active


def _wait_until(predicate: Any, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


# -- the process ----------------------------------------------------------------------


class PcscdProcess:
    """A pcscd child process serving the vpcd virtual reader.

    >>> daemon = PcscdProcess()
    >>> daemon.start()          # waits until "Virtual PCD 00 00" is listed
    >>> daemon.stop(); daemon.start()   # a pcscd restart
    >>> daemon.close()          # stop, release the lock, restore a systemd pcscd
    """

    def __init__(
        self,
        *,
        startup_timeout: float = 10.0,
        lock_timeout: float = 120.0,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        self.startup_timeout = startup_timeout
        self.lock_timeout = lock_timeout
        self.extra_args = extra_args
        self._proc: subprocess.Popen[bytes] | None = None
        self._workdir: Path | None = None
        self._log: IO[bytes] | None = None
        self._lock_fd: int | None = None
        self._restore_units: list[str] = []
        self._atexit_registered = False

    # -- public -------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def log_text(self) -> str:
        if self._workdir is None:
            return ""
        with contextlib.suppress(OSError):
            return (self._workdir / "pcscd.log").read_text(errors="replace")
        return ""

    def start(self) -> None:
        """Start pcscd and wait until the vpcd reader is listed."""
        if self.running:
            return
        pcscd = find_pcscd()
        driver = find_vpcd_driver()
        _scard()
        self._acquire_lock()
        self._prepare_host()
        workdir = self._ensure_workdir(driver)
        self._log = open(workdir / "pcscd.log", "ab")  # noqa: SIM115 - closed in stop()
        self._proc = subprocess.Popen(
            [
                pcscd,
                "--foreground",
                "--info",
                "-c",
                str(workdir / "reader.conf.d"),
                *self.extra_args,
            ],
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if not self._atexit_registered:
            atexit.register(self.close)
            self._atexit_registered = True
        if not _wait_until(self._ready, self.startup_timeout):
            tail = self.log_text()[-2000:]
            self.stop()
            raise PcscStackUnavailable(
                f"pcscd did not list {VPCD_READER!r} within {self.startup_timeout:g} s; "
                f"pcscd log:\n{tail}"
            )

    def stop(self, timeout: float = 5.0) -> None:
        """Stop pcscd (SIGTERM, then SIGKILL) and wait until its socket and port close."""
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout)
            # anything else left in its session (it should not fork in --foreground)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            self._remove_stale_files()
            _wait_until(lambda: not (set(VPCD_PORTS) & listening_ports()), 3.0)
        if self._log is not None:
            self._log.close()
            self._log = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        """Stop pcscd, restore a systemd pcscd we stopped, release the session lock."""
        self.stop()
        for unit in reversed(self._restore_units):
            if unit.endswith(".socket"):
                subprocess.run(["systemctl", "start", unit], check=False, timeout=30)
        self._restore_units = []
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> PcscdProcess:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- internals ----------------------------------------------------------------

    def _ready(self) -> bool:
        if self._proc is None or self._proc.poll() is not None:
            raise PcscStackUnavailable(
                f"pcscd exited during start-up (is another pcscd running? root needed?); "
                f"log:\n{self.log_text()[-2000:]}"
            )
        if VPCD_PORT not in listening_ports():
            return False
        readers = list_readers_now()
        return readers is not None and VPCD_READER in readers

    def _acquire_lock(self) -> None:
        if self._lock_fd is not None:
            return
        fd = os.open(LOCK_PATH, os.O_RDWR | os.O_CREAT, 0o666)
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise PcscStackUnavailable(
                        f"another test session holds {LOCK_PATH} (its pcscd is in use)"
                    ) from None
                time.sleep(0.2)
        self._lock_fd = fd

    def _prepare_host(self) -> None:
        """Make room for our pcscd: stop systemd's, kill our strays, refuse others."""
        units = [u for u in _systemd_units_active() if u not in self._restore_units]
        if units:
            if os.geteuid() != 0:
                raise PcscStackUnavailable(
                    "a systemd-managed pcscd is active; run the tests as root or first: "
                    "sudo systemctl stop pcscd.socket pcscd.service"
                )
            subprocess.run(
                ["systemctl", "stop", "pcscd.socket", "pcscd.service"], check=False, timeout=30
            )
            self._restore_units.extend(units)
        for pid, cmdline in list(_pcscd_processes()):
            if MARKER in cmdline:  # left behind by an earlier, killed test run
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
                _wait_until(lambda pid=pid: not Path(f"/proc/{pid}").exists(), 3.0)
                self._remove_stale_files()
                stray_dir = re.search(rf"(\S*/{MARKER}-[^/\s]+)/reader\.conf\.d", cmdline)
                if stray_dir:
                    shutil.rmtree(stray_dir.group(1), ignore_errors=True)
        others = list(_pcscd_processes())
        if others:
            pid, cmdline = others[0]
            raise PcscStackUnavailable(
                f"another pcscd is running (pid {pid}: {cmdline}); stop it first "
                "(sudo systemctl stop pcscd.socket pcscd.service, or kill it)"
            )
        self._remove_stale_files()
        busy = set(VPCD_PORTS) & listening_ports()
        if busy:
            raise PcscStackUnavailable(f"TCP port(s) {sorted(busy)} already in use")

    def _ensure_workdir(self, driver: str) -> Path:
        if self._workdir is None:
            self._workdir = Path(tempfile.mkdtemp(prefix=f"{MARKER}-"))
        conf = self._workdir / "reader.conf.d"
        conf.mkdir(exist_ok=True)
        (conf / "vpcd").write_text(
            'FRIENDLYNAME "Virtual PCD"\n'
            f"DEVICENAME   /dev/null:0x{VPCD_PORT:04X}\n"
            f"LIBPATH      {driver}\n"
            f"CHANNELID    0x{VPCD_PORT:04X}\n"
        )
        return self._workdir

    @staticmethod
    def _remove_stale_files() -> None:
        """After a SIGKILL pcscd leaves its socket and pid file; remove them when no
        pcscd is alive (pcscd refuses to start while they exist)."""
        if any(True for _ in _pcscd_processes()):
            return
        sock = socket_path()
        for path in (sock, sock.with_name("pcscd.pid")):
            with contextlib.suppress(FileNotFoundError, PermissionError):
                path.unlink()
