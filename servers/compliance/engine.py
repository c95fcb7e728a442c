"""The one engine that runs manifest checks written as data (see policies/pss/*.yaml).

A check version is a list of rules; each rule looks at one scope of a pod and says which
values are wrong. Scopes: `pod` (the pod spec), `containers` (init, regular and ephemeral
containers, as pod-security-admission visits them), `init_and_app_containers` (not ephemeral
ones, which the API forbids resources, probes and ports on), `app_containers` (regular
containers only), `volumes`, `annotations` (pod metadata annotations) and `object` (the whole
manifest). A check with `applies_to: [kinds]` looks at objects of those kinds instead of pods
(RBAC roles, Services...); its rules use scope `object`. `items: <path>` makes a rule look at
each item of the list at that path (a role's `rules`, a binding's `subjects`), and `when:
[{path, any_of | none_of | matches | not_matches}]` limits it to the nodes where every condition
holds. Paths are dotted, with `[*]` for every item of a list. Operators (one per rule):

  forbid: [v...]            a present value equal to one of these is a violation
  allow: [v...]             a present value not among these (nor starting with `allow_prefix`)
                            is a violation; `empty_if_parent_set` treats a missing leaf under a
                            present parent mapping as "" (pod-security-admission's zero value)
  require: [v...]           the value must be present and one of these
  contains: v               the value must be a list that contains v
  present: forbidden        the field must be absent
  require_present: true     the field must be present, or else the pod-level `fallback` path
                            must hold one of `fallback_allow`
  one_of_keys: [k...]       the item must have one of these keys (volume types)
  forbid_pattern: regex     a present string matching the regex is a violation
  at_least: n               the value (or, when absent, the pod-level `fallback` path's) must be a
                            number >= n
  differs_from: path        the value must not equal the one at this other path; absent on either
                            side is fine
  selected_by: kind         the pod's labels must be selected by an object of that kind in its
                            namespace (NetworkPolicy's podSelector), among the objects checked

A version's `unless` conditions (pod-spec path equals value) exempt a pod, as
pod-security-admission exempts Windows pods or user-namespaced pods in later versions.
Rules are compiled once into closures, so checking many pods re-reads no policy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from servers.compliance.manifests import PodUnderCheck
from shared.errors import BadInput

if TYPE_CHECKING:  # policy imports this module to validate rules at load time
    from servers.compliance.policy import Check, CheckVersion

CONTAINER_LISTS = ("initContainers", "containers", "ephemeralContainers")
SCOPES = {
    "pod",
    "containers",
    "init_and_app_containers",
    "app_containers",
    "volumes",
    "annotations",
    "object",
}
CONTAINER_SCOPES = {
    "containers": CONTAINER_LISTS,
    "init_and_app_containers": ("initContainers", "containers"),
    "app_containers": ("containers",),
}
OPERATORS = (
    "forbid",
    "allow",
    "require",
    "contains",
    "present",
    "require_present",
    "one_of_keys",
    "forbid_pattern",
    "at_least",
    "differs_from",
    "selected_by",
)
CONDITIONS = ("any_of", "none_of", "matches", "not_matches")
MAX_SHOWN = 80


@dataclass(frozen=True)
class Violation:
    field: str
    message: str


RuleFn = Callable[[PodUnderCheck], Iterator[Violation]]


def _key(value: Any) -> Any:
    """Hashable identity that keeps YAML's true apart from 1 and false apart from 0."""
    try:
        hash(value)
    except TypeError:
        return ("unhashable", id(value))
    return (type(value) is bool, value)


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "..."


def _tokens(path: str) -> tuple[str, ...]:
    return tuple(t for t in path.replace("[*]", ".*").split(".") if t)


def _find(node: Any, tokens: tuple[str, ...], base: str) -> Iterator[tuple[str, Any]]:
    """(field path, value) for every present (non-null) value at `tokens` under `node`."""
    for i, token in enumerate(tokens):
        if token == "*":
            if isinstance(node, list):
                rest = tokens[i + 1 :]
                for index, item in enumerate(node):
                    yield from _find(item, rest, f"{base}[{index}]")
            return
        if not isinstance(node, dict):
            return
        node = node.get(token)
        if node is None:
            return
        base = f"{base}.{token}" if base else token
    yield base, node


def _dig(node: Any, tokens: tuple[str, ...]) -> Any:
    for token in tokens:
        if not isinstance(node, dict):
            return None
        node = node.get(token)
    return node


