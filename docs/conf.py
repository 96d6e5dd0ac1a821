"""Sphinx configuration of the antq documentation.

Build from the root of the repository, warnings as errors (CI runs both)::

    sphinx-build -W --keep-going -n -b html docs docs/_build/html
    sphinx-build -W --keep-going -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))  # antq_api, antq_catalogue
# antq is normally installed (editable) in the virtual environment; fall back to
# the source tree so that a build from a bare checkout still finds it.
sys.path.append(str(HERE.parent / "src"))

import antq  # noqa: E402

# -- project ------------------------------------------------------------------------

project = "antq"
author = "antq developers"
copyright = "antq developers"
release = antq.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "antq_api",  # docs/_ext: one entry per object, reference resolution
    "antq_catalogue",  # docs/_ext: the criteria catalogue, generated from the code
    "antq_entries",  # docs/_ext: award conditions and scoring-sheet items, from the code
    "antq_law_map",  # docs/_ext: which module encodes which instrument and article
]

exclude_patterns = ["_build"]

# -- HTML ---------------------------------------------------------------------------

html_theme = "alabaster"
html_static_path = ["_static"]
html_title = f"antq {release}"

# -- cross-references ---------------------------------------------------------------

nitpicky = True
nitpick_ignore_regex = [
    # The standard library: intersphinx is not used (the build runs without network).
    (
        r"py:.*",
        r"(argparse|collections\.abc|datetime|decimal|enum|fractions|os|pathlib|types)(\..+)?",
    ),
    # Private per-call context classes that appear only in the award functions' signatures.
    (r"py:class", r"antq\.emulation\.awards\.(\w+\.)+\w+Context"),
    # The private parts of a report collector's result, in its attributes' types.
    (r"py:class", r"antq\.report\.(collect\._\w+|_annex_store\.\w+)"),
    # The web API's framework (the optional extra antq[serve]), not documented here.
    (r"py:class", r"(starlette\..+|Starlette)"),
    # An unpacked tuple type of *args (PEP 646: ``*error: *tuple[str, ...]``).
    (r"py:class", r"\*tuple"),
]

# -- autodoc ------------------------------------------------------------------------

autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
# Period.parse refers to Period.__str__, which has no docstring of its own.
antq_api_special_members = ("antq.core.periods.Period.__str__",)

# -- doctest ------------------------------------------------------------------------

doctest_default_flags = (
    doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
)
# Only the ``.. doctest::`` blocks of these pages run here; the examples in the
# docstrings that autodoc shows are run by pytest (--doctest-modules).
doctest_test_doctest_blocks = ""
# The tutorial reads examples/commune-2025.json from the root of the repository.
doctest_global_setup = f"ANTQ_REPO = {str(HERE.parent)!r}"
