"""Messages of ``memberdesk network migrate`` (moving a shop file into a chain server;
zh_CN, en): see :mod:`.errors` and :mod:`.network_migrate`."""

from __future__ import annotations

MIGRATE_MESSAGES: dict[str, tuple[str, str]] = {
    "migrate_source_bad": (
        "{path} 不是可以迁移的完好门店数据库（{problem}），没有写入任何数据",
        "{path} is not a sound shop database that can be moved ({problem}); nothing "
        "was written",
    ),
    "migrate_chain_not_empty": (
        "服务器上的数据库已有连锁数据（{what}），没有写入任何数据：只能把第一家门店迁入空数据库"
        "（不要先运行 server init）；把另一家店合并进已有的连锁暂不支持",
        "The database on the server already holds a chain ({what}); nothing was written. "
        "Only the first shop can be moved, into an empty database (do not run server init "
        "first); merging another shop into an existing chain is not supported",
    ),
    "migrate_store_has_data": (
        "门店 {store} 在服务器上已有数据（{what}），没有写入任何数据：请换一个门店编号",
        "Store {store} already has data on the server ({what}); nothing was written. "
        "Choose another store code",
    ),
    "migrate_member_conflicts": (
        "本店有 {count} 位会员与服务器上的会员冲突，没有写入任何数据：{conflicts}。"
        "合并会员暂不支持",
        "{count} of this shop's members collide with the chain's members; nothing was "
        "written: {conflicts}. Merging members is not supported",
    ),
    "migrate_store_taken": (
        "本店文件里已有门店 {store}：请换一个门店编号",
        "The shop file already has a store {store}: choose another store code",
    ),
    "migrate_server_version": (
        "服务器上的数据库结构版本是 {revision}，本程序需要 {head}，没有写入任何数据",
        "The database on the server is at schema {revision}, this MemberDesk needs "
        "{head}; nothing was written",
    ),
    "migrate_too_long": (
        "本店文件里有服务器放不下的过长文字（{what}；表.列（最长/上限）），没有写入任何数据",
        "The shop file holds texts longer than the server's columns take ({what}; "
        "table.column (longest/limit)); nothing was written",
    ),
    "migrate_mismatch": (
        "迁移后的核对不一致（{detail}），服务器上的数据没有改动",
        "The check after the copy found a difference ({detail}); the data on the server "
        "is unchanged",
    ),
}

# How a conflict is named in the list of ``migrate_member_conflicts``.
CONFLICT_WORDS: dict[str, tuple[str, str]] = {
    "phone": ("手机号", "phone"),
    "member_no": ("会员号", "member number"),
    "card": ("卡号", "card"),
}
