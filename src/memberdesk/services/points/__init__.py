"""Points (积分): what a sale earns and the daily expiry of lots."""
