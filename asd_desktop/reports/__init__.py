"""reportlab documents (agreements, protocols, letters); none exist yet in this release."""
