"""The MkDocs glue: for MkDocs 1.x, or for ProperDocs, its continuation, when MkDocs is not installed.

ProperDocs answers imports of ``mkdocs.*`` once ``properdocs.replacement`` is imported: every
module here imports MkDocs' names, and this runs first.
"""

try:
    import mkdocs  # noqa: F401
except ImportError:
    import properdocs.replacement  # noqa: F401
