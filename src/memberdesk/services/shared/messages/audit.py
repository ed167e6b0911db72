"""The audit viewer's words (zh_CN, English): what each audit action and detail field
is called, and what a break in the hash chain means, in the user's words. The
user-facing errors are merged into :data:`memberdesk.services.shared.errors.MESSAGES`."""

from __future__ import annotations

AUDIT_MESSAGES: dict[str, tuple[str, str]] = {
    "shift_already_verified": (
        "班次 {shift_no} 已由 {name} 审核过",
        "Shift {shift_no} was already verified by {name}",
    ),
    "shift_verify_own": (
        "不能审核自己的班次 {shift_no}：请另一位店长或老板审核",
        "You cannot verify your own shift {shift_no}: another manager or the owner must",
    ),
    "open_shift_not_found": (
        "班次 {shift_no} 已经交班",
        "Shift {shift_no} is closed already",
    ),
    "shift_close_for_own": (
        "班次 {shift_no} 是你自己的：请用正常交班",
        "Shift {shift_no} is your own: close it the usual way",
    ),
}

# Audit actions as a person names them; an action not listed shows as it is stored.
ACTION_NAMES: dict[str, tuple[str, str]] = {
    "approval.grant": ("授权", "approval given"),
    "backup.create": ("备份", "backup made"),
    "backup.restore": ("恢复数据", "backup restored"),
    "audit.export": ("导出审计日志", "audit log exported"),
    "card.bind": ("绑卡", "card bound"),
    "card.lost": ("挂失", "card reported lost"),
    "card.replace": ("补卡", "card replaced"),
    "card.found": ("解除挂失", "lost card found"),
    "card.void": ("作废卡", "card voided"),
    "category.create": ("新建分类", "category added"),
    "category.rename": ("分类改名", "category renamed"),
    "coupon.issue": ("发券", "coupon issued"),
    "coupon_template.create": ("新建优惠券", "coupon template added"),
    "day.close": ("日结", "day closed"),
    "jobs.bring_forward": ("提前运行每日任务", "daily jobs brought forward"),
    "member.activate": ("恢复会员", "member reactivated"),
    "member.anonymise": ("注销会员个人信息", "member anonymised"),
    "member.deactivate": ("停用会员", "member deactivated"),
    "member.edit": ("修改会员资料", "member edited"),
    "member.export": ("导出会员资料", "members exported"),
    "member.import": ("导入会员", "members imported"),
    "member.payment_password": ("消费密码", "payment password"),
    "member.register": ("登记会员", "member registered"),
    "member.tier": ("调整等级", "tier changed"),
    "notify.call_list": ("导出电话清单", "call list exported"),
    "notify.resend": ("重发短信", "message sent again"),
    "notify.test": ("测试短信", "test message"),
    "product.activate": ("恢复销售", "product on sale again"),
    "product.create": ("新建商品", "product added"),
    "product.deactivate": ("停售商品", "product stopped"),
    "product.member_price": ("会员价", "member price"),
    "product.update": ("修改商品", "product edited"),
    "recharge": ("充值", "recharge"),
    "recharge_rule.create": ("新建充值规则", "recharge rule added"),
    "recharge.refund": ("退充值", "recharge refunded"),
    "sale.refund": ("退款/反结账", "sale refunded"),
    "category.points": ("分类积分规则", "category points rate"),
    "sale.manual_discount": ("手工折扣/改价", "manual discount or price override"),
    "settings.change": ("修改设置", "settings changed"),
    "shift.cash_in": ("存入备用金", "cash in"),
    "shift.cash_out": ("取出现金", "cash out"),
    "shift.close": ("交班", "shift closed"),
    "shift.close_for": ("代交班", "shift closed for the cashier"),
    "shift.open": ("开班", "shift opened"),
    "shift.verify": ("审核交班", "shift verified"),
    "shop.init": ("开店设置", "shop set up"),
    "shop.details": ("修改店名、地址、电话", "shop name, address, phone changed"),
    "staff.activate": ("启用员工", "staff enabled"),
    "staff.create": ("新建员工", "staff added"),
    "staff.deactivate": ("停用员工", "staff disabled"),
    "staff.locked": ("账号锁定", "account locked"),
    "staff.login": ("登录", "log-in"),
    "staff.password": ("修改密码", "password changed"),
    "staff.password_reset": ("重置密码", "password reset"),
}

