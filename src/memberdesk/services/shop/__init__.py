"""The shop itself: setting it up, its stores (网络版), the server's set-up and the system
log."""
