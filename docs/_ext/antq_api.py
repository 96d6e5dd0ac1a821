"""Sphinx helpers for antq's API reference.

antq re-exports most of its public objects from the top-level package, so the
reference documents each object once, under its public name (``antq.Verdict``),
and the pages for the subpackages show only what ``antq`` itself does not
re-export. This extension provides:

``.. antq-module:: antq.core``
    An ``automodule`` restricted to the members of ``antq.core`` that are not
    re-exported by ``antq``, followed by a list of links to the ones that are.
    Module-level constants are documented with the ``#:`` comment found in the
    module that defines them (a re-exporting package has no such comment).
    A class built on private bases (the typed facts classes, whose shared inputs
    are declared once) lists what it inherits from them as its own members.
    ``:no-docstring:`` leaves out the module's own docstring, and ``:no-index:``
    does not register the module as a cross-reference target (for a module
    whose name a function of ``antq`` shadows, like ``antq.catalogue``).

``antq_api_special_members``
    Special methods (by their defining ``module.Class.__name__``) to document
    although they have no docstring, because a docstring refers to them.

Enum members
    Every member of a :class:`antq.vocabulary.CodedEnum` shows its code (the
    value used in files and JSON) and its Vietnamese and English labels.

Reference resolution
    Type hints and docstrings name objects by the module that defines them
    (``antq.io.facts.read_facts``); classes are found through ``:canonical:``,
    and this extension maps the remaining names (functions, enum members,
    names relative to the defining module) to where they are documented.
    Type variables are shown as plain text: there is nothing to link to.
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any, TypeVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

_MISSING = object()
_DOCSTRING_OF = re.compile(r"docstring of ([\w.]+)")
#: Values that are not unique objects, so their identity says nothing.
_PRIMITIVES = (bool, int, float, str, bytes, type(None))


def _lookup(dotted: str) -> Any:
    """The object at a dotted path, or ``_MISSING``.

    Attributes win over submodules of the same name: ``antq.catalogue`` is the
    function that ``antq`` exports, not the module it comes from.
    """
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        except Exception:  # a module that fails to import is not ours to report here
            return _MISSING
        for attr in parts[cut:]:
            obj = getattr(obj, attr, _MISSING)
            if obj is _MISSING:
                break
        else:
            return obj
    try:
        return importlib.import_module(dotted)
    except Exception:
        return _MISSING


def _public_names(module: ModuleType) -> list[str]:
    """``__all__``, or the public names the module defines itself."""
    names = getattr(module, "__all__", None)
    if names is not None:
        return list(names)
    return [
        name
        for name, obj in vars(module).items()
        if not name.startswith("_")
        and not isinstance(obj, ModuleType)
        and getattr(obj, "__module__", module.__name__) == module.__name__
        and (inspect.isclass(obj) or inspect.isfunction(obj))
    ]


def _is_routine_or_class(obj: Any) -> bool:
    return inspect.isclass(obj) or inspect.isroutine(obj)


def _attr_doc(name: str, obj: Any) -> list[str]:
    """The ``#:`` comment of module constant ``name``, from the module defining it."""
    for modname, module in sorted(sys.modules.items()):
        if not (modname == "antq" or modname.startswith("antq.")) or module is None:
            continue
        if getattr(module, name, _MISSING) is not obj:
            continue
        try:
            docs = ModuleAnalyzer.for_module(modname).find_attr_docs()
        except Exception:
            continue
        lines = docs.get(("", name))
        if lines:
            return list(lines)
    return []


def _short_repr(obj: Any) -> str | None:
    text = repr(obj)
    return text if len(text) <= 100 and "\n" not in text else None