# What a row is about (its entity), as a person names it; others as stored.
ENTITY_NAMES: dict[str, tuple[str, str]] = {
    "card": ("卡", "card"),
    "category": ("分类", "category"),
    "coupon_template": ("优惠券", "coupon"),
    "day_close": ("日结", "day close"),
    "file": ("文件", "file"),
    "member": ("会员", "member"),
    "notification": ("短信", "text message"),
    "product": ("商品", "product"),
    "recharge": ("充值", "recharge"),
    "recharge_rule": ("充值规则", "recharge rule"),
    "refund": ("退款", "refund"),
    "settings": ("设置", "settings"),
    "shift": ("班次", "shift"),
    "shop": ("门店", "shop"),
    "staff": ("员工", "staff"),
}

# Detail fields as a person names them; others show as they are stored.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "active": ("在售/启用", "active"),
    "amount": ("金额", "amount"),
    "barcode": ("条码", "barcode"),
    "bonus": ("赠送", "bonus"),
    "cash": ("现金", "cash"),
    "cashier": ("收银员", "cashier"),
    "closed_by": ("代交班人", "closed by"),
    "category_id": ("分类", "category"),
    "changed": ("修改的项目", "changed"),
    "code": ("编码", "code"),
    "count": ("数量", "count"),
    "cost": ("进价", "cost"),
    "counted": ("实点", "counted"),
    "date": ("日期", "date"),
    "discountable": ("参与等级折扣", "tier discount"),
    "expected": ("应有", "expected"),
    "float": ("备用金", "float"),
    "from": ("原来", "from"),
    "member": ("会员", "member"),
    "member_no": ("会员编号", "member No."),
    "member_prices": ("会员价", "member prices"),
    "name": ("名称", "name"),
    "net": ("净额", "net"),
    "note": ("备注", "note"),
    "points_ratio_permille": ("积分比例‰", "points ‰"),
    "price": ("价格", "price"),
    "reason": ("原因", "reason"),
    "role": ("角色", "role"),
    "to": ("改为", "to"),
    "unit": ("单位", "unit"),
    "username": ("用户名", "user name"),
    "variance": ("差额", "difference"),
    "bank_card": ("银行卡", "bank card"),
    "wechat": ("微信", "WeChat"),
    "alipay": ("支付宝", "Alipay"),
    "coupon": ("券", "coupons"),
    "other": ("其他", "other"),
    "rows": ("行数", "rows"),
    "filter": ("筛选", "filter"),
}

# Fields holding money in fen (also the values inside them, e.g. member prices per tier).
MONEY_FIELDS = frozenset({"amount", "bonus", "cost", "counted", "expected", "float", "member_prices",
                          "net", "price", "variance"})

# A break in the chain, said to the owner; {row} is the first row that no longer holds.
CHAIN_WORDS: dict[str, tuple[str, str]] = {
    "ok": ("审计链完整：已核对 {rows} 条记录，没有被修改或删除",
           "The audit chain holds: {rows} rows checked, none altered or deleted"),
    "stopped": ("已停止核对（核对了 {rows} 条记录）", "Check stopped ({rows} rows checked)"),
    "missing": ("审计链在第 {row} 条断开：第 {row}–{last} 条记录被删除",
                "Chain broken at row {row}: rows {row}–{last} were deleted"),
    "link": ("审计链在第 {row} 条断开：它与前一条记录接不上（{action}）",
             "Chain broken at row {row}: it does not follow the row before it ({action})"),
    "altered": ("审计链在第 {row} 条断开：这条记录（{action}）被修改过",
                "Chain broken at row {row}: this row ({action}) was altered"),
    "unkeyed": ("审计链在第 {row} 条断开：之后的记录被人不用密钥重写过",
                "Chain broken at row {row}: the rows from there were rewritten without the "
                "audit key"),
    "tip": ("审计链在第 {row} 条之后断开：最新的记录被删除了",
            "Chain broken after row {row}: the newest rows were deleted"),
    "truncated": ("审计链在第 {row} 条之前就结束了：最新的记录被删除了",
                  "Chain broken at row {row}: the chain ends before it, the newest rows were "
                  "deleted"),
    "rewritten": ("审计链在第 {row} 条断开：从这里起的记录被人不用密钥重写过",
                  "Chain broken at row {row}: the rows from there on were rewritten without "
                  "the audit key"),
    "key_missing": ("有 {rows} 条记录是用另一台电脑的审计密钥签名的，本机无法完全核对"
                    "（这不是损坏：把旧电脑数据目录里的 audit.key 复制过来即可）",
                    "{rows} rows were signed with another computer's audit key and cannot be "
                    "fully checked here (this is not damage: copy audit.key from the old "
                    "computer's data folder)"),
}
