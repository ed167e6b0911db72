"""The message catalogue: the text of every user-facing error, by code, in zh_CN and
English, one section per domain (one module each). :class:`~memberdesk.services.shared.errors.UserError`
looks its code up here; the CLI and the window show the same words.

A code lives in exactly one section: :data:`MESSAGES` refuses a code defined twice
(``tests/unit/test_messages_catalogue.py`` also checks that every code in the catalogue
is raised somewhere and every code raised is in the catalogue).
"""

from __future__ import annotations

from memberdesk.services.shared.messages import (
    analytics,
    audit,
    backup,
    campaigns,
    catalog,
    core,
    count_cards,
    counter,
    files_reports,
    gifts,
    imports,
    jobs,
    mall,
    members,
    migrate,
    network,
    notify,
    offline,
    promotions,
    rules,
    server,
    stock,
    stores,
    unsubscribe,
)

Section = dict[str, tuple[str, str]]

SECTIONS: dict[str, Section] = {
    "general": core.GENERAL,
    "member_records": core.MEMBER_RECORDS,
    "checkout": core.CHECKOUT,
    "files_reports": files_reports.FILES_REPORTS,
    "imports": imports.IMPORT_MESSAGES,
    "catalog": catalog.CATALOG_MESSAGES,
    "stock": stock.STOCK_MESSAGES,
    "network": network.NETWORK_MESSAGES,
    "backup": backup.BACKUP_MESSAGES,
    "jobs": jobs.JOBS_MESSAGES,
    "rules": rules.RULES_MESSAGES,
    "members": members.MEMBER_ADMIN_MESSAGES,
    "analytics": analytics.ANALYTICS_MESSAGES,
    "audit": audit.AUDIT_MESSAGES,
    "notify": notify.NOTIFY_MESSAGES,
    "mall": mall.MALL_MESSAGES,
    "signin": mall.SIGNIN_MESSAGES,
    "counter": counter.COUNTER_MESSAGES,
    "count_cards": count_cards.COUNT_CARD_MESSAGES,
    "campaigns": campaigns.CAMPAIGN_MESSAGES,
    "promotions": promotions.PROMOTION_MESSAGES,
    "server": server.SERVER_MESSAGES,
    "unsubscribe": unsubscribe.UNSUBSCRIBE_MESSAGES,
    "stores": stores.STORE_MESSAGES,
    "migrate": migrate.MIGRATE_MESSAGES,
    "gifts": gifts.GIFT_MESSAGES,
    "offline": offline.OFFLINE_MESSAGES,
}

MONEY_PROBLEMS: Section = files_reports.MONEY_PROBLEMS


def merged(sections: dict[str, Section]) -> Section:
    """All sections in one table; a code defined in two sections is a mistake."""
    table: Section = {}
    for name, section in sections.items():
        twice = sorted(set(table) & set(section))
        if twice:
            raise ValueError(f"message codes defined twice (section {name}): {twice}")
        table.update(section)
    return table


MESSAGES: Section = merged(SECTIONS)
