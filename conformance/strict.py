"""Strict validation of raw Admin API JSON against the SDK's pydantic models.

The SDK itself is lenient (extra keys allowed, missing nullable keys default to None, naive
timestamps accepted). This module is the opposite: it walks the model's declared fields and
the raw JSON side by side and reports every difference, then also runs pydantic's own strict
JSON validation. Rules (from admin-api.md §1.7 and §2):

* every declared field is present, including nullable ones (sent as null, never omitted);
* no undeclared key, at any depth, including inside tagged unions;
* exact JSON types: int is a JSON integer (never a bool or a string), str is a string;
* timestamps are RFC 3339 strings in UTC with a `Z` suffix (the server always sends `Z`);
* money fields are strings holding decimals (see MONEY_RULES);
* tagged unions are chosen by their discriminator and the chosen variant is checked exactly.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import types
import typing
from typing import Any, Iterable

import pydantic

try:  # the SDK's marker for tagged unions
    from anthropic._models import UnionDiscriminator
except ImportError:  # pragma: no cover - the pinned SDK has it
    UnionDiscriminator = None  # type: ignore[assignment,misc]

RFC3339_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")
DECIMAL = re.compile(r"^\d+(\.\d+)?$")
INTEGER_DIGITS = re.compile(r"^\d+$")
DECIMAL_3 = re.compile(r"^\d+(\.\d{1,3})?$")
CURRENCY = re.compile(r"^[A-Z]{3}$")

# (model class name, field) -> (regex, description). Money is always a string in minor units.
MONEY_RULES: dict[tuple[str, str], tuple[re.Pattern[str], str]] = {
    ("BetaSpendLimit", "amount"): (INTEGER_DIGITS, "a non-negative integer decimal string"),
    ("BetaSpendSummary", "amount"): (INTEGER_DIGITS, "a non-negative integer decimal string"),
    ("BetaSpendSummary", "period_to_date_spend"): (DECIMAL_3, "a decimal with <= 3 fractional digits"),
    ("BetaAnalyticsCostMetrics", "amount"): (DECIMAL, "a decimal string"),
    ("BetaAnalyticsCostMetrics", "list_amount"): (DECIMAL, "a decimal string"),
    ("LegacyCostRow", "amount"): (DECIMAL, "a decimal string"),
}
CURRENCY_FIELDS = {"currency"}


def _annotations(cls: type) -> dict[str, Any]:
    """Declared annotations of a model, base classes first (typing.get_type_hints chokes on
    the SDK's base class)."""
    merged: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        merged.update(klass.__dict__.get("__annotations__", {}))
    return merged


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, pydantic.BaseModel)


def _discriminator(metadata: Iterable[Any]) -> str | None:
    for item in metadata:
        if UnionDiscriminator is not None and isinstance(item, UnionDiscriminator):
            return item.field_name
        name = getattr(item, "field_name", None)
        if isinstance(name, str):
            return name
    return None


