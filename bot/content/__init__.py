"""Content: scenario files in, a checked model out. Never imports a UI."""
