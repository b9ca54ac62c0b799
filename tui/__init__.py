"""Shiori's terminal app and command line. Importing this package does not load Textual."""
