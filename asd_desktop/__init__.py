"""asd-desktop: offline case work for the general social service (ASD)."""

__version__ = "0.1.0"
