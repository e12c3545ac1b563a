"""FHIR XML -> the same dictionaries a FHIR JSON file gives, so one reader serves both.

The FHIR models say for each element whether it repeats and what type it has (the XML alone does not:
a single <given> may be a list of one, value="7" may be text or a number). Unlike the models' own XML
reader, one element the models do not know does not stop the file: it is taken over as it is written,
and the resource's own check says what is wrong with it. The narrative (<div>) becomes its XHTML text.

The parser reads no DTD, resolves no entities and fetches nothing; libxml2 refuses nesting past 256
levels and the conversion stops at MAX_DEPTH, so no file can exhaust the memory or the stack.
"""

import re
import types
import typing
from decimal import Decimal
from functools import lru_cache
from typing import Any

from lxml import etree

FHIR_NS = "http://hl7.org/fhir"
XHTML_NS = "http://www.w3.org/1999/xhtml"
MAX_DEPTH = 64
PRIMITIVES = ("bool", "int", "decimal", "str")
_INTEGER = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")


class XmlProblem(ValueError):
    """The XML is not a FHIR document Regie can read; the text says why in the user's terms."""


class Models(typing.Protocol):
    def get_fhir_model_class(self, model_name: str) -> Any: ...


def parse(data: bytes) -> Any:
    """The document's root element; XmlProblem when it is not well-formed or asks for a DTD."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        if "depth" in str(error).lower():
            raise XmlProblem(f"The XML is nested deeper than any FHIR file (more than {MAX_DEPTH} levels).") from None
        raise XmlProblem(f"The file looks like XML but is not well-formed (line {error.lineno}).") from None
    if root.getroottree().docinfo.doctype:
        raise XmlProblem("The XML declares a document type, which a FHIR file never does.")
    return root


def is_fhir(root: Any) -> bool:
    return isinstance(root.tag, str) and etree.QName(root).namespace == FHIR_NS


def root_name(root: Any) -> str:
    """The root element's name, only when it is a plain name (it is shown in a message)."""
    name = etree.QName(root).localname if isinstance(root.tag, str) else ""
    return name if re.fullmatch(r"[A-Za-z][A-Za-z0-9_.-]{0,39}", name) else ""


def to_json(root: Any, models: Models) -> dict[str, Any]:
    """The root resource as FHIR JSON, typed by these models (fhir.resources R4B or STU3)."""
    return _resource(root, models, 1)


def _resource(element: Any, models: Models, depth: int) -> dict[str, Any]:
    kind = etree.QName(element).localname
    return {"resourceType": kind, **_complex(element, _model(models, kind), models, depth)}


def _complex(element: Any, model: Any, models: Models, depth: int) -> dict[str, Any]:
    if depth > MAX_DEPTH:
        raise XmlProblem(f"The XML is nested deeper than any FHIR file (more than {MAX_DEPTH} levels).")
    out: dict[str, Any] = {name: element.get(name) for name in ("id", "url") if element.get(name) is not None}
    extensions: dict[str, list[dict[str, Any] | None]] = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        many, kind = _field(model, name) if model is not None else (False, "")
        value, extension = _value(child, kind, models, depth)
        if many or name in out and kind == "":
            _append(out, name, value)
            extensions.setdefault(name, []).append(extension)
        else:
            out[name] = value
            if extension is not None:
                out[f"_{name}"] = extension
    for name, found in extensions.items():
        if any(extension is not None for extension in found):
            out[f"_{name}"] = found
    return out


def _append(out: dict[str, Any], name: str, value: Any) -> None:
    """Add a value to a repeating element (an element the models do not know becomes a list when it repeats)."""
    held = out.get(name)
    out[name] = [*held, value] if isinstance(held, list) else [held, value] if name in out else [value]


