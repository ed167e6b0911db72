"""Messages of the network edition (网络版, the shop on a PostgreSQL server)
(zh_CN, en): see :mod:`.errors`."""

from __future__ import annotations

NETWORK_MESSAGES: dict[str, tuple[str, str]] = {
    "backup_on_server": (
        "门店数据在数据库服务器上（网络版）：请用命令 memberdesk backup 备份服务器（pg_dump，"
        "备份会校验），这里的备份只管本机文件",
        "The shop's data is on a database server (network edition): back it up with the "
        "command memberdesk backup (pg_dump, verified); backups here are for a local file only",
    ),
}
