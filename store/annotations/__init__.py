"""Highlights, notes and tags that are never lost (docs/design/annotations.md).

Entry points for the UI and the command line (all headless):

* ``repository.Repository`` / ``default_repository()`` — create, update, delete (+ ``undo``),
  ``list(doc=, tag=, color=, text=, state=)`` / ``iter(...)`` in reading order, ``tags()``, ``orphans()``,
  ``reattach()``, ``reanchor()``, ``colors()`` / ``set_color_label()`` /
  ``resolve_color()``, ``notices`` (recoveries to show the user); ``save_edit()`` (an edit
  that survives another instance's delete or edit), ``changed_on_disk()`` / ``catch_up()`` (an
  open app noticing what another process wrote).
* ``documents`` — ``refresh(repo, key, path, document)`` when a document is opened (re-anchors
  if its file changed), ``select_quote``, ``stored_source_meta`` (what an export cites),
  ``quote_readings`` (readings for a citation, when the user asks). Citations themselves are
  built by ``store.citation.cite``.
* ``metadata`` — ``load_user_metadata`` / ``save_user_metadata`` (the ``m`` form) and
  ``user_library(repo)``: the ``store.library.Library`` that sees them.
* ``export`` — ``write_markdown`` / ``write_json`` / ``write_csv`` (streamed, escaped for their
  format; ``to_*`` give strings; JSON is a W3C envelope), ``import_json`` (validated, batched,
  reported exactly).
* ``schema`` — what a valid record is (``annotation_from_record``, ``RecordError``).
* ``anchor`` — ``make_anchor``, ``resolve``, ``find_quote``; ``storage`` — the TinyDB storage,
  on the file formats of ``snapshot`` (read in part) and ``journal``.
"""
