"""Pure business rules: plain Python, no SQLAlchemy, no Qt. The window and the
services call the same functions."""
