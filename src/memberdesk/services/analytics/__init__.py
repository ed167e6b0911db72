"""Member analytics: RFM, grades, lifecycle, churn warning, their refresh, report and
export."""
