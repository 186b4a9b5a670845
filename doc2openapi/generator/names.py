"""Safe Python names, made safe when they are created.

Every name that reaches generated code is a :class:`PythonIdentifier`, a :class:`ClassName` or an
enum member name. Each constructor sanitises the text (ASCII letters, digits and underscores),
applies the casing convention and escapes words Python or pydantic would misread: keywords,
builtins, ``BaseModel`` attributes and the module names the generated files import.
"""

from __future__ import annotations

import functools
import keyword
import re
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar

# Written out rather than taken from ``dir(builtins)``, whose content depends on the Python
# version running the generator: the output must not.
_BUILTIN_FUNCTIONS = frozenset(
    """
    abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod
    compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter
    float format frozenset getattr globals hasattr hash help hex id input int isinstance
    issubclass iter len license list locals map max memoryview min next object oct open ord pow
    print property quit range repr reversed round set setattr slice sorted staticmethod str sum
    super tuple type vars zip
    """.split()
)
_BUILTIN_CLASSES = frozenset(
    """
    ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup
    BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError
    ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError
    DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception
    ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning
    GeneratorExit IOError ImportError ImportWarning IndentationError IndexError
    InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError
    ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError
    OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError
    RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning
    StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError
    TimeoutError True TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError
    UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning
    ZeroDivisionError
    """.split()
)
# Attributes of pydantic's BaseModel (v1 compatibility names included): a field with one of
# these names would shadow the method or make pydantic refuse the class.
_BASEMODEL_ATTRIBUTES = frozenset(
    """
    construct copy dict fields from_orm json parse_file parse_obj parse_raw schema schema_json
    update_forward_refs validate
    """.split()
)
# Modules and names the generated modules import; a parameter or field with one of these names
# would shadow them inside a method body or a class body.
_GENERATED_MODULE_NAMES = frozenset(
    """
    annotations asyncio cast cls datetime enum errors httpx models pydantic self time typing
    """.split()
)
# Class names the generated modules import or define besides the schema classes.
_GENERATED_CLASS_NAMES = frozenset(
    """
    Any ApiError AsyncClient AsyncIterator AkSkAuth BaseModel Client ClientConfig ConfigDict
    Field IntEnum Iterator Mapping RetryPolicy StrEnum TokenAuth TypeAdapter UnexpectedStatus
    """.split()
)

# Names that pycodestyle calls ambiguous (E741-E743: l, O and I look like 1 and 0); the
# generated code is to pass ruff's default rules. Identifiers are lower case (only ``l`` can
# arrive), class names and enum members start upper case (only ``O`` and ``I`` can).
_AMBIGUOUS_IDENTIFIERS = frozenset({"l"})
_AMBIGUOUS_CAPITALS = frozenset({"O", "I"})

RESERVED_IDENTIFIERS = _BUILTIN_FUNCTIONS | _GENERATED_MODULE_NAMES | _AMBIGUOUS_IDENTIFIERS
RESERVED_CLASS_NAMES = _BUILTIN_CLASSES | _GENERATED_CLASS_NAMES | _AMBIGUOUS_CAPITALS


@dataclass(frozen=True)
class Namespace:
    """The words a namespace reserves, and the prefixes it protects (pydantic's ``model_``)."""

    reserved: frozenset[str]
    protected_prefixes: tuple[str, ...] = ()

    def extended(self, *words: str) -> Namespace:
        return Namespace(self.reserved | frozenset(words), self.protected_prefixes)


IDENTIFIERS = Namespace(RESERVED_IDENTIFIERS)
MODEL_FIELDS = Namespace(RESERVED_IDENTIFIERS | _BASEMODEL_ATTRIBUTES, ("model_",))
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_LOWER_UPPER = re.compile(r"([a-z0-9])([A-Z])")
_ACRONYM_WORD = re.compile(r"([A-Z]+)([A-Z][a-z])")


def split_words(text: str) -> list[str]:
    """Split ``text`` into ASCII words at separators and camelCase boundaries.

    ``"os:scheduler_hints"`` gives ``["os", "scheduler", "hints"]``, ``"ListELBPools"`` gives
    ``["List", "ELB", "Pools"]``. Characters outside ASCII letters and digits separate words.
    """
    spaced = _ACRONYM_WORD.sub(r"\1 \2", _LOWER_UPPER.sub(r"\1 \2", text))
    return [word for word in _NOT_ALNUM.split(spaced) if word]


@functools.lru_cache(maxsize=1 << 16)
def snake_case(text: str) -> str:
    return "_".join(word.lower() for word in split_words(text))


@functools.lru_cache(maxsize=1 << 16)
def pascal_case(text: str) -> str:
    return "".join(word[0].upper() + word[1:] for word in split_words(text))


class PythonIdentifier(str):
    """A snake_case name that is a valid identifier and no reserved word of its namespace.

    ``prefix`` starts names that would otherwise start with a digit, be empty or start with a
    protected prefix of the namespace; reserved words get a trailing underscore (``class``
    becomes ``class_``, ``id`` becomes ``id_``).
    """

    __slots__ = ()

    def __new__(
        cls, text: str, *, prefix: str = "field", namespace: Namespace = IDENTIFIERS
    ) -> PythonIdentifier:
        name = snake_case(text)
        if not name:
            name = prefix
        elif name[0].isdigit() or name.startswith(namespace.protected_prefixes):
            name = f"{prefix}_{name}"
        if keyword.iskeyword(name) or name in namespace.reserved:
            name += "_"
        return super().__new__(cls, name)


class ClassName(str):
    """A PascalCase class name that is valid and shadows no builtin or imported class."""

    __slots__ = ()

    def __new__(cls, text: str, *, prefix: str = "Model") -> ClassName:
        name = pascal_case(text)
        if not name:
            name = prefix
        elif name[0].isdigit():
            name = prefix + name
        if name in RESERVED_CLASS_NAMES:
            name += "Model"
        return super().__new__(cls, name)


def enum_member_name(value: str | int) -> str:
    """An UPPER_CASE member name for an enum value (``"in-use"`` gives ``IN_USE``).

    Upper case never collides with keywords or with the methods of ``enum.Enum``.
    """
    if isinstance(value, int):
        return f"VALUE_MINUS_{-value}" if value < 0 else f"VALUE_{value}"
    name = snake_case(value).upper()
    if not name:
        return "EMPTY"
    return f"VALUE_{name}" if name[0].isdigit() or name in _AMBIGUOUS_CAPITALS else name


K = TypeVar("K", bound=Hashable)


def unique_names(
    candidates: Mapping[K, str],
    rank: Callable[[K], tuple[object, ...]],
    with_suffix: Callable[[str, int], str],
    taken: frozenset[str] = frozenset(),
) -> dict[K, str]:
    """Give every key a unique name, renaming clashes deterministically.

    Within a group of keys with the same candidate, the key with the lowest ``rank`` keeps the
    name and the others get ``with_suffix(name, n)`` for the smallest free ``n >= 2``. The rank
    makes the outcome independent of the order in which the candidates were collected.
    """
    used = set(taken) | set(candidates.values())
    kept: set[str] = set()
    result: dict[K, str] = {}
    for key in sorted(candidates, key=rank):
        name = candidates[key]
        if name in kept or name in taken:
            number = 2
            while with_suffix(name, number) in used:
                number += 1
            name = with_suffix(name, number)
            used.add(name)
        kept.add(name)
        result[key] = name
    return {key: result[key] for key in candidates}


def identifier_suffix(name: str, number: int) -> str:
    return f"{name.rstrip('_')}_{number}"


def class_suffix(name: str, number: int) -> str:
    return f"{name}{number}"
