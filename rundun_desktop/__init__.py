"""The Rundun desktop app."""
