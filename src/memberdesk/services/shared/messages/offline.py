"""Messages of a till selling while the server is gone (网络版, ``services/offline``)
(zh_CN, en): see :mod:`.errors`."""

from __future__ import annotations

OFFLINE_MESSAGES: dict[str, tuple[str, str]] = {
    "offline_refused": (
        "与服务器的连接已断开：离线时只能用离线收银给散客收现金，"
        "{what}要等连接恢复后再办",
        "The connection to the server is lost: offline the till takes cash from walk-in "
        "customers only (the offline cash sale); {what} must wait until the "
        "server is back",
    ),
    "offline_cash_only": (
        "离线时只收现金，不能用{kind}",
        "Offline the till takes cash only, not {kind}",
    ),
    "offline_no_catalogue": (
        "本机还没有商品目录副本（要先连上服务器一次），离线时无法收银",
        "This till has no copy of the catalogue yet (it needs the server once): it "
        "cannot sell offline",
    ),
    "offline_sale_not_refused": (
        "这笔离线销售（第 {seq} 笔）不在被拒收的销售里",
        "Offline sale {seq} is not among the sales the server refused",
    ),
    "offline_sales_waiting": (
        "这台收银机还有 {n} 笔离线销售没有发到服务器：连接恢复并发送完后才能交班",
        "This till still has {n} offline sales not yet sent to the server: the shift can "
        "close once the server is back and they are sent",
    ),
    "offline_sale_on_server": (
        "服务器上已经有离线销售 {local_no}，不能核销",
        "The server has offline sale {local_no} after all: it cannot be written off",
    ),
    "offline_login_unknown": (
        "连不上服务器：只有在这台收银机上联网登录过的员工才能离线登录（{username} 不在其中）",
        "The server cannot be reached: only staff who logged in on this till while it "
        "was online can log in offline ({username} has not)",
    ),
    "offline_login_other_store": (
        "连不上服务器：这个账号属于别的门店，不能在这台收银机离线登录",
        "The server cannot be reached: this account belongs to another store and "
        "cannot log in offline on this till",
    ),
    "offline_login_stale": (
        "服务器已恢复，但这个账号的密码在服务器上改过了：请重新登录",
        "The server is back, but this account's password was changed on the server: "
        "please log in again",
    ),
}
