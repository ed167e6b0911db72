"""Messages of a till on a database server (网络版): the connection lost, the server's
backups and restores (zh_CN, en): see :mod:`.errors`."""

from __future__ import annotations

SERVER_MESSAGES: dict[str, tuple[str, str]] = {
    "server_lost": (
        "与服务器的连接已断开，这笔操作没有完成。请检查网络，连接恢复后原样重试"
        "（同一笔不会重复记账）",
        "The connection to the server was lost: this was not completed. Check the "
        "network and, once the server is back, try again as it is (the same sale or "
        "recharge is never booked twice)",
    ),
    "server_backup_tool_missing": (
        "找不到 {tool}（PostgreSQL 15 客户端工具）：请安装 postgresql-client-15",
        "{tool} (a PostgreSQL 15 client tool) was not found: install postgresql-client-15",
    ),
    "server_backup_failed": (
        "服务器备份失败：{detail}",
        "The server backup failed: {detail}",
    ),
    "server_backup_mismatch": (
        "服务器备份校验不一致：{detail}。这份备份不可用，已删除",
        "The server backup does not match the database: {detail}. It was removed",
    ),
    "server_restore_not_a_dump": (
        "{path} 不是 MemberDesk 服务器备份（pg_dump 自定义格式）：{detail}",
        "{path} is not a MemberDesk server backup (pg_dump custom format): {detail}",
    ),
    "server_restore_revision": (
        "{path} 来自另一个数据库版本（{revision}），本程序需要 {head}：请用对应版本的 "
        "MemberDesk 恢复",
        "{path} is from another schema version ({revision}); this MemberDesk needs "
        "{head}: restore it with the matching MemberDesk version",
    ),
    "server_restore_failed": (
        "恢复失败，服务器上的数据没有改动：{detail}",
        "The restore failed and the data on the server is unchanged: {detail}",
    ),
}