class AntqModule(SphinxDirective):
    """Document a module's members that ``antq`` does not re-export."""

    required_arguments = 1
    has_content = False
    option_spec = {"no-docstring": directives.flag, "no-index": directives.flag}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        modname = self.arguments[0]
        module = importlib.import_module(modname)
        top = importlib.import_module("antq")
        exported: dict[int, str] = {}
        if modname != "antq":
            for name in top.__all__:
                obj = getattr(top, name)
                if not isinstance(obj, _PRIMITIVES):
                    exported[id(obj)] = name
        own: list[str] = []
        data: list[str] = []
        shared: list[tuple[str, Any]] = []
        for name in _public_names(module):
            obj = getattr(module, name)
            if not isinstance(obj, _PRIMITIVES) and id(obj) in exported:
                shared.append((exported[id(obj)], obj))
            elif _is_routine_or_class(obj):
                own.append(name)
            else:
                data.append(name)

        lines: list[str] = []
        header = (
            [f".. py:module:: {modname}"]
            if "no-docstring" in self.options
            else [
                f".. automodule:: {modname}",
                "   :no-members:",
            ]
        )
        if "no-index" in self.options:
            header.append("   :no-index:")
        lines += [*header, ""]
        lines += [f".. currentmodule:: {modname}", ""]
        # Explicit directives, grouped: an automodule ``:members:`` list would be
        # overridden by ``autodoc_default_options["members"] = True``.
        for name in sorted(own, key=lambda n: (_group(getattr(module, n)), n)):
            obj = getattr(module, name)
            lines += [f".. {_directive(obj)}:: {name}", *_inherited(obj), ""]
        for name in data:
            obj = getattr(module, name)
            lines += [f".. py:data:: {name}", f"   :module: {modname}"]
            value = _short_repr(obj)
            if value is not None:
                lines.append(f"   :value: {value}")
            lines.append("")
            lines += [f"   {line}" if line else "" for line in _attr_doc(name, obj)]
            lines.append("")
        if shared:
            links = ", ".join(_role(obj, f"antq.{public}") for public, obj in shared)
            lines += [f"Also in this module, documented under :mod:`antq`: {links}.", ""]
        content = StringList(lines, source=f"<antq-module {modname}>")
        holder = nodes.section()
        nested_parse_with_titles(self.state, content, holder)
        return list(holder.children)


def _group(obj: Any) -> int:
    if inspect.isclass(obj):
        return 1 if issubclass(obj, BaseException) else 0
    return 2


def _inherited(obj: Any) -> list[str]:
    """``:inherited-members:`` for a class built on a private base of antq (``_Rating``).

    Such a base is left out of "Bases" (see ``_public_bases``), so the members it
    gives the class are listed with the class's own; those of a public base are
    documented with that base. A class of fields alone whose private bases only
    declare fields (the typed facts and their groups of inputs) lists them by name.
    """
    if not inspect.isclass(obj):
        return []
    mro = obj.__mro__[1:]
    private = [
        base for base in mro if base.__module__.startswith("antq") and base.__name__.startswith("_")
    ]
    if not private:
        return []
    public = [base.__name__ for base in mro if not _left_out(base)]
    option = [f"   :inherited-members: {','.join(public)}"]
    if not _methods(obj) and all(_only_fields(base) for base in private):
        option.append("   :member-order: alphabetical")
    return option


def _left_out(base: Any) -> bool:
    """Whether "Bases" leaves ``base`` out (see ``_public_bases``)."""
    return getattr(base, "__module__", "").startswith("antq._") or getattr(
        base, "__name__", ""
    ).startswith("_")


def _methods(cls: type) -> bool:
    """Whether ``cls`` itself defines a public method or property."""
    return any(
        not name.startswith("_") and (callable(value) or isinstance(value, property))
        for name, value in vars(cls).items()
    )


def _only_fields(base: type) -> bool:
    """Whether ``base`` declares attrs fields and no public method or property."""
    return bool(getattr(base, "__attrs_attrs__", ())) and not _methods(base)


def _directive(obj: Any) -> str:
    return ("autoclass", "autoexception", "autofunction")[_group(obj)]


def _role(obj: Any, target: str) -> str:
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return f":exc:`~{target}`"
    if inspect.isclass(obj):
        return f":class:`~{target}`"
    if inspect.isroutine(obj):
        return f":func:`~{target}`"
    return f":data:`~{target}`"


# -- enum members --------------------------------------------------------------------


def _enum_member_labels(app: Sphinx, domain: str, objtype: str, content: nodes.Element) -> None:
    """Give each documented CodedEnum member its labels (autodoc finds no docstring)."""
    from antq.vocabulary import CodedEnum

    if domain != "py" or objtype != "attribute" or len(content.children):
        return
    signature = content.parent[0]
    obj = _lookup(f"{signature.get('module')}.{signature.get('fullname')}")
    if isinstance(obj, CodedEnum):
        paragraph = nodes.paragraph()
        paragraph += nodes.emphasis(text=obj.label_vi)
        paragraph += nodes.Text(f" — {obj.label_en}")
        content += paragraph