def _subjects(scope: str, pod: PodUnderCheck) -> Iterator[tuple[Any, str, dict[str, str]]]:
    """(node, field path of node, names for messages) for every item the scope covers."""
    spec = pod.spec
    if scope == "pod":
        yield spec, pod.spec_path, {}
    elif scope == "object":
        yield pod.obj, "", {}
    elif scope in CONTAINER_SCOPES:
        for list_name in CONTAINER_SCOPES[scope]:
            items = spec.get(list_name)
            if isinstance(items, list):
                for index, c in enumerate(items):
                    if isinstance(c, dict):
                        yield (
                            c,
                            f"{pod.spec_path}.{list_name}[{index}]",
                            {"container": _shown(c.get("name", index))},
                        )
    elif scope == "volumes":
        items = spec.get("volumes")
        if isinstance(items, list):
            for index, v in enumerate(items):
                if isinstance(v, dict):
                    yield v, f"{pod.spec_path}.volumes[{index}]", {"volume": _shown(v.get("name", index))}


def _formatter(template: str, source: str) -> Callable[..., str]:
    def fmt(**names: str) -> str:
        return template.format_map(_Names(names))

    try:
        fmt(container="c", volume="v", value="x", key="k", item="i")
    except (KeyError, IndexError, ValueError, AttributeError):
        raise BadInput(
            f"Policy {source}: message {template!r} has a placeholder other than "
            "{container}, {volume}, {value}, {key}, {item}."
        ) from None
    return fmt