def _value(child: Any, kind: str, models: Models, depth: int) -> tuple[Any, dict[str, Any] | None]:
    """An element's JSON value, and the id and extensions of a primitive (its '_name' in JSON)."""
    if kind == "xhtml":
        return _xhtml(child), None
    if kind == "resource":
        inner = next((e for e in child if isinstance(e.tag, str)), None)
        return (_resource(inner, models, depth + 1) if inner is not None else {}), None
    if child.get("value") is not None or kind in PRIMITIVES and not _has_elements_but_extensions(child):
        # (a value where these models expect an element with parts: another version's shape, kept as written
        # so the version can be told from it)
        return _primitive(child.get("value"), kind if kind in PRIMITIVES else ""), \
            _primitive_extension(child, models, depth)
    return _complex(child, _model(models, kind) if kind and kind not in PRIMITIVES else None, models, depth + 1), None


def _has_elements_but_extensions(element: Any) -> bool:
    return any(isinstance(e.tag, str) and etree.QName(e).localname != "extension" for e in element)


def _primitive(text: str | None, kind: str) -> Any:
    """As JSON writes it: booleans and numbers as such (text that is neither stays text for the check)."""
    if text is None or kind in ("", "str"):
        return text
    if kind == "bool" and text in ("true", "false"):
        return text == "true"
    if kind in ("int", "decimal") and _INTEGER.fullmatch(text):
        return int(text)
    if kind == "decimal" and _DECIMAL.fullmatch(text):
        return float(text)
    return text


def _primitive_extension(child: Any, models: Models, depth: int) -> dict[str, Any] | None:
    extension = _model(models, "Extension")
    found = [_complex(e, extension, models, depth + 1) for e in child
             if isinstance(e.tag, str) and etree.QName(e).localname == "extension"]
    out: dict[str, Any] = {"id": child.get("id")} if child.get("id") is not None else {}
    return {**out, "extension": found} if found else out or None


def _xhtml(element: Any) -> str:
    """The narrative as JSON carries it: <div xmlns="http://www.w3.org/1999/xhtml">, whatever prefix the file
    gave the XHTML namespace."""
    copy = _in_default_namespace(element)
    return str(etree.tostring(copy, encoding="unicode", with_tail=False))


def _in_default_namespace(element: Any) -> Any:
    tag = element.tag if isinstance(element.tag, str) else "span"
    copy = etree.Element(etree.QName(XHTML_NS, etree.QName(tag).localname), nsmap={None: XHTML_NS})
    _copy_into(element, copy)
    return copy


def _copy_into(source: Any, target: Any) -> None:
    for name, value in source.attrib.items():
        target.set(etree.QName(name).localname if etree.QName(name).namespace == XHTML_NS else name, value)
    target.text = source.text
    for child in source:
        if not isinstance(child.tag, str):
            continue
        inner = etree.SubElement(target, etree.QName(XHTML_NS, etree.QName(child).localname))
        _copy_into(child, inner)
        inner.tail = child.tail


def _model(models: Models, name: str) -> Any:
    try:
        return models.get_fhir_model_class(name)
    except (KeyError, ValueError, AttributeError, ImportError):
        return None  # a type these models do not know: its elements are taken over as written


def _field(model: Any, name: str) -> tuple[bool, str]:
    """(repeats, type) of the model's element: type is a primitive's kind, 'xhtml', 'resource', a model name,
    or '' for an element the model does not have."""
    return _fields(model).get(name, (False, ""))


@lru_cache(maxsize=512)
def _fields(model: Any) -> dict[str, tuple[bool, str]]:
    fields = model.model_fields
    return {alias: _shape(fields[field].annotation) for alias, field in model.get_alias_mapping().items()
            if field in fields}


def _shape(annotation: Any) -> tuple[bool, str]:
    many, marks = False, ()
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            marks += annotation.__metadata__
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        elif origin is list:
            many, annotation = True, typing.get_args(annotation)[0]
        else:
            break
    return many, _kind(annotation, marks)


def _kind(annotation: Any, marks: tuple[Any, ...]) -> str:
    if any(type(mark).__name__ == "Xhtml" for mark in marks):
        return "xhtml"
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation in (Decimal, float):
        return "decimal"
    name = getattr(annotation, "__name__", "")
    if name == "ResourceType":
        return "resource"
    return name[:-4] if name.endswith("Type") and len(name) > 4 else "str"
