"""The counter tasks' dialogs (issue 5): recharge, refund with a manager's approval,
shifts, quick registration, lost and replaced cards. One dialog per module; each
is a view that runs its service calls on the task runner (see :mod:`.base`).

Nothing here is imported at start-up: :mod:`memberdesk.ui.counter.actions` imports
a dialog the first time its key is pressed, after the worker has loaded the
database stack.
"""
