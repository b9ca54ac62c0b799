"""Shiori 栞, a terminal reader for close reading of Japanese documents.

The code lives in the top-level packages ``store`` (headless domain) and ``tui`` (the app and
the ``shiori`` command line); see CONTRIBUTING.md for why they are not under this name. This
package holds the version, ``python -m shiori``, and the bundled library as ``shiori.seeds``
(the checkout's ``seeds/`` folder, installed as package data).
"""

__version__ = "0.1.0"
