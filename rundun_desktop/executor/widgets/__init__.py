"""The runner's widgets: an input per step type, photos, location, signature and the step card."""
