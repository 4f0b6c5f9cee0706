"""The ``when:`` condition language of scenario files (parsed here, never ``eval``-ed).

Grammar (keywords are lowercase; names are the flags and counters that options ``set``)::

    condition  := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := NAME [("==" | "!=" | "<" | "<=" | ">" | ">=") INTEGER] | "(" condition ")"

A bare name is true when its flag is true or its counter is not zero. Names never set
are false / 0. Conditions are small: at most 200 characters and 8 levels of brackets.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

MAX_LENGTH = 200
MAX_DEPTH = 8
NAME_PATTERN = r"[A-Za-z_][A-Za-z0-9_]*"
KEYWORDS = frozenset({"and", "or", "not"})
_TOKEN = re.compile(
    rf"\s*(?:(?P<op>==|!=|<=|>=|<|>)|(?P<paren>[()])|(?P<int>-?\d+)|(?P<name>{NAME_PATTERN}))"
)
_COMPARE: dict[str, Callable[[int, int], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}

Value = bool | int
State = Mapping[str, Value]


class ConditionError(ValueError):
    """A condition that does not parse; ``column`` is 1-based within the condition text."""

    def __init__(self, message: str, column: int = 1) -> None:
        super().__init__(message)
        self.column = column


@dataclass(frozen=True)
class Name:
    name: str
    column: int

    def holds(self, state: State) -> bool:
        return bool(state.get(self.name, 0))


@dataclass(frozen=True)
class Compare:
    name: str
    op: str
    value: int
    column: int

    def holds(self, state: State) -> bool:
        return _COMPARE[self.op](int(state.get(self.name, 0)), self.value)


@dataclass(frozen=True)
class Not:
    operand: Condition

    def holds(self, state: State) -> bool:
        return not self.operand.holds(state)


@dataclass(frozen=True)
class BoolOp:
    op: str  # "and" / "or"
    operands: tuple[Condition, ...]

    def holds(self, state: State) -> bool:
        if self.op == "and":
            return all(o.holds(state) for o in self.operands)
        return any(o.holds(state) for o in self.operands)


Condition = Name | Compare | Not | BoolOp


def names(condition: Condition) -> list[Name | Compare]:
    """Every name the condition reads, with its column (for 'undefined flag' reports)."""
    if isinstance(condition, Name | Compare):
        return [condition]
    if isinstance(condition, Not):
        return names(condition.operand)
    return [n for o in condition.operands for n in names(o)]


def _tokenise(text: str) -> list[tuple[str, str, int]]:
    tokens: list[tuple[str, str, int]] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            column = position + 1 + (len(text[position:]) - len(text[position:].lstrip()))
            raise ConditionError(f"unexpected character '{text[column - 1]}'", column)
        kind = match.lastgroup or ""
        value = match.group(kind)
        tokens.append((kind, value, match.start(kind) + 1))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenise(text)
        self.index = 0
        self.depth = 0
        self.end_column = len(text) + 1

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> tuple[str, str, int]:
        token = self.peek()
        if token is None:
            raise ConditionError("the condition ends too early", self.end_column)
        self.index += 1
        return token

    def keyword(self, word: str) -> bool:
        token = self.peek()
        if token is not None and token[0] == "name" and token[1] == word:
            self.index += 1
            return True
        return False

    def parse(self) -> Condition:
        condition = self.parse_or()
        token = self.peek()
        if token is not None:
            raise ConditionError(f"unexpected '{token[1]}'", token[2])
        return condition

    def parse_or(self) -> Condition:
        operands = [self.parse_and()]
        while self.keyword("or"):
            operands.append(self.parse_and())
        return operands[0] if len(operands) == 1 else BoolOp("or", tuple(operands))

    def parse_and(self) -> Condition:
        operands = [self.parse_not()]
        while self.keyword("and"):
            operands.append(self.parse_not())
        return operands[0] if len(operands) == 1 else BoolOp("and", tuple(operands))

    def parse_not(self) -> Condition:
        if self.keyword("not"):
            return Not(self.parse_not())
        return self.parse_atom()

    def parse_atom(self) -> Condition:
        kind, value, column = self.take()
        if kind == "paren" and value == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ConditionError(f"more than {MAX_DEPTH} levels of brackets", column)
            inner = self.parse_or()
            closing = self.take()
            if closing[:2] != ("paren", ")"):
                raise ConditionError(f"expected ')' but found '{closing[1]}'", closing[2])
            self.depth -= 1
            return inner
        if kind != "name" or value in KEYWORDS:
            raise ConditionError(f"expected a flag or counter name but found '{value}'", column)
        token = self.peek()
        if token is None or token[0] != "op":
            return Name(value, column)
        self.index += 1
        number = self.take()
        if number[0] != "int":
            raise ConditionError(
                f"expected a whole number after '{token[1]}' but found '{number[1]}'", number[2]
            )
        return Compare(value, token[1], int(number[1]), column)


def parse_condition(text: str) -> Condition:
    """Parse a ``when:`` condition; raises :class:`ConditionError` with a column."""
    if not isinstance(text, str) or not text.strip():
        raise ConditionError("an empty condition")
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"a condition is at most {MAX_LENGTH} characters", MAX_LENGTH + 1)
    return _Parser(text).parse()


def holds(text: str | None, state: State) -> bool:
    """Whether a condition holds (no condition: always). Unparsable conditions are false."""
    if text is None:
        return True
    try:
        return parse_condition(text).holds(state)
    except ConditionError:
        return False
