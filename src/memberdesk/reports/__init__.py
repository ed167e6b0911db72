"""Report exporters: a :class:`~memberdesk.reports.document.Document` -> .xlsx / .pdf.

No database and no Qt here: services build the document, these modules render it.
"""
