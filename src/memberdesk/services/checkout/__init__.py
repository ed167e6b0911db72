"""Checkout (结账): the cart, the sale in one transaction, the till, manual discounts and
sales history."""
