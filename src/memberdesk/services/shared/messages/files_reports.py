"""The catalogue's sections of files, backups, restores, reports and storage (zh_CN,
English), and the words of an amount's problems. See
:mod:`memberdesk.services.shared.messages`."""

from __future__ import annotations

FILES_REPORTS: dict[str, tuple[str, str]] = {
    "disk_full": (
        "磁盘空间不足，无法写入 {path}；原有数据未受影响",
        "The disk is full: {path} could not be written; existing data is unchanged",
    ),
    "path_not_writable": (
        "无法写入 {path}：{problem}",
        "Cannot write to {path}: {problem}",
    ),
    "backup_failed_verification": (
        "备份校验失败（{problem}），已丢弃这份备份",
        "The backup failed verification ({problem}) and was discarded",
    ),
    "restore_not_a_file": ("找不到要恢复的文件 {path}", "No such file to restore: {path}"),
    "restore_not_sqlite": (
        "{path} 不是 MemberDesk 备份文件（不是数据库）",
        "{path} is not a MemberDesk backup (not a database)",
    ),
    "restore_foreign": (
        "{path} 不是 MemberDesk 门店数据库",
        "{path} is not a MemberDesk shop database",
    ),
    "restore_newer": (
        "{path} 来自更新版本的 MemberDesk（结构 {revision}），请先升级软件",
        "{path} comes from a newer MemberDesk (schema {revision}); upgrade MemberDesk first",
    ),
    "restore_damaged": (
        "{path} 已损坏，不能恢复：{problem}",
        "{path} is damaged and cannot be restored: {problem}",
    ),
    "restore_inconsistent": (
        "{path} 的账目核对不通过，不能恢复：{problem}",
        "{path} does not reconcile and cannot be restored: {problem}",
    ),
    "restore_is_live": (
        "不能用正在使用的数据库本身来恢复",
        "The live database cannot be restored onto itself",
    ),
    "database_in_use": (
        "数据库正被另一个程序使用，请先关闭其他 MemberDesk 窗口再恢复",
        "The database is in use by another program: close other MemberDesk windows first",
    ),
    "date_in_future": ("{date} 还没到，不能出报表或日结", "{date} is in the future"),
    "day_folded": (
        "{date} 没有单独日结，它的营业数据已并入 {close_date} 的日结（第 {close_no} 号）",
        "{date} was not closed on its own: its business is in the day close of "
        "{close_date} (No. {close_no})",
    ),
    "shifts_still_open": (
        "还有未交班的班次：{shifts}，请先由该收银员交班，或在日结页面用“代交班”结束",
        "Shifts still open: {shifts}. Have the cashier close their shift, or close it for "
        "them with \"Close for them\" on the Day close page",
    ),
    "invalid_date": ("日期 {text} 无效，请用 YYYY-MM-DD 格式", "{text} is not a valid date (YYYY-MM-DD)"),
    "reversed_range": (
        "开始日期 {start} 晚于结束日期 {end}",
        "The start date {start} is after the end date {end}",
    ),
    "no_cjk_font": (
        "找不到可嵌入PDF的中文字体，请安装文泉驿正黑（fonts-wqy-zenhei）",
        "No embeddable Chinese font found: install WenQuanYi Zen Hei (fonts-wqy-zenhei)",
    ),
    "export_cancelled": ("导出已取消", "Export cancelled"),
    "scheduled_backup_failed": (
        "自动备份失败：{problem}。请检查磁盘或在后台立即备份",
        "The scheduled backup failed: {problem}. Check the disk or back up from the back office",
    ),
    "pdf_too_long": (
        "{rows} 行太多，不宜导出为 PDF（最多 {max} 行）：请缩小日期范围，或导出 Excel",
        "{rows} rows are too many for a PDF (at most {max}): narrow the dates or export "
        "to Excel",
    ),
    "permission_owner_only": ("仅老板可以{action}", "Only the owner may {action}"),
    "no_shop_here": (
        "在 {path} 没有找到门店数据（memberdesk.sqlite3）；请检查 --data-dir，或先运行 "
        "memberdesk init",
        "No shop data (memberdesk.sqlite3) in {path}: check --data-dir, or run "
        "memberdesk init first",
    ),
    "backup_destination_missing": (
        "备份位置 {path} 不存在（U盘没插好？）",
        "The backup destination {path} does not exist (is the USB drive plugged in?)",
    ),
    # The same words as the counter's own (ui/counter/errors.py).
    "storage_full": (
        "磁盘已满，本次操作没有保存任何内容。请清理磁盘空间后重试",
        "The disk is full: nothing was saved. Free some space and try again",
    ),
    "storage_busy": (
        "数据库正被另一个程序占用，本次操作没有保存任何内容。请关闭该程序（或稍等片刻）后重试",
        "The shop database is busy: another program is holding it. Nothing was saved. "
        "Close the other program (or wait a moment) and try again",
    ),
}

MONEY_PROBLEMS: dict[str, tuple[str, str]] = {
    "not_a_number": ("不是数字", "not a number"),
    "too_many_decimals": ("最多两位小数", "at most two decimals"),
    "negative": ("不能为负数", "must not be negative"),
    "too_large": ("金额过大", "too large"),
    "zero": ("必须大于零", "must be more than zero"),
    "foreign_digits": (
        "只能用数字 0-9（全角数字也可以）",
        "use the digits 0-9 (full-width digits are fine too)",
    ),
}
