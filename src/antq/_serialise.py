"""antq's one JSON converter: results and documents to JSON-ready data and back.

Built once on :mod:`cattrs`; every type that antq writes as JSON declares its
layout here with :func:`json_form` (the key order, the keys named apart from
their attribute, what is left out when empty, a version key) and gets its
``to_json`` from :class:`JsonForm`, and ``from_json`` too from
:class:`JsonRoundTrip` when it is read back. A projection for readers (the
catalogue's entries) is a view, registered with :func:`json_view`. The converter writes
vocabularies as their stable codes, dates as ``YYYY-MM-DD``, labels as
``{"msgid": ...}`` or ``{"vi": ..., "en": ...}`` and tuples as lists; it reads
them back strictly (no string taken for a number, no number for a string) and
reports the first bad value with its path in the document
(``verdict.results[3].outcome``) as an :exc:`~antq.errors.InputError`.

``texts``: a result written with rendered texts (``to_json(texts=("vi",))``)
uses a converter of its own for those languages, made once, whose forms add
the texts after the data.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, Self, TypeAlias, TypeVar

import attrs

from antq.core.frozen import FrozenMap
from antq.errors import InputError
from antq.i18n.catalog import Label, Msg, Text, label_from_json
from antq.vocabulary import LANGS, CodedEnum, Lang

if TYPE_CHECKING:
    import cattrs

T = TypeVar("T")

#: How one value is written and read: (to JSON-ready data, from it; None for a
#: value written only). The reader raises :exc:`InputError` with a path relative
#: to the value ("" for the value itself).
Codec: TypeAlias = tuple[Callable[[Any], Any], Callable[[Any], Any] | None]

#: Rendered texts added after the data of a result written with ``texts``.
Texts: TypeAlias = Callable[[Any, tuple[Lang, ...]], dict[str, Any]]


class _Here(InputError):
    """An input error whose path is relative to the value being read."""


def _relative(error: InputError, prefix: str = "") -> _Here:
    return _Here(prefix + error.path, error.value, error.message)


def _is_relative(path: str) -> bool:
    # A reader's own errors: "" (the value), ".key" or "[index]" below it. Others
    # (a constructor's "Percent.denominator") name their own place.
    return not path or path[0] in ".["


def _reader(read: Callable[[Any], T]) -> Callable[[Any, Any], T]:
    """A cattrs structure hook from ``read``; its errors' paths become relative."""

    def hook(value: Any, _: Any) -> T:
        try:
            return read(value)
        except _Here:
            raise
        except InputError as error:
            if not _is_relative(error.path):
                raise
            raise _relative(error) from None

    return hook


# --- strict values ------------------------------------------------------------------------


def _read_str(value: object) -> str:
    if not isinstance(value, str):
        raise InputError("", value, Msg("expected a string"))
    return value


