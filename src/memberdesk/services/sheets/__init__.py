"""Workbooks: reading an .xlsx someone else made, safely, and the import machinery
members and products share."""
