"""Reports: services compute frozen DTOs; ``documents`` turns them into exportable
:class:`memberdesk.reports.document.Document` objects."""
