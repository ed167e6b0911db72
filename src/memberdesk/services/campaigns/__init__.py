"""Campaigns (营销): segments, coupon campaigns, member days and special prices."""
