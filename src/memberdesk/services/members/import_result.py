"""What a member import reports: its progress, its result, the rows it refused."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from memberdesk.money import Money
from memberdesk.services.sheets.importer import ImportProgress, RowProblem

__all__ = ["ImportProgress", "ImportResult", "RowProblem"]


@dataclass(frozen=True)
class ImportResult:
    file: Path
    dry_run: bool
    rows: int  # data rows read (blank rows are not counted)
    created: int  # members created (or, in a dry run, that would be)
    skipped: int  # rows whose phone is already registered
    failed: int  # rows with problems, left out
    cards: int  # cards bound
    opening_principal: Money
    opening_bonus: Money
    opening_points: int
    problems: tuple[RowProblem, ...]  # the first PROBLEMS_KEPT problems
    error_report: Path | None  # the error workbook, when a row failed

    def summary(self, lang: str = "zh_CN") -> str:
        if lang.startswith("en"):
            verb = "would create" if self.dry_run else "created"
            return (
                f"{self.rows} rows: {verb} {self.created} members ({self.cards} "
                f"card{'' if self.cards == 1 else 's'}, "
                f"opening stored value {(self.opening_principal + self.opening_bonus).display()}, "
                f"{self.opening_points} points), {self.skipped} already registered, "
                f"{self.failed} with errors"
            )
        verb = "将新建" if self.dry_run else "新建"
        return (
            f"共 {self.rows} 行：{verb} {self.created} 位会员（{self.cards} 张卡，期初储值 "
            f"{(self.opening_principal + self.opening_bonus).display()}，积分 "
            f"{self.opening_points}），已登记跳过 {self.skipped} 行，有错误 {self.failed} 行"
        )
