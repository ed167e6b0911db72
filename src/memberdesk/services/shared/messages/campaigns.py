"""Messages of segments and campaigns (营销) (zh_CN, en): see :mod:`.errors`."""

from __future__ import annotations

CAMPAIGN_MESSAGES: dict[str, tuple[str, str]] = {
    "segment_bad_choice": (
        "筛选条件“{value}”无效",
        "The filter value “{value}” is not valid",
    ),
    "segment_bad_window": (
        "统计天数应为 1 到 {max} 天",
        "The window must be 1 to {max} days",
    ),
    "segment_name_needed": (
        "请填写分群名称（最多 40 个字）",
        "Give the segment a name (at most 40 characters)",
    ),
    "segment_not_found": (
        "找不到分群“{name}”",
        "No segment named “{name}”",
    ),
    "segment_in_use": (
        "分群“{name}”已被活动使用，不能删除",
        "The segment “{name}” is used by a campaign and cannot be deleted",
    ),
    "campaign_name_needed": (
        "请填写活动名称（最多 40 个字）",
        "Give the campaign a name (at most 40 characters)",
    ),
    "campaign_exists": (
        "已有名为“{name}”的活动",
        "A campaign named “{name}” already exists",
    ),
    "campaign_not_found": (
        "找不到活动“{name}”",
        "No campaign named “{name}”",
    ),
    "campaign_bad_holdout": (
        "对照组比例应为 0% 到 {max}%",
        "The hold-out share must be 0% to {max}%",
    ),
    "campaign_bad_days": (
        "活动天数应为 1 到 {max} 天",
        "The campaign must last 1 to {max} days",
    ),
    "campaign_started": (
        "活动“{name}”已经开始：不能再修改，只能提前结束",
        "“{name}” has started: it can no longer be changed, only ended early",
    ),
    "campaign_over": (
        "活动“{name}”已经结束：只能查看",
        "“{name}” is over: it can only be read",
    ),
    "campaign_edit_kind": (
        "活动“{name}”的类型不能修改",
        "The kind of “{name}” cannot be changed",
    ),
}
