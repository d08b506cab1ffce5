"""The Familienrat: one wizard per phase, the hours dialog, and what they share."""