def _read_optional_str(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise InputError("", value, Msg("expected a string or null"))
    return value


def _read_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError("", value, Msg("expected a whole number"))
    return value


def _read_bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise InputError("", value, Msg("expected true or false"))
    return value


def _read_float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError("", value, Msg("expected a number"))
    return value


def _read_date(value: object) -> date:
    # Not at the top: antq.core.periods reads its windows from data through modules that use forms.
    from antq.core.periods import parse_iso_date

    return parse_iso_date(value, "")


def _read_mapping(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError("", value, Msg("expected an object"))
    return value


def _read_code(value: Any, kind: type[CodedEnum]) -> CodedEnum:
    try:
        return kind.from_code(value, path="")
    except InputError as error:  # named by its vocabulary when no path is given
        raise _Here("", error.value, error.message) from None


def _is_coded(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, CodedEnum)


def _is_tuple(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_label(kind: Any) -> bool:
    return kind is Label


def _tuple_reader(converter: cattrs.Converter, kind: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    item = typing.get_args(kind)[0]
    read = converter.get_structure_hook(item)

    def hook(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Here("", value, Msg("expected a list"))
        out = []
        for index, element in enumerate(value):
            try:
                out.append(read(element, item))
            except Exception as error:  # located below, or passed on as it is
                raise located(error, f"[{index}]") from None
        return tuple(out)

    return hook


def _list_writer(converter: cattrs.Converter, kind: Any) -> Callable[[Any], list[Any]]:
    item = typing.get_args(kind)[0]
    if item in (str, int, bool):
        return list
    write = converter.get_unstructure_hook(item)
    return lambda values: [write(v) for v in values]


def label_json(label: Label) -> dict[str, str]:
    """A :class:`Msg` as ``{"msgid": ...}``, a :class:`Text` as ``{"vi": ..., "en": ...}``."""
    if type(label) is Msg:
        return {"msgid": label.msgid}
    if type(label) is Text:
        return {"vi": label.vi, "en": label.en}
    raise TypeError(f"{type(label).__name__} is not a label antq can write as JSON")


def _optional_label_json(label: Label | None) -> dict[str, str] | None:
    return None if label is None else label_json(label)


def _is_optional_label(kind: Any) -> bool:
    return bool(kind == Label | None)


def _base() -> cattrs.Converter:
    # Imported on first use: a command that writes no JSON never loads cattrs.
    import cattrs

    converter = cattrs.Converter(detailed_validation=True)
    for kind, read in (
        (str, _read_str),
        (str | None, _read_optional_str),
        (int, _read_int),
        (bool, _read_bool),
        (float, _read_float),
        (date, _read_date),
    ):
        converter.register_structure_hook(kind, _reader(read))
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook_func(_is_coded, _read_code)
    # A vocabulary member's value is its code.
    converter.register_unstructure_hook_func(_is_coded, attrgetter("_value_"))
    converter.register_structure_hook_func(_is_label, _reader(partial(label_from_json, path="")))
    converter.register_unstructure_hook_func(_is_label, label_json)
    converter.register_unstructure_hook_func(_is_optional_label, _optional_label_json)
    converter.register_unstructure_hook(Msg, label_json)
    converter.register_unstructure_hook(Text, label_json)
    converter.register_structure_hook_factory(_is_tuple, partial(_tuple_reader, converter))
    converter.register_unstructure_hook_factory(_is_tuple, partial(_list_writer, converter))
    return converter


# --- errors with their paths ---------------------------------------------------------------


def _note(error: BaseException, kind: type[T]) -> T | None:
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, kind):
            return note
    return None


def located(error: BaseException, prefix: str = "") -> BaseException:
    """The first input error inside ``error`` (a cattrs error group), with its path.

    A relative error comes back relative, under ``prefix``; an error with a
    path of its own (raised by a class's constructor) comes back as it is.
    """
    # Imported on first use (see _base); loaded by then, as the error comes from cattrs.
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        IterableValidationError,
        IterableValidationNote,
    )

    if isinstance(error, _Here):
        return _relative(error, prefix)
    if isinstance(error, InputError):
        return error
    if isinstance(error, ClassValidationError):
        for inner in error.exceptions:
            note = _note(inner, AttributeValidationNote)
            key = "" if note is None else _KEYS.get((error.cl, note.name), note.name)
            return located(inner, f"{prefix}.{key}" if key else prefix)
    if isinstance(error, IterableValidationError):
        for inner in error.exceptions:
            index = _note(inner, IterableValidationNote)
            return located(inner, prefix if index is None else f"{prefix}[{index.index}]")
    if isinstance(error, KeyError):
        return _Here(prefix, None, Msg("is required"))
    return error


def structure(data: object, kind: type[T], path: str) -> T:
    """``data`` read as a ``kind``; a bad value raises :exc:`InputError` under ``path``."""
    try:
        return _converter(()).structure(data, kind)
    except Exception as error:  # located: an InputError with its path, or passed on
        found = located(error)
        if isinstance(found, _Here):
            raise InputError(path + found.path, found.value, found.message) from None
        if found is error:
            raise
        raise found from None


def _converter(texts: tuple[Lang, ...]) -> cattrs.Converter:
    converter = _CONVERTERS.get(texts)
    if converter is None:
        converter = _CONVERTERS[texts] = _base()
        for kind, codec in _CODECS:
            _register_codec(converter, kind, codec)
        for kind, view in _VIEWS:
            converter.register_unstructure_hook(kind, view)
        for form in _FORMS:
            form.register(converter, texts)
    return converter


def unstructure(value: object, texts: tuple[Lang, ...] = ()) -> Any:
    """``value`` as JSON-ready data; ``texts`` adds the rendered texts of its results."""
    key = (texts, value.__class__)
    hook = _WRITERS.get(key)
    if hook is None:
        hook = _WRITERS[key] = _converter(texts).get_unstructure_hook(value.__class__)
    return hook(value)


def _constant(value: object, _: object) -> object:
    return value


def _register_codec(converter: cattrs.Converter, kind: type, codec: Codec) -> None:
    converter.register_unstructure_hook(kind, codec[0])
    if codec[1] is not None:
        converter.register_structure_hook(kind, _reader(codec[1]))


def json_codec(kind: type, codec: Codec) -> None:
    """Write and read every ``kind`` with ``codec``, a type with a JSON form of its own."""
    _WRITERS.clear()
    _CODECS.append((kind, codec))
    for converter in _CONVERTERS.values():
        _register_codec(converter, kind, codec)


# --- layouts -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Form:
    cls: type
    #: Written: attribute or property names in key order.
    written: tuple[str, ...]
    #: Read: attribute names (as the constructor takes them).
    read: tuple[str, ...] = ()
    rename: Mapping[str, str] = attrs.field(factory=dict)
    codecs: Mapping[str, Codec] = attrs.field(factory=dict)
    omit_empty: frozenset[str] = frozenset()
    flatten: Mapping[str, type] = attrs.field(factory=dict)
    version: tuple[str, int] | None = None
    texts: Texts | None = None
    check: Callable[[Any, dict[str, Any]], None] | None = None
    strict: bool = False
    required: tuple[str, ...] = ()
    readable: bool = True

    def _attribute(self, name: str) -> attrs.Attribute[Any]:
        known: dict[str, attrs.Attribute[Any]] = {a.name: a for a in attrs.fields(self.cls)}
        if name in known:
            return known[name]
        # A property, written only: an attribute of that name, for the generated code.
        prop = getattr(self.cls, name)
        fget = getattr(prop, "fget", None)
        kind = Any if fget is None else typing.get_type_hints(fget).get("return", Any)
        return attrs.Attribute(  # type: ignore[call-arg]
            name, attrs.NOTHING, None, True, None, None, True, False, type=kind
        )

    def _overrides(self, names: Sequence[str], writing: bool) -> dict[str, Any]:
        # Imported on first use (see _base).
        from cattrs.gen import override

        out = {}
        for name in names:
            codec = self.codecs.get(name)
            hook = None if codec is None else codec[0 if writing else 1]
            out[name] = override(
                rename=self.rename.get(name),
                omit_if_default=writing and name in self.omit_empty,
                unstruct_hook=hook if writing else None,
                struct_hook=None if writing or hook is None else _reader(hook),
            )
        return out

    def writer(
        self, converter: cattrs.Converter, texts: tuple[Lang, ...]
    ) -> Callable[[Any], dict[str, Any]]:
        # Imported on first use (see _base).
        from cattrs.gen import make_dict_unstructure_fn_from_attrs, override

        attrs.resolve_types(self.cls)
        written = [self._attribute(n) for n in self.written]
        overrides = self._overrides(self.written, True)
        version = self.version
        if version is not None:
            # The version first, in the generated code: the one key whose value is
            # not read from the instance (its class is read, and the version written).
            written.insert(0, self._attribute("__class__"))
            overrides["__class__"] = override(
                rename=version[0], unstruct_hook=partial(_constant, version[1])
            )
        write: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn_from_attrs(
            written, self.cls, converter, _cattrs_use_alias=False, **overrides
        )
        spliced = frozenset(self.flatten) & frozenset(self.written)
        if spliced:
            write = self._spliced(write, frozenset(self.rename.get(n, n) for n in spliced))
        if texts and self.texts is not None:
            write = self._with_texts(write, self.texts, texts)
        return write

    @staticmethod
    def _spliced(
        write: Callable[[Any], dict[str, Any]], keys: frozenset[str]
    ) -> Callable[[Any], dict[str, Any]]:
        def hook(value: Any) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for key, item in write(value).items():
                if key in keys:
                    out.update(item)  # a flattened attribute: its keys in its place
                else:
                    out[key] = item
            return out

        return hook

    def register(self, converter: cattrs.Converter, texts: tuple[Lang, ...]) -> None:
        # Generated on first use: a command writes a few of the types, and each one
        # generated costs a compile.
        converter.register_unstructure_hook_factory(
            self._is_mine, lambda _: self.writer(converter, texts)
        )
        if self.readable:
            converter.register_structure_hook_factory(
                self._is_mine, lambda _: self.structurer(converter)
            )

    def _is_mine(self, kind: Any) -> bool:
        return kind is self.cls

    def structurer(self, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
        # Imported on first use (see _base).
        from cattrs.gen import make_dict_structure_fn_from_attrs

        attrs.resolve_types(self.cls)
        fields = {a.name: a for a in attrs.fields(self.cls)}
        read: Callable[[Any, Any], Any] = make_dict_structure_fn_from_attrs(
            [fields[n] for n in self.read],
            self.cls,
            converter,
            _cattrs_forbid_extra_keys=False,  # checked by _reader, naming the value
            _cattrs_use_alias=False,
            **self._overrides(self.read, False),
        )
        return self._reader(read, converter)  # type: ignore[no-any-return]

    @staticmethod
    def _with_texts(
        write: Callable[[Any], dict[str, Any]], add_texts: Texts, texts: tuple[Lang, ...]
    ) -> Callable[[Any], dict[str, Any]]:
        def hook(value: Any) -> dict[str, Any]:
            data = write(value)
            data.update(add_texts(value, texts))
            return data

        return hook

    def _reader(self, read: Callable[[Any, Any], Any], converter: cattrs.Converter) -> Any:
        version, check, flatten, cls = self.version, self.check, self.flatten, self.cls
        required = self.required
        known = None
        if self.strict:
            known = {self.rename.get(n, n) for n in self.read}
            if version is not None:
                known.add(version[0])
        allowed = ", ".join(sorted(known or ()))

        def hook(data: Any, _: Any) -> Any:
            if not isinstance(data, dict):
                raise _Here("", data, Msg("expected an object"))
            if known is not None and not known.issuperset(data):
                key = min(k for k in data if k not in known)
                raise _Here(
                    f".{key}",
                    data[key],
                    Msg("unknown key; allowed: {allowed}"),
                    params={"allowed": allowed},
                )
            for key in required:
                if key not in data:
                    raise _Here(f".{key}", None, Msg("is required"))
            if version is not None and data.get(version[0]) != version[1]:
                raise _Here(
                    f".{version[0]}",
                    data.get(version[0]),
                    Msg("expected {version}"),
                    params={"version": version[1]},
                )
            given = {**data, **dict.fromkeys(flatten, data)} if flatten else data
            value = read(given, cls)
            if check is not None:
                try:
                    check(value, data)
                except InputError as error:
                    if not _is_relative(error.path):
                        raise
                    raise _relative(error) from None
            return value

        return hook


_FORMS: list[_Form] = []
_CODECS: list[tuple[type, Codec]] = []
_VIEWS: list[tuple[type, Callable[[Any], dict[str, Any]]]] = []
#: (class, attribute) -> JSON key, for the paths of errors ("" for a flattened attribute).
_KEYS: dict[tuple[type, str], str] = {}
#: The converters made so far, by the languages of their texts (none until first used).
_CONVERTERS: dict[tuple[Lang, ...], cattrs.Converter] = {}
#: Each type's writer, by the languages of its texts (the converter's dispatch, once).
_WRITERS: dict[tuple[tuple[Lang, ...], type], Callable[[Any], Any]] = {}


def json_form(
    cls: type,
    *,
    written: Sequence[str] | None = None,
    read: Sequence[str] | None = None,
    rename: Mapping[str, str] | None = None,
    codecs: Mapping[str, Codec] | None = None,
    omit_empty: Collection[str] = (),
    flatten: Mapping[str, type] | None = None,
    version: tuple[str, int] | None = None,
    texts: Texts | None = None,
    check: Callable[[Any, dict[str, Any]], None] | None = None,
    strict: bool = False,
    required: Sequence[str] = (),
    readable: bool = True,
) -> None:
    """Declare how ``cls`` is written as JSON and read back.

    ``written``: the attributes and properties, in key order (default: the
    attributes in order); ``read``: the attributes read back (default: those
    written that the constructor takes); ``rename``: JSON keys that differ from
    the attribute; ``codecs``: a writer and reader for one attribute;
    ``omit_empty``: left out when equal to the default; ``flatten``: attributes
    whose own keys sit in this object; ``version``: a leading (key, version)
    that must match on reading; ``texts``: rendered texts added after the data
    when asked; ``check``: a test of the value read against the data;
    ``strict``: unknown keys are refused; ``required``: keys that must be
    given even though their attribute has a default; ``readable``: False for
    a type that is written only (it has no ``from_json``).
    """
    chosen = tuple(written if written is not None else [a.name for a in attrs.fields(cls)])
    in_init = {a.name for a in attrs.fields(cls) if a.init}
    form = _Form(
        cls=cls,
        written=chosen,
        read=tuple(read if read is not None else [n for n in chosen if n in in_init]),
        rename=dict(rename or {}),
        codecs=dict(codecs or {}),
        omit_empty=frozenset(omit_empty),
        flatten=dict(flatten or {}),
        version=version,
        texts=texts,
        check=check,
        strict=strict,
        required=tuple(required),
        readable=readable,
    )
    for name, key in form.rename.items():
        _KEYS[(cls, name)] = key
    for name in form.flatten:
        _KEYS[(cls, name)] = ""  # its keys sit in the object itself
    _WRITERS.clear()
    _FORMS.append(form)
    for texts_of, converter in _CONVERTERS.items():
        form.register(converter, texts_of)


def json_view(cls: type, view: Callable[[Any], dict[str, Any]]) -> None:
    """Write ``cls`` with ``view``: a projection for readers, not the object's own fields.

    The catalogue's entries are views: they render titles and citations in
    both languages and gather what a reader needs from the rule set, and are
    never read back.
    """
    _WRITERS.clear()
    _VIEWS.append((cls, view))
    for converter in _CONVERTERS.values():
        converter.register_unstructure_hook(cls, view)


class _Renders(Protocol):
    def render(self, lang: Lang) -> str: ...


def rendered(label: _Renders) -> dict[str, str]:
    """``label`` rendered in every language: ``{"vi": ..., "en": ...}``."""
    return {lang: label.render(lang) for lang in LANGS}


def json_writer(
    cls: type,
    *,
    written: Sequence[str],
    rename: Mapping[str, str] | None = None,
    version: tuple[str, int] | None = None,
) -> Callable[[Any], dict[str, Any]]:
    """A writer of some keys of ``cls`` alone (for a fast path that writes the rest itself).

    Generated on its first call.
    """
    # Never registered, only its writer made: the parts for reading keep their defaults.
    form = _Form(cls=cls, written=tuple(written), rename=dict(rename or {}), version=version)
    made: list[Callable[[Any], dict[str, Any]]] = []

    def write(value: Any) -> dict[str, Any]:
        if not made:
            made.append(form.writer(_converter(()), ()))
        return made[0](value)

    return write


class JsonForm:
    """``to_json`` through antq's one converter (see :func:`json_form`)."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # The same methods, held by each class too: its documentation lists them as
        # its own (autodoc leaves inherited members out).
        for base in cls.__mro__[1:]:
            if base.__module__ != __name__:
                continue  # only the methods defined here, not a class's own
            for name in ("to_json", "from_json"):
                if name in base.__dict__ and name not in cls.__dict__:
                    setattr(cls, name, base.__dict__[name])

    def to_json(self, *, texts: tuple[Lang, ...] = ()) -> dict[str, Any]:
        """JSON-ready data: codes, numbers, ISO dates and message templates.

        ``texts`` adds the reasons rendered in those languages (results only).
        """
        return unstructure(self, texts)  # type: ignore[no-any-return]


class JsonRoundTrip(JsonForm):
    """``to_json`` and ``from_json`` through antq's one converter."""

    __slots__ = ()

    #: The path of errors in what :meth:`from_json` reads, unless told otherwise.
    json_path: ClassVar[str] = "value"

    @classmethod
    def from_json(cls, data: object, *, path: str | None = None) -> Self:
        """Read back what :meth:`to_json` wrote (rendered texts are ignored).

        A value of the wrong type raises :exc:`~antq.errors.InputError` naming
        its path under ``path`` (default: the class's ``json_path``) and the value.
        """
        return structure(data, cls, cls.json_path if path is None else path)


def mapping_codec(read_item: Callable[[Any], Any], write_item: Callable[[Any], Any]) -> Codec:
    """A codec of a string-keyed mapping (read as a :class:`~antq.core.frozen.FrozenMap`)."""

    def read(value: Any) -> FrozenMap[str, Any]:
        items = _read_mapping(value)
        out = {}
        for key, item in items.items():
            try:
                out[key] = read_item(item)
            except InputError as error:
                if not _is_relative(error.path):
                    raise
                raise InputError(f".{key}{error.path}", error.value, error.message) from None
        return FrozenMap(out)

    return (lambda value: {k: write_item(v) for k, v in value.items()}, read)
