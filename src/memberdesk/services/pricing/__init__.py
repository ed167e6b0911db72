"""Prices and tenders: what a cart costs (member prices, tier discount, coupons, manual
discounts, 抹零) and what the customer may hand over."""