def _literal_values(tp: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(tp) is typing.Literal:
        return typing.get_args(tp)
    return None


def _variant_tag(model: type, field: str) -> tuple[Any, ...]:
    ann = _annotations(model).get(field)
    values = _literal_values(ann)
    return values or ()


def json_type(value: Any) -> str:
    """The JSON type name of a decoded value (bool before int: bool is an int in Python)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def check_timestamp(value: Any, path: str) -> list[str]:
    """RFC 3339, UTC `Z`, a real calendar instant."""
    if not isinstance(value, str):
        return [f"{path}: expected an RFC 3339 string, got {json_type(value)} {value!r}"]
    if not RFC3339_Z.match(value):
        return [f"{path}: expected RFC 3339 with `Z` offset, got {value!r}"]
    try:
        _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return [f"{path}: not a valid date-time: {value!r}"]
    return []


def check(value: Any, tp: Any, path: str = "$", owner: str = "", field: str = "") -> list[str]:
    """All strictness violations of `value` against the type `tp` (empty list = conforms)."""
    errors: list[str] = []
    metadata: tuple[Any, ...] = ()
    if typing.get_origin(tp) is typing.Annotated:
        metadata = tp.__metadata__
        tp = typing.get_args(tp)[0]
    origin = typing.get_origin(tp)

    if origin is typing.Union or origin is types.UnionType:
        members = list(typing.get_args(tp))
        if type(None) in members:
            if value is None:
                return []
            members = [m for m in members if m is not type(None)]
        elif value is None:
            return [f"{path}: null is not allowed here"]
        inner_disc = _discriminator(metadata)
        # Optional[Annotated[Union[..], UnionDiscriminator]] nests the tagged union one deeper.
        if len(members) == 1 and inner_disc is None:
            return check(value, members[0], path, owner, field)
        if inner_disc is not None:
            return _tagged(value, members, inner_disc, path)
        attempts = [check(value, m, path, owner, field) for m in members]
        if any(not a for a in attempts):
            return []
        flat = "; ".join(a[0] for a in attempts if a)
        return [f"{path}: matches no variant of the union ({flat})"]

    if value is None:
        return [f"{path}: required value is null"]

    literal = _literal_values(tp)
    if literal is not None:
        if not any(type(value) is type(v) and value == v for v in literal):
            return [f"{path}: {value!r} is not one of {list(literal)}"]
        return []

    if _is_model(tp):
        return check_model(value, tp, path)

    if tp is _dt.datetime:
        return check_timestamp(value, path)
    if tp is bool:
        return [] if isinstance(value, bool) else [f"{path}: expected boolean, got {json_type(value)} {value!r}"]
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            return [f"{path}: expected integer, got {json_type(value)} {value!r}"]
        return []
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return [f"{path}: expected number, got {json_type(value)} {value!r}"]
        return []
    if tp is str:
        if not isinstance(value, str):
            return [f"{path}: expected string, got {json_type(value)} {value!r}"]
        rule = MONEY_RULES.get((owner, field))
        if rule is not None and not rule[0].match(value):
            errors.append(f"{path}: money must be {rule[1]}, got {value!r}")
        if field in CURRENCY_FIELDS and not CURRENCY.match(value):
            errors.append(f"{path}: currency must be an ISO 4217 code, got {value!r}")
        return errors
    if origin in (list, typing.List) or tp is list:
        if not isinstance(value, list):
            return [f"{path}: expected array, got {json_type(value)}"]
        (item_tp,) = typing.get_args(tp) or (Any,)
        for index, item in enumerate(value):
            errors.extend(check(item, item_tp, f"{path}[{index}]", owner, field))
        return errors
    if origin in (dict, typing.Dict) or tp is dict:
        if not isinstance(value, dict):
            return [f"{path}: expected object, got {json_type(value)}"]
        key_tp, val_tp = typing.get_args(tp) or (Any, Any)
        for key, item in value.items():
            errors.extend(check(key, key_tp, f"{path}.<key>"))
            errors.extend(check(item, val_tp, f"{path}[{key!r}]"))
        return errors
    if tp is Any:
        return []
    return [f"{path}: checker cannot handle type {tp!r}"]


def _tagged(value: Any, members: list[Any], disc: str, path: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{path}: expected a tagged object, got {json_type(value)}"]
    if disc not in value:
        return [f"{path}: tagged union without its `{disc}` key"]
    tag = value[disc]
    for member in members:
        if _is_model(member) and tag in _variant_tag(member, disc):
            return check_model(value, member, path)
    known = [t for m in members if _is_model(m) for t in _variant_tag(m, disc)]
    return [f"{path}.{disc}: {tag!r} is not one of {known}"]


def model_keys(model: type) -> dict[str, str]:
    """JSON key -> attribute name for every declared field of a pydantic model."""
    return {(f.alias or name): name for name, f in model.model_fields.items()}


def check_model(value: Any, model: type, path: str = "$") -> list[str]:
    """Exact key set (no missing key, nullable ones included; no extra key) and field types."""
    if not isinstance(value, dict):
        return [f"{path}: expected object ({model.__name__}), got {json_type(value)}"]
    keys = model_keys(model)
    errors: list[str] = []
    missing = sorted(set(keys) - set(value))
    extra = sorted(set(value) - set(keys))
    if missing:
        errors.append(f"{path}: missing key(s) {missing} ({model.__name__})")
    if extra:
        errors.append(f"{path}: undeclared key(s) {extra} ({model.__name__})")
    annotations = _annotations(model)
    for key, attr in keys.items():
        if key in value:
            errors.extend(check(value[key], annotations[attr], f"{path}.{key}", model.__name__, attr))
    return errors


def pydantic_strict(value: Any, model: type, path: str = "$") -> list[str]:
    """pydantic's own strict-mode JSON validation of one object against the SDK model."""
    try:
        model.model_validate_json(json.dumps(value), strict=True)
    except pydantic.ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return [f"{path}: pydantic strict: {where}: {first.get('msg')}"]
    return []


def check_item(value: Any, model: type, path: str = "$") -> list[str]:
    """Both layers: the exact walker, then pydantic strict validation."""
    return check_model(value, model, path) + pydantic_strict(value, model, path)
