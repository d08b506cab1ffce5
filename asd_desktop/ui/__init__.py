"""The PySide6 user interface: main window, item models, dialogs and widgets."""
