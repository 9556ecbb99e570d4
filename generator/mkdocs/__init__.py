"""The MkDocs glue: for MkDocs 1.x, or for ProperDocs, its continuation, when MkDocs is not installed.

ProperDocs answers imports of ``mkdocs.*`` once ``properdocs.replacement`` is imported: every
module here imports MkDocs' names, and this runs first.
"""

import importlib.util

if importlib.util.find_spec("mkdocs") is None and importlib.util.find_spec("properdocs") is not None:
    import properdocs.replacement  # noqa: F401
