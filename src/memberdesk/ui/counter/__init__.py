"""The counter (收银台): the main window, the member card, the cart, payment and receipt,
the card reader and scanner, the function keys and the work they send to the worker."""
