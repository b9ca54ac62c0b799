"""Shiori's domain: documents and their import, Japanese analysis, annotations, citations.

Nothing in this package imports Textual or Rich; the screen lives in ``tui``.
"""
