"""The daily jobs (每日任务): one runner for everything due by business date."""