class _Names(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def compile_rule(rule: dict[str, Any], source: str) -> RuleFn:
    """A function pod -> violations for one rule. Raises BadInput for a malformed rule."""
    if not isinstance(rule, dict):
        raise BadInput(f"Policy {source}: a rule must be a mapping.")
    scope = rule.get("scope")
    if scope not in SCOPES:
        raise BadInput(f"Policy {source}: scope {scope!r} is not one of {sorted(SCOPES)}.")
    ops = [op for op in OPERATORS if op in rule]
    if len(ops) != 1:
        raise BadInput(f"Policy {source}: a rule needs exactly one of {OPERATORS}, found {ops}.")
    op = ops[0]
    message = _formatter(str(rule.get("message") or "{value} is not allowed"), source)
    if scope == "annotations":
        return _annotation_rule(rule, op, message, source)
    if op == "selected_by":
        return _selected_by_rule(rule, scope, message, source)
    paths = rule.get("paths") or ([rule["path"]] if "path" in rule else [])
    if op != "one_of_keys" and not paths:
        raise BadInput(f"Policy {source}: a {scope} rule needs `path` or `paths`.")
    return _PathRule(
        op=op,
        message=message,
        token_sets=[_tokens(str(p)) for p in paths],
        test=_value_test(rule, op, source),
        fallback=_tokens(str(rule["fallback"])) if rule.get("fallback") else None,
        fallback_ok={_key(v) for v in rule.get("fallback_allow") or ()},
        empty_if_parent=bool(rule.get("empty_if_parent_set")),
        keys=tuple(rule.get("one_of_keys") or ()),
        subjects=_subject_walker(
            rule, scope, source
        ),  # argument order = the order malformed parts are reported
        other=_tokens(str(rule["differs_from"])) if op == "differs_from" else (),
    )


@dataclass(frozen=True)
class _PathRule:
    """A compiled rule over the values at paths in each subject (container, volume, the pod)."""

    op: str
    message: Callable[..., str]
    subjects: Callable[[PodUnderCheck], Iterator[tuple[Any, str, dict[str, str]]]]
    token_sets: list[tuple[str, ...]]
    test: Callable[[Any], bool]
    fallback: tuple[str, ...] | None
    fallback_ok: set[Any]
    empty_if_parent: bool
    keys: tuple[Any, ...]
    other: tuple[str, ...]

    def __call__(self, pod: PodUnderCheck) -> Iterator[Violation]:
        for node, base, names in self.subjects(pod):
            if self.op == "one_of_keys":
                if not any(node.get(k) is not None for k in self.keys):
                    kind = next((k for k in node if k != "name"), "unknown")
                    yield Violation(base, self.message(**names, value=_shown(kind)))
                continue
            for tokens in self.token_sets:
                yield from self._at_path(pod, node, base, names, tokens)

    def _at_path(
        self, pod: PodUnderCheck, node: Any, base: str, names: dict[str, str], tokens: tuple[str, ...]
    ) -> Iterator[Violation]:
        op, message, fallback = self.op, self.message, self.fallback
        found = list(_find(node, tokens, base))
        if not found and op == "at_least" and fallback is not None:
            found = [
                (".".join(filter(None, [pod.spec_path, *fallback])), v)
                for v in [_dig(pod.spec, fallback)]
                if v is not None
            ]
        if not found:
            path = ".".join(filter(None, [base, *tokens]))
            if op in ("require", "contains", "at_least") or (
                op == "require_present"
                and not (fallback is not None and _key(_dig(pod.spec, fallback)) in self.fallback_ok)
            ):
                yield Violation(path, message(**names, value="unset"))
            elif self.empty_if_parent and isinstance(_dig(node, tokens[:-1]), dict) and not self.test(""):
                yield Violation(path, message(**names, value='""'))
            return
        if op == "require_present":
            return
        if op == "differs_from":
            theirs = _dig(node, self.other)
            for path, value in found:
                if theirs is not None and value == theirs:
                    yield Violation(path, message(**names, value=_shown(value)))
            return
        for path, value in found:
            if not self.test(value):
                yield Violation(path, message(**names, value=_shown(value)))


def _conditions(rule: dict[str, Any], source: str) -> list[tuple[tuple[str, ...], str, Any]]:
    out = []
    for cond in rule.get("when") or ():
        ops = [c for c in CONDITIONS if isinstance(cond, dict) and c in cond]
        if not isinstance(cond, dict) or "path" not in cond or len(ops) != 1:
            raise BadInput(f"Policy {source}: each `when` needs `path` and one of {CONDITIONS}.")
        op = ops[0]
        if op in ("matches", "not_matches"):
            try:
                value: Any = re.compile(str(cond[op]))
            except re.error as exc:
                raise BadInput(f"Policy {source}: `when` pattern is not a valid regex ({exc}).") from None
        else:
            value = {_key(v) for v in cond[op]}
        out.append((_tokens(str(cond["path"])), op, value))
    return out


def _holds(node: Any, conditions: list[tuple[tuple[str, ...], str, Any]]) -> bool:
    """Every condition holds at `node` (a list value holds any_of when one of its items does)."""
    for tokens, op, wanted in conditions:
        value = _dig(node, tokens)
        values = value if isinstance(value, list) else ([] if value is None else [value])
        if op == "any_of" and not any(_key(v) in wanted for v in values):
            return False
        if op == "none_of" and any(_key(v) in wanted for v in values):
            return False
        if op == "matches" and not any(isinstance(v, str) and wanted.search(v) for v in values):
            return False
        if op == "not_matches" and any(isinstance(v, str) and wanted.search(v) for v in values):
            return False
    return True


def _subject_walker(
    rule: dict[str, Any], scope: str, source: str
) -> Callable[[PodUnderCheck], Iterator[tuple[Any, str, dict[str, str]]]]:
    """The nodes a rule looks at: the scope's, or each item of its `items` list, filtered by `when`."""
    items = _tokens(str(rule["items"])) if rule.get("items") else None
    conditions = _conditions(rule, source)
    if items is None and not conditions:
        return lambda pod: _subjects(scope, pod)

    def walk(pod: PodUnderCheck) -> Iterator[tuple[Any, str, dict[str, str]]]:
        for node, base, names in _subjects(scope, pod):
            if items is None:
                if _holds(node, conditions):
                    yield node, base, names
                continue
            listed = _dig(node, items)
            if not isinstance(listed, list):
                continue
            where = ".".join(filter(None, [base, *items]))
            for index, item in enumerate(listed):
                if isinstance(item, dict) and _holds(item, conditions):
                    yield item, f"{where}[{index}]", {**names, "item": _shown(item.get("name", index))}

    return walk


def _selected_by_rule(rule: dict[str, Any], scope: str, message: Callable[..., str], source: str) -> RuleFn:
    kind = str(rule["selected_by"])
    if scope != "pod" or kind != "NetworkPolicy":
        raise BadInput(f"Policy {source}: `selected_by` takes NetworkPolicy, in scope pod.")

    def run(pod: PodUnderCheck) -> Iterator[Violation]:
        labels = pod.metadata.get("labels")
        labels = labels if isinstance(labels, dict) else {}
        namespace = pod.namespace or "default"
        for policy in pod.peers.get(kind, namespace):
            if label_selector_matches(_dig(policy, ("spec", "podSelector")), labels):
                return
        yield Violation(
            f"{pod.metadata_path}.labels" if pod.metadata_path else "metadata.labels",
            message(value=_shown(",".join(f"{k}={v}" for k, v in sorted(labels.items())) or "no labels")),
        )

    return run


def label_selector_matches(selector: Any, labels: dict[str, Any]) -> bool:
    """Kubernetes label-selector semantics (matchLabels AND matchExpressions; {} selects everything;
    a missing selector selects nothing)."""
    if not isinstance(selector, dict):
        return False
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expr in selector.get("matchExpressions") or ():
        if not isinstance(expr, dict):
            return False
        key, operator, values = expr.get("key"), expr.get("operator"), expr.get("values") or []
        if operator == "In" and (labels.get(key) if isinstance(key, str) else None) not in values:
            return False
        if operator == "NotIn" and key in labels and labels[key] in values:
            return False
        if operator == "Exists" and key not in labels:
            return False
        if operator == "DoesNotExist" and key in labels:
            return False
        if operator not in ("In", "NotIn", "Exists", "DoesNotExist"):
            return False
    return True


def _value_test(rule: dict[str, Any], op: str, source: str) -> Callable[[Any], bool]:
    """value -> True when the value is acceptable under the rule's operator."""
    if op == "forbid":
        bad = {_key(v) for v in rule["forbid"]}
        return lambda v: _key(v) not in bad
    if op in ("allow", "require"):
        good = {_key(v) for v in rule[op]}
        prefixes = tuple(str(p) for p in rule.get("allow_prefix") or ())
        return lambda v: _key(v) in good or (bool(prefixes) and isinstance(v, str) and v.startswith(prefixes))
    if op == "contains":
        wanted = rule["contains"]
        return lambda v: isinstance(v, list) and any(_key(i) == _key(wanted) for i in v)
    if op == "present":
        if rule["present"] != "forbidden":
            raise BadInput(f"Policy {source}: `present` must be 'forbidden'.")
        return lambda v: False
    if op == "at_least":
        bound = rule["at_least"]
        if isinstance(bound, bool) or not isinstance(bound, (int, float)):
            raise BadInput(f"Policy {source}: `at_least` must be a number.")
        return lambda v: not isinstance(v, bool) and isinstance(v, (int, float)) and v >= bound
    if op == "forbid_pattern":
        try:
            pattern = re.compile(str(rule["forbid_pattern"]))
        except re.error as exc:
            raise BadInput(f"Policy {source}: forbid_pattern is not a valid regex ({exc}).") from None
        return lambda v: not (isinstance(v, str) and pattern.search(v))
    return lambda v: True  # require_present, one_of_keys, differs_from: tested in the rule


def _annotation_rule(rule: dict[str, Any], op: str, message: Callable[..., str], source: str) -> RuleFn:
    if op not in ("allow", "forbid"):
        raise BadInput(f"Policy {source}: annotation rules take `allow` or `forbid`.")
    test = _value_test(rule, op, source)
    prefix = rule.get("key_prefix")
    key = rule.get("key")
    if bool(prefix) == bool(key):
        raise BadInput(f"Policy {source}: an annotation rule needs exactly one of `key` or `key_prefix`.")
    per_container = key is not None and "{container}" in str(key)

    def run(pod: PodUnderCheck) -> Iterator[Violation]:
        annotations = pod.metadata.get("annotations")
        if not isinstance(annotations, dict) or not annotations:
            return
        if prefix:
            keys = [k for k in annotations if isinstance(k, str) and k.startswith(prefix)]
        elif per_container:
            keys = [str(key).replace("{container}", str(c.get("name"))) for _, _, c in _containers(pod)]
        else:
            keys = [str(key)]
        for k in sorted(set(keys)):
            if k in annotations and not test(annotations[k]):
                yield Violation(
                    f"{pod.metadata_path}.annotations[{k}]",
                    message(key=_shown(k), value=_shown(annotations[k])),
                )

    return run


def _containers(pod: PodUnderCheck) -> Iterator[tuple[str, int, dict[str, Any]]]:
    for list_name in CONTAINER_LISTS:
        items = pod.spec.get(list_name)
        if isinstance(items, list):
            for index, c in enumerate(items):
                if isinstance(c, dict):
                    yield list_name, index, c


@dataclass(frozen=True)
class CompiledVersion:
    unless: tuple[tuple[tuple[str, ...], Any], ...]
    rules: tuple[RuleFn, ...]

    def run(self, pod: PodUnderCheck) -> list[Violation]:
        for tokens, value in self.unless:
            if _key(_dig(pod.spec, tokens)) == value:
                return []
        out: list[Violation] = []
        for rule in self.rules:
            out.extend(rule(pod))
        return out


_compiled: dict[tuple[str, str, int], CompiledVersion] = {}


def compile_version(check: Check, version: CheckVersion) -> CompiledVersion:
    key = (check.source, check.id, version.since)
    found = _compiled.get(key)
    if found is None:
        unless = []
        for cond in version.unless:
            if not isinstance(cond, dict) or "path" not in cond or "equals" not in cond:
                raise BadInput(f"Policy {check.source}: each `unless` needs `path` and `equals`.")
            unless.append((_tokens(str(cond["path"])), _key(cond["equals"])))
        found = CompiledVersion(tuple(unless), tuple(compile_rule(r, check.source) for r in version.rules))
        _compiled[key] = found
    return found


def compile_check(check: Check) -> None:
    """Compile every version of `check` (validating its rules); raises BadInput if malformed."""
    for version in check.versions:
        compile_version(check, version)
