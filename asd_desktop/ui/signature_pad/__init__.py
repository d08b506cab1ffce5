"""Signing on screen: a pad for mouse, pen (with pressure) and touch, and the signing dialog."""

from asd_desktop.ui.signature_pad.dialog import SigningDialog
from asd_desktop.ui.signature_pad.pad import SignaturePad

__all__ = ["SignaturePad", "SigningDialog"]
