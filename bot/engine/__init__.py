"""The engine: compiled scenarios and play sessions. Never imports a UI."""
