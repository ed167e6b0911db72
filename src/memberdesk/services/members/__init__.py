"""Members: profiles, fields and masking, search keys, the lookup, cards, the member
list and filter, the member sheet's import and export."""
