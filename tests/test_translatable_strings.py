"""Every translatable string is one that lupdate can extract, under the context Qt looks it up in.

pyside6-lupdate reads ``self.tr("text")`` (context: the enclosing class) and
``translate("Context", "text")`` / ``QCoreApplication.translate("Context", "text")`` with
*literal* arguments only. It cannot see through a helper (``_tr(text)``), a variable, an
f-string (it would record the braces literally), or a call written inside an f-string, and
``widget.tr(...)`` or an alias ``tr = widget.tr`` files the string under a context ("widget",
"") that Qt never asks for. Such strings silently stay English in a translated interface.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# core/guidance.py: the Qt-free introduction and glossary, written as translate("Guidance", …) calls.
SOURCES = (
    ROOT / "balint_trainer" / "gui",
    ROOT / "balint_trainer" / "reports",
    ROOT / "balint_trainer" / "core" / "guidance.py",
)


def _python_files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _literal(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _argument(call: ast.Call, index: int, keyword: str) -> ast.expr | None:
    if len(call.args) > index:
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _problem(call: ast.Call) -> str | None:
    """Why lupdate would miss (or misfile) this call, or None when it is fine."""
    name, func = _name(call), call.func
    if name == "tr" or name.startswith("_tr"):
        if not isinstance(func, ast.Attribute):
            return f"bare {name}(): a helper or alias that lupdate cannot attribute to a context"
        if not (isinstance(func.value, ast.Name) and func.value.id == "self"):
            return "X.tr(): lupdate files the text under the name X, not under the class Qt asks for"
        if not _literal(_argument(call, 0, "sourceText")):
            return "tr() of something other than a string literal"
    elif (
        name in ("translate", "QT_TRANSLATE_NOOP") and len(call.args) + len(call.keywords) >= 2
    ):  # not str.translate
        context, text = _argument(call, 0, "context"), _argument(call, 1, "sourceText")
        if not (_literal(context) and _literal(text)):
            return f"{name}() needs a literal context and a literal text"
    return None


def problems_in(code: str, filename: str) -> list[str]:
    tree = ast.parse(code, filename=filename)
    inside_fstrings = {
        id(node)
        for joined in ast.walk(tree)
        if isinstance(joined, ast.JoinedStr)
        for node in ast.walk(joined)
        if isinstance(node, ast.Call)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        reason = _problem(node)
        if reason is None and id(node) in inside_fstrings and _name(node) in ("tr", "translate"):
            reason = "translation call inside an f-string: lupdate does not look inside them"
        if reason:
            found.append(f"{filename}:{node.lineno}: {reason}")
    return sorted(found, key=lambda line: int(line.split(":")[1]))


def test_every_translatable_string_is_extractable() -> None:
    paths = sorted(p for folder in SOURCES for p in _python_files(folder) if "__pycache__" not in p.parts)
    assert len(paths) > 10
    found = [
        problem
        for path in paths
        for problem in problems_in(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert not found, "strings lupdate cannot extract (use self.tr / translate with literals):\n" + "\n".join(
        found
    )


@pytest.mark.parametrize(
    "code",
    [
        "def _tr(text):\n    return QCoreApplication.translate('Ctx', text)\n_tr('Mode')",
        "QCoreApplication.translate(CONTEXT, 'Mode')",
        "self.tr(f'{n} items')",
        "self.tr(label)",
        "html = f\"<h3>{self.tr('Why')}</h3>\"",
        "widget.tr('Why')",
        "tr = widget.tr\ntr('Why')",
        "translate('Report', label)",
    ],
)
def test_the_check_catches_each_pattern(code: str) -> None:
    assert problems_in(code, "probe.py")


@pytest.mark.parametrize(
    "code",
    [
        "self.tr('Mode')",
        "self.tr('%1 items').replace('%1', str(n))",
        "QCoreApplication.translate('SupervisorWindow', 'Mode')",
        "QCoreApplication.translate('ScenarioPacks', '%n pack(s)', None, n)",
        "QT_TRANSLATE_NOOP('Ctx', 'Mode')",
        "title = self.tr('Why')\nhtml = f'<h3>{title}</h3>'",
        "'x'.translate(table)",  # str.translate: one argument, not Qt's
    ],
)
def test_the_check_accepts_extractable_calls(code: str) -> None:
    assert problems_in(code, "probe.py") == []
