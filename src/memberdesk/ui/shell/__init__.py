"""The shell around the screens: the application, the session (open the shop, log in,
lock), the login and first-run screens, the one task runner, languages, the theme,
the crash dialog and the schedulers on the long-job worker."""
