"""reportlab documents: what is printed on site and kept in the case's documents."""
