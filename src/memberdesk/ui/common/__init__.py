"""Small pieces several screens share: formatting for people, icons, a money field,
layouts and widgets, coupon words."""
