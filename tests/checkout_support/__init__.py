"""Shared set-up for the checkout-engine tests (unit and integration) and the
child-process workers of the concurrency and crash tests."""
