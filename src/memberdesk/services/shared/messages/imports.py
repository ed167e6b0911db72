"""The messages of imports and of reading someone else's workbook (see
:mod:`workbook_guard`), in Chinese and English; :mod:`errors` adds them to its
catalogue."""

from __future__ import annotations

IMPORT_MESSAGES: dict[str, tuple[str, str]] = {
    # code: (zh_CN, en)
    "import_not_workbook": (
        "{file} 不是 Excel 工作簿（.xlsx）",
        "{file} is not an Excel workbook (.xlsx)",
    ),
    "import_missing_columns": (
        "表格缺少必需的列：{columns}（请使用导入模板）",
        "The sheet lacks required columns: {columns} (use the import template)",
    ),
    "import_formula_cell": (
        "{field_zh}单元格是公式，请改为直接填写内容",
        "The {field_en} cell holds a formula: type the value itself",
    ),
    "duplicate_in_file": (
        "{field_zh} {value} 与第 {row} 行重复",
        "The {field_en} {value} repeats row {row}",
    ),
    "opening_over_cap": (
        "期初储值 {amount} 超过每张记名卡 {cap} 的上限",
        "The opening stored value {amount} is above the cap of {cap} per registered card",
    ),
    "import_cancelled": ("导入已取消，没有写入任何数据", "Import cancelled: nothing was written"),
    "import_stopped": (
        "导入已停止：已写入 {created} 位会员（至第 {row} 行）；再次导入同一文件会跳过已导入的会员并继续",
        "Import stopped: {created} members were written (up to row {row}); importing the "
        "same file again skips them and carries on",
    ),
    "import_disk_full": (
        "磁盘已满，导入在第 {row} 行处停止，已写入 {created} 位会员；清理磁盘空间后再次导入同一文件即可继续",
        "The disk is full: the import stopped at row {row} with {created} members written; "
        "free some space and import the same file again to carry on",
    ),
    "import_busy": (
        "数据库正忙，导入在第 {row} 行处停止，已写入 {created} 位会员；稍后再次导入同一文件即可继续",
        "The database is busy: the import stopped at row {row} with {created} members "
        "written; import the same file again later to carry on",
    ),
    "import_too_many_rows": (
        "{file} 超过 {max} 行，一次最多导入 {max} 行：请分成几个文件，或删除数据下方的空行",
        "{file} has more than {max} rows and one import takes at most {max}: split the "
        "file, or delete the empty rows below the data",
    ),
    "workbook_empty": ("{file} 是空文件，不是 Excel 工作簿", "{file} is empty: not an Excel workbook"),
    "workbook_too_big": (
        "{file} 超过 {mb} MB，不能导入：请分成几个较小的文件",
        "{file} is over {mb} MB and cannot be imported: split it into smaller files",
    ),
    "workbook_unpacks_too_big": (
        "{file} 解压后超过 {mb} MB，不能导入：请分成几个较小的文件",
        "{file} unpacks to more than {mb} MB and cannot be imported: split it into "
        "smaller files",
    ),
    "workbook_suspicious": (
        "{file} 的压缩比异常（{ratio} 倍），不像正常的 Excel 文件，已拒绝导入",
        "{file} is compressed {ratio} times, which no ordinary Excel file is: refused",
    ),
    "workbook_encrypted": (
        "{file} 设有打开密码或是旧版 .xls 格式：请在 Excel 中取消密码并另存为 .xlsx 后再导入",
        "{file} is password-protected or an old .xls file: remove the password in Excel "
        "and save it as .xlsx",
    ),
    "workbook_too_many_strings": (
        "{file} 含有超过 {max} 段不同的文字，不能导入：请分成几个较小的文件",
        "{file} holds more than {max} distinct texts and cannot be imported: split it "
        "into smaller files",
    ),
    "workbook_too_many_cells": (
        "{file} 的单元格超过 {max} 个，不能导入：请分成几个较小的文件",
        "{file} has more than {max} cells and cannot be imported: split it into smaller "
        "files",
    ),
    "workbook_text_too_long": (
        "{file} 中有一段文字超过 {max} 字节，比 Excel 单元格能容纳的还长：文件可能已损坏",
        "{file} holds a text of more than {max} bytes, longer than an Excel cell can "
        "hold: the file may be damaged",
    ),
    "workbook_damaged": (
        "{file} 已损坏或不是正常的 Excel 工作簿（{detail}）",
        "{file} is damaged or not an ordinary Excel workbook ({detail})",
    ),
    "sheet_unwritable": ("无法写入 {file}：{detail}", "Cannot write {file}: {detail}"),
    "sheet_unreadable": ("无法读取 {file}：{detail}", "Cannot read {file}: {detail}"),
    # products (services/catalog/importer.py)
    "product_import_stopped": (
        "导入已停止：已写入 {created} 个商品（至第 {row} 行）；再次导入同一文件会按货号更新已导入的商品并继续",
        "Import stopped: {created} products were written (up to row {row}); importing the "
        "same file again updates them by item code and carries on",
    ),
    "product_import_disk_full": (
        "磁盘已满，导入在第 {row} 行处停止，已写入 {created} 个商品；清理磁盘空间后再次导入同一文件即可继续",
        "The disk is full: the import stopped at row {row} with {created} products written; "
        "free some space and import the same file again to carry on",
    ),
    "product_import_busy": (
        "数据库正忙，导入在第 {row} 行处停止，已写入 {created} 个商品；稍后再次导入同一文件即可继续",
        "The database is busy: the import stopped at row {row} with {created} products "
        "written; import the same file again later to carry on",
    ),
    "unknown_tier_column": (
        "列“{column}”：没有名为“{tier}”的会员等级（现有：{tiers}）",
        "Column “{column}”: there is no membership tier called “{tier}” (tiers: {tiers})",
    ),
    "kept_member_price_above_price": (
        "售价 {price} 低于现有的“{tier}”会员价 {member_price}：请在“会员价:{tier}”列填写新的会员价",
        "The price of {price} is below the current {tier} member price of {member_price}: "
        "give a new one in the “Member price: {tier}” column",
    ),
}
