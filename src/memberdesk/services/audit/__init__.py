"""The owner's view of the audit log (审计) and its export; the chain itself is
:mod:`memberdesk.services.shared.audit`."""