def _include_special(
    app: Sphinx, what: str, name: str, obj: Any, skip: bool, options: Any
) -> bool | None:
    """Document the special methods listed in ``antq_api_special_members``."""
    qualified = f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', '')}"
    return False if qualified in app.config.antq_api_special_members else None


# -- reference resolution ------------------------------------------------------------


def _documented(env: BuildEnvironment) -> dict[int, str]:
    """Identity of each documented antq object -> its documented name (cached per build)."""
    domain = env.get_domain("py")
    key = len(domain.objects)
    cache = getattr(env, "_antq_documented", None)
    if cache is not None and cache[0] == key:
        return cache[1]
    index: dict[int, str] = {}
    for name, entry in domain.objects.items():
        if entry.aliased or not name.startswith("antq"):
            continue
        obj = _lookup(name)
        if obj is _MISSING or isinstance(obj, _PRIMITIVES):
            continue
        index.setdefault(id(obj), name)
    env._antq_documented = (key, index)  # type: ignore[attr-defined]
    return index


def _candidates(target: str, source: str) -> Iterator[str]:
    """Full names that ``target`` may mean, innermost scope of the docstring first."""
    if target.startswith("antq."):
        yield target
        return
    match = _DOCSTRING_OF.search(source)
    if match:
        parts = match.group(1).split(".")
        for cut in range(len(parts), 0, -1):
            yield ".".join([*parts[:cut], target])


def _resolve(
    app: Sphinx, env: BuildEnvironment, node: nodes.Element, contnode: nodes.Element
) -> nodes.Element | None:
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "").lstrip("~.")
    domain = env.get_domain("py")
    documented = _documented(env)
    source = node.source or ""
    for candidate in _candidates(target, source):
        obj = _lookup(candidate)
        if obj is _MISSING:
            continue
        if isinstance(obj, TypeVar):
            return contnode  # nothing to link to
        if isinstance(obj, _PRIMITIVES):
            continue
        name = documented.get(id(obj))
        if name is not None and name != target:
            return _xref(app, env, domain, node, contnode, name)
    docstring = _DOCSTRING_OF.search(source)
    if docstring and docstring.group(1).startswith("antq") and not target.startswith("antq."):
        # In an antq docstring, a short name for an object documented elsewhere.
        suffix = "." + target
        found = [n for n in domain.objects if n.endswith(suffix) and not domain.objects[n].aliased]
        if len(found) == 1:
            return _xref(app, env, domain, node, contnode, found[0])
    return None


def _xref(
    app: Sphinx,
    env: BuildEnvironment,
    domain: Any,
    node: nodes.Element,
    contnode: nodes.Element,
    name: str,
) -> nodes.Element | None:
    entry = domain.objects[name]
    return domain.resolve_xref(
        env,
        node["refdoc"],
        app.builder,
        _role_for(entry.objtype, node["reftype"]),
        name,
        node,
        contnode,
    )


def _role_for(objtype: str, reftype: str) -> str:
    return {
        "attribute": "attr",
        "property": "attr",
        "method": "meth",
        "function": "func",
        "class": "class",
        "exception": "exc",
        "data": "data",
        "module": "mod",
    }.get(objtype, reftype)


def _public_bases(app: Sphinx, name: str, obj: Any, options: Any, bases: list[Any]) -> None:
    """Leave private helper bases (``antq._serialise.JsonForm``, a module's ``_Rating``) out
    of "Bases"."""
    bases[:] = [
        b
        for b in bases
        if not getattr(b, "__module__", "").startswith("antq._")
        and not getattr(b, "__name__", "").startswith("_")
    ]
    if not bases:
        bases.append(object)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("antq-module", AntqModule)
    app.connect("autodoc-process-bases", _public_bases)
    app.connect("object-description-transform", _enum_member_labels)
    app.connect("autodoc-skip-member", _include_special)
    app.add_config_value("antq_api_special_members", (), "env")
    app.connect("missing-reference", _resolve)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
