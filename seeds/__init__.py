"""The bundled library, installed as the package ``shiori.seeds`` (see pyproject.toml) and read
through ``importlib.resources`` (``store.paths.SEEDS_DIR``), so every install kind finds it."""
