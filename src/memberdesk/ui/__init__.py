"""The PySide6 cashier client. Nothing outside this package imports Qt.

Views lay widgets out and emit signals; :mod:`.controller` turns those signals
into service calls, which run only on the :class:`.tasks.TaskRunner` worker.

Importing the package applies :mod:`.qt_fixes` (a crash fix for PySide6 6.12
on Python 3.11); it is the one thing done at import time, on purpose.
"""

from memberdesk.ui.shell import qt_fixes

qt_fixes.apply()
