"""Messages of the notification outbox and SMS (短信通知) (zh_CN, en): see :mod:`.errors`;
and the words for a message's status and the reasons the log shows."""

from __future__ import annotations

NOTIFY_MESSAGES: dict[str, tuple[str, str]] = {
    "notify_not_found": ("找不到消息 {id}", "No message {id}"),
    "notify_not_resendable": (
        "消息 {id} 的状态是“{status}”：只有发送失败或结果未知的消息可以重发",
        "Message {id} is {status}: only failed or unknown messages can be sent again",
    ),
    "notify_member_gone": (
        "消息 {id} 的会员已注销或停用，不能重发",
        "The member of message {id} is anonymised or deactivated: it cannot be sent again",
    ),
    "sms_not_ready": (
        "短信还不能发送：{problem}（在“设置 › 短信”中填写）",
        "Text messages cannot be sent yet: {problem} (fill it in under Settings › Text messages)",
    ),
    "sms_test_failed": (
        "测试短信没有发出：{reason}",
        "The test message was not sent: {reason}",
    ),
}

STATUS_WORDS: dict[str, tuple[str, str]] = {
    "pending": ("待发送", "pending"),
    "sent": ("已发送", "sent"),
    "failed": ("失败", "failed"),
    "unknown": ("结果未知", "unknown"),
    "dropped": ("不发送", "not sent"),
}

REASON_WORDS: dict[str, tuple[str, str]] = {
    "no_consent": ("会员未同意接收营销信息", "the member has not agreed to promotions"),
    "unsubscribed": ("该手机号已退订营销短信", "the phone unsubscribed from promotions"),
    "not_mainland_mobile": ("不是中国大陆手机号", "not a mainland China mobile"),
    "anonymised": ("会员已注销", "the member was anonymised"),
    "member_inactive": ("会员已停用", "the member is deactivated"),
    "stale": ("超过三天未能发送，已过时", "not sent within three days: stale"),
    "sending": ("正在发送（若一直如此，发送时程序中断）",
                "being sent (if it stays so, the program stopped while sending)"),
    "resend": ("店长要求重发", "to be sent again (a manager)"),
    "no_provider": ("未选择短信服务商", "no SMS provider chosen"),
    "no_key": ("未填写访问密钥", "no access key"),
    "no_sign_name": ("未填写短信签名", "no SMS signature"),
    "no_app_id": ("未填写 SdkAppId", "no SdkAppId"),
    "no_template_code": ("未填写模板编号", "no template code"),
}


def word(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """``key`` of ``table`` in ``lang`` (an unknown key as it is: a provider's code)."""
    pair = table.get(key.split(":")[0]) if key else None
    if pair is None:
        return key
    return pair[1] if lang.startswith("en") else pair[0]
