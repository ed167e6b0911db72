"""``memberdesk restore``: what the restore takes back, printed before it happens
(the same figures as the back office's confirmation: ``services.backup.loss``), and
the typed confirmation on a terminal."""

from __future__ import annotations

import sys
from datetime import timedelta

from memberdesk.services.backup.loss import RestoreLoss


def _yuan(fen: int) -> str:
    return f"¥{fen / 100:,.2f}"


def _age(age: timedelta, zh: bool) -> str:
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} 分钟前" if zh else f"{minutes} min ago"
    if minutes < 48 * 60:
        return f"{minutes // 60} 小时前" if zh else f"{minutes // 60} h ago"
    return f"{minutes // (24 * 60)} 天前" if zh else f"{minutes // (24 * 60)} days ago"


def loss_text(loss: RestoreLoss, *, zh: bool) -> str:
    when = f"{loss.made_local:%Y-%m-%d %H:%M}"
    lines = [
        (f"备份 {loss.source.name}：制作于 {when}（门店时间，{_age(loss.age, zh)}）" if zh else
         f"backup {loss.source.name}: made {when} (shop time, {_age(loss.age, zh)})")
        + ("" if loss.from_manifest else ("，没有清单，按文件时间" if zh
                                          else ", no manifest: the file's time")),
    ]
    if loss.nothing_lost:
        lines.append("自这份备份以来没有记录销售、退款、充值、班次或日结，会员、商品、库存和设置"
                     "也没有变动，不会丢失记录" if zh
                     else "nothing is lost: no sales, refunds, recharges, shifts, day closes, "
                     "members, products, stock movements or settings were recorded or changed "
                     "since this backup")
    else:
        lines.append("恢复会撤销这份备份之后记录的以下数据：" if zh
                     else "the restore takes back what was recorded since this backup:")
        for count, total, zh_name, en_name in (
            (loss.sales, loss.sales_total.fen, "笔销售", "sale(s)"),
            (loss.refunds, loss.refunds_total.fen, "笔退款", "refund(s)"),
            (loss.recharges, loss.recharges_total.fen, "笔充值", "recharge(s)"),
        ):
            if count:
                lines.append(f"  {count} {zh_name if zh else en_name}, {_yuan(total)}")
        if loss.shifts:
            lines.append(f"  {loss.shifts} " + ("个班次" if zh else "shift(s)"))
        if loss.closes:
            dates = ", ".join(f"{c.business_date.isoformat()} (No. {c.close_no})"
                              for c in loss.closes)
            lines.append(f"  {len(loss.closes)} " + ("个已封存的日结" if zh
                                                     else "sealed day close(s)") + f": {dates}")
        lines += _record_lines(loss, zh)
    lines.append(f"恢复前会先把当前数据另存为一份备份（{loss.keep_folder}，“恢复前”）" if zh
                 else f"the current data is saved first as a backup in {loss.keep_folder} "
                 "(\"pre-restore\"): restore that file to get it back")
    return "\n".join(lines)


def _record_lines(loss: RestoreLoss, zh: bool) -> list[str]:
    r = loss.records
    rows = (
        ("会员", "members", ((r.members_new, "新登记 {n} 位", "{n} registered"),
                            (r.members_changed, "资料修改 {n} 位", "{n} edited"))),
        ("商品", "products", ((r.products_new, "新增 {n} 个", "{n} added"),
                             (r.products_changed, "修改 {n} 个", "{n} changed"))),
        ("库存", "stock", ((r.stock_moves, "{n} 笔变动（入库、盘点、调拨等）",
                           "{n} movement(s) (received, counted, transferred)"),)),
        ("设置", "settings", ((r.settings_changed, "修改 {n} 项", "{n} changed"),)),
    )
    lines = []
    for zh_name, en_name, parts in rows:
        said = [(z if zh else e).format(n=n) for n, z, e in parts if n]
        if said:
            lines.append(f"  {zh_name}：{'，'.join(said)}" if zh
                         else f"  {en_name}: {', '.join(said)}")
    return lines


def confirmed() -> bool:
    """On a terminal: the owner types yes (or 是). Without one the password given on
    standard input is the confirmation, as before."""
    if sys.stdin is None or not sys.stdin.isatty():
        return True
    answer = input("确定恢复吗？输入 yes 或 是 / restore? type yes: ").strip().lower()
    return answer in ("yes", "y", "是")
