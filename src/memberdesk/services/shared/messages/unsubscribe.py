"""Messages of text-message unsubscribes (退订) (zh_CN, en): see :mod:`.errors`."""

from __future__ import annotations

UNSUBSCRIBE_MESSAGES: dict[str, tuple[str, str]] = {
    "unsubscribe_no_phone": (
        "没有可退订的中国大陆手机号：{given}",
        "No mainland China mobile to unsubscribe: {given}",
    ),
    "reply_report_unreadable": (
        "无法读取回复报告“{file}”：请使用服务商导出的 CSV 或 xlsx 文件（每行：手机号, 回复内容）",
        "Cannot read the reply report “{file}”: use the provider's CSV or xlsx export "
        "(each row: phone, reply)",
    ),
    "reply_report_too_long": (
        "回复报告“{file}”超过 {max} 行：请分开导入",
        "The reply report “{file}” has more than {max} rows: import it in parts",
    ),
}
