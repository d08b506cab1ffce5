"""Use cases: each service owns its transactions and returns frozen dataclasses."""
