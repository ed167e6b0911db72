"""Coupons (优惠券): templates, issuing, use and restoration at checkout."""
