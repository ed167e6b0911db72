"""``memberdesk reader test``: is the card reader working, and whose card is this?

Lists the PC/SC readers, then prints one line per card presented until the
timeout: the card's canonical UID and the member it belongs to (phone masked, as
a cashier sees it), or that the card is unknown or reported lost. Reader
hot-plugging and unreadable cards are printed too.
"""

from __future__ import annotations

import argparse
import queue
import time
from typing import TYPE_CHECKING, Any

from .common import CliError, add_command, lang, opened_db, user_errors

if TYPE_CHECKING:
    from memberdesk.hardware.reader_events import ReaderEvent
    from memberdesk.services.members.lookup import LookupResult

_TEXT = {
    "readers": ("读卡器：", "readers:"),
    "no_reader": ("没有连接读卡器（插入后会显示）", "no card reader connected (plug one in)"),
    "no_service": (
        "读卡服务不可用（PC/SC / pcscd 未运行？）",
        "no PC/SC service (is pcscd running?)",
    ),
    "waiting": ("请刷卡……", "present a card..."),
    "waiting_until": ("请刷卡（{s} 秒内）……", "present a card (within {s} s)..."),
    "added": ("读卡器已连接：{r}", "reader connected: {r}"),
    "removed": ("读卡器已断开：{r}", "reader disconnected: {r}"),
    "read_error": ("读卡失败（{r}）：{m}", "could not read the card ({r}): {m}"),
    "unknown": ("未知卡", "unknown card"),
    "lost": ("已挂失", "card reported lost"),
    "replaced": ("已挂失（已补新卡）", "card reported lost (replaced by a new card)"),
    "void": ("未知卡（已作废）", "unknown card (void)"),
    "service_lost": ("读卡服务中断：{m}", "PC/SC service unavailable: {m}"),
    "done": ("共读到 {n} 张卡", "{n} card(s) read"),
}


def _t(key: str, **params: object) -> str:
    zh, en = _TEXT[key]
    return (en if lang() == "en" else zh).format(**params)


def card_line(uid: str, result: LookupResult) -> str:
    """One line of output for a card that was read."""
    from memberdesk.services.members.lookup import LookupOutcome

    hit = result.member
    if hit is not None:
        return f"{uid}  {hit.member_no}  {hit.name}  {hit.phone or '-'}"
    owner = f" ({result.card_member_no})" if result.card_member_no else ""
    what = {
        LookupOutcome.CARD_LOST: _t("lost") + owner,
        LookupOutcome.CARD_REPLACED: _t("replaced") + owner,
        LookupOutcome.CARD_VOID: _t("void"),
    }.get(result.outcome, _t("unknown"))
    return f"{uid}  {what}"


def _describe(event: ReaderEvent, initial: set[str], db: Any) -> tuple[str | None, bool]:
    """(line to print or None, whether a card was read)."""
    from memberdesk.hardware.reader_events import (
        CardInserted,
        ReaderAdded,
        ReaderRemoved,
        ReadError,
        ReaderStatus,
        StatusChanged,
    )
    from memberdesk.services.members.lookup import identify_card

    if isinstance(event, CardInserted):
        return card_line(event.uid, identify_card(db, event.uid)), True
    if isinstance(event, ReadError):
        return _t("read_error", r=event.reader, m=event.message), False
    if isinstance(event, ReaderAdded):
        if event.reader in initial:
            initial.discard(event.reader)
            return None, False
        return _t("added", r=event.reader), False
    if isinstance(event, ReaderRemoved):
        return _t("removed", r=event.reader), False
    if isinstance(event, StatusChanged) and event.status is ReaderStatus.NO_SERVICE:
        return _t("service_lost", m=event.detail), False
    return None, False


@user_errors
def cmd_test(args: argparse.Namespace) -> int:
    from memberdesk.hardware.pcsc_api import PcscError, PcscServiceUnavailable, list_readers
    from memberdesk.hardware.pcsc_reader import PcscReaderService

    with opened_db(args) as db:
        try:
            readers = list_readers()
        except PcscServiceUnavailable as exc:
            raise CliError(f"{_t('no_service')}: {exc}", 2) from exc
        except PcscError as exc:
            raise CliError(str(exc), 2) from exc
        print(_t("readers"), flush=True)
        for name in readers:
            print(f"  {name}", flush=True)
        if not readers:
            print(f"  {_t('no_reader')}", flush=True)
        timeout = float(args.timeout)
        print(_t("waiting_until", s=f"{timeout:g}") if timeout > 0 else _t("waiting"), flush=True)
        events: queue.Queue[ReaderEvent] = queue.Queue()
        deadline = time.monotonic() + timeout if timeout > 0 else None
        initial, cards = set(readers), 0
        with PcscReaderService(events.put, retry_interval=1.0):
            while deadline is None or (left := deadline - time.monotonic()) > 0:
                try:
                    event = events.get(timeout=0.5 if deadline is None else min(left, 0.5))
                except queue.Empty:
                    continue
                line, was_card = _describe(event, initial, db)
                if line is not None:
                    print(line, flush=True)
                cards += was_card
                if args.cards and cards >= args.cards:
                    break
    print(_t("done", n=cards), flush=True)
    return 0


def register(sub: Any) -> None:
    reader = sub.add_parser("reader", help="card reader diagnostics")
    rsub = reader.add_subparsers(dest="reader_command", metavar="ACTION", required=True)
    p = add_command(
        rsub, "test", "list the PC/SC readers and show whose card is presented", cmd_test
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="how long to wait for cards (default 30; 0 = until Ctrl-C)",
    )
    p.add_argument(
        "--cards",
        type=int,
        default=0,
        metavar="N",
        help="stop after N cards (default: wait for the timeout)",
    )
