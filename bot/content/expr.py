"""The condition language of `if` directives: our own tiny recursive-descent
parser and evaluator, so content stays data and never runs as code.

    EXPR  := OR
    OR    := AND ("or" AND)*
    AND   := NOT ("and" NOT)*
    NOT   := "not" NOT | ATOM
    ATOM  := "(" EXPR ")" | SKILL OP INTEGER | "visited(" NODE-ID ")"
"""

from dataclasses import dataclass
from typing import Mapping, Union

MAX_LENGTH = 500  # a condition longer than this is not something an author writes
MAX_DEPTH = 50  # bounds recursion on inputs like "((((((..."

OPERATORS = ("==", "!=", "<=", ">=", "<", ">")


class ExprError(ValueError):
    """A malformed condition; the message says what was expected."""


@dataclass(frozen=True)
class Compare:
    skill: str
    op: str
    value: int


@dataclass(frozen=True)
class Visited:
    node: str


@dataclass(frozen=True)
class Not:
    operand: "Expr"


@dataclass(frozen=True)
class And:
    operands: tuple["Expr", ...]


@dataclass(frozen=True)
class Or:
    operands: tuple["Expr", ...]


Expr = Union[Compare, Visited, Not, And, Or]


def _is_name_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


def tokenize(text: str) -> list[str]:
    """Split into names, integers, operators and parentheses."""
    tokens: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(char)
            i += 1
        elif text[i : i + 2] in OPERATORS:
            tokens.append(text[i : i + 2])
            i += 2
        elif char in "<>":
            tokens.append(char)
            i += 1
        elif char == "-" and i + 1 < len(text) and text[i + 1].isdigit() and _expects_value(tokens):
            j = i + 1
            while j < len(text) and text[j].isdigit():
                j += 1
            tokens.append(text[i:j])
            i = j
        elif _is_name_char(char):
            j = i
            while j < len(text) and _is_name_char(text[j]):
                j += 1
            tokens.append(text[i:j])
            i = j
        else:
            raise ExprError(f"unexpected character {char!r} in condition")
    return tokens


def _expects_value(tokens: list[str]) -> bool:
    return bool(tokens) and tokens[-1] in OPERATORS


def _is_integer(token: str) -> bool:
    digits = token[1:] if token.startswith("-") else token
    return digits.isascii() and digits.isdigit()


def _is_identifier(token: str) -> bool:
    return bool(token) and (token[0].isalpha() or token[0] == "_") and all(map(_is_name_char, token))


class _Parser:
    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, expected: str | None = None, what: str | None = None) -> str:
        """The next token; `expected` must match it exactly, `what` only describes it."""
        token = self.peek()
        if token is None:
            raise ExprError(f"condition ends early; expected {what or repr(expected) if expected or what else 'more'}")
        if expected is not None and token != expected:
            raise ExprError(f"expected {expected!r} but found {token!r}")
        self.pos += 1
        return token

    def nested(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"condition is nested more than {MAX_DEPTH} levels deep")

    def parse(self) -> Expr:
        expr = self.parse_or()
        if self.peek() is not None:
            raise ExprError(f"unexpected {self.peek()!r} after a complete condition")
        return expr

    def parse_or(self) -> Expr:
        operands = [self.parse_and()]
        while self.peek() == "or":
            self.take()
            operands.append(self.parse_and())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def parse_and(self) -> Expr:
        operands = [self.parse_not()]
        while self.peek() == "and":
            self.take()
            operands.append(self.parse_not())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def parse_not(self) -> Expr:
        if self.peek() == "not":
            self.take()
            self.nested()
            return Not(self.parse_not())
        return self.parse_atom()

    def parse_atom(self) -> Expr:
        token = self.take(what="a condition")
        if token == "(":
            self.nested()
            expr = self.parse_or()
            self.take(")")
            return expr
        if token == "visited" and self.peek() == "(":
            self.take("(")
            node = self.take(what="a node id")
            if node in "()":
                raise ExprError("visited() needs a node id")
            self.take(")")
            return Visited(node)
        if token in ("and", "or", "not") or not _is_identifier(token):
            raise ExprError(f"expected a skill name or visited(...), found {token!r}")
        op = self.take(what="a comparison such as >=")
        if op not in OPERATORS:
            raise ExprError(f"expected one of {' '.join(OPERATORS)} after {token!r}, found {op!r}")
        value = self.take(what="a whole number")
        if not _is_integer(value):
            raise ExprError(f"expected a whole number after {op!r}, found {value!r}")
        return Compare(token, op, int(value))


def parse_expr(text: str) -> Expr:
    """Parse a condition, raising ExprError with a readable message."""
    if len(text) > MAX_LENGTH:
        raise ExprError(f"condition is longer than {MAX_LENGTH} characters")
    tokens = tokenize(text)
    if not tokens:
        raise ExprError("empty condition")
    return _Parser(tokens).parse()


_COMPARE = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def evaluate(expr: Expr, skills: Mapping[str, int], visited) -> bool:
    """True when the condition holds for these scores and visited nodes."""
    if isinstance(expr, Compare):
        return _COMPARE[expr.op](skills.get(expr.skill, 0), expr.value)
    if isinstance(expr, Visited):
        return expr.node in visited
    if isinstance(expr, Not):
        return not evaluate(expr.operand, skills, visited)
    if isinstance(expr, And):
        return all(evaluate(e, skills, visited) for e in expr.operands)
    return any(evaluate(e, skills, visited) for e in expr.operands)


def names_in(expr: Expr) -> tuple[set[str], set[str]]:
    """The skills and the node ids a condition mentions."""
    skills: set[str] = set()
    nodes: set[str] = set()
    stack = [expr]
    while stack:
        e = stack.pop()
        if isinstance(e, Compare):
            skills.add(e.skill)
        elif isinstance(e, Visited):
            nodes.add(e.node)
        elif isinstance(e, Not):
            stack.append(e.operand)
        else:
            stack.extend(e.operands)
    return skills, nodes


def to_text(expr: Expr) -> str:
    """Back to source form (used by round-trip tests and diagrams)."""
    if isinstance(expr, Compare):
        return f"{expr.skill} {expr.op} {expr.value}"
    if isinstance(expr, Visited):
        return f"visited({expr.node})"
    if isinstance(expr, Not):
        return f"not ({to_text(expr.operand)})"
    joiner = " and " if isinstance(expr, And) else " or "
    return "(" + joiner.join(to_text(e) for e in expr.operands) + ")"
