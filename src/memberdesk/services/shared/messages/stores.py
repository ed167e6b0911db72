"""Messages of the chain's stores and the server's set-up (网络版) (zh_CN, en): see
:mod:`.errors`."""

from __future__ import annotations

STORE_MESSAGES: dict[str, tuple[str, str]] = {
    "store_unknown": (
        "找不到门店“{store}”",
        "No store with the code “{store}”",
    ),
    "store_exists": (
        "门店编号“{store}”已存在",
        "A store with the code “{store}” already exists",
    ),
    "store_bad_code": (
        "门店编号“{store}”无效：应为 1 到 8 个英文字母或数字",
        "The store code “{store}” is not valid: use 1 to 8 letters or digits",
    ),
    "store_name_needed": (
        "请填写门店名称（最多 40 个字）",
        "Give the store a name (at most 40 characters)",
    ),
    "store_not_yours": (
        "您不属于门店 {store}，不能在该门店办理",
        "You do not work at store {store}, so you cannot do this for it",
    ),
    "store_is_this_till": (
        "本机就在门店 {store}，不能在这里停用它；请在其他门店的电脑上停用",
        "This computer is in store {store}, so it cannot close that store; close it "
        "from a till of another store",
    ),
    "store_all_head_office": (
        "只有不限门店的员工（老板、总部）可以查看全部门店的报表",
        "Only staff of every store (the owner, head office) see the reports of all stores",
    ),
    "day_report_one_store": (
        "日结按门店进行：请选择一家门店",
        "Each store closes its own day: pick one store",
    ),
    "server_not_empty": (
        "数据库 {where} 不是空的（已有 {what}），不能初始化；请换一个空数据库",
        "The database {where} is not empty (it holds {what}); initialise an empty one",
    ),
    "server_url_needed": (
        "请用 --db-url 指定 PostgreSQL 数据库（postgresql://用户@服务器/数据库）",
        "Name the PostgreSQL database with --db-url (postgresql://user@host/database)",
    ),
}
