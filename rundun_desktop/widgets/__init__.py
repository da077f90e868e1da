"""Small reusable widgets: cards, copy fields, error lines, secrets shown once, the QR code."""
