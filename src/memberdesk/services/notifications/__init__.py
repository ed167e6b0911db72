"""The notification outbox (短信通知): messages written with the business change, the
sender, unsubscribes, the SMS providers."""
