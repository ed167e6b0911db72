"""Messages of the network edition (网络版, the shop on a PostgreSQL server)
(zh_CN, en): see :mod:`.errors`."""

from __future__ import annotations

NETWORK_MESSAGES: dict[str, tuple[str, str]] = {
    "backup_on_server": (
        "门店数据在数据库服务器上（网络版）：请在服务器上用 pg_dump 备份，本机不做备份",
        "The shop's data is on a database server (network edition): back it up on the "
        "server with pg_dump; this computer makes no backup of it",
    ),
}
