"""Recovery codes: 27 random symbols (133 bits) plus one check symbol, shown in groups of four.

The alphabet leaves out the characters people confuse (0/O, 1/I/L), and has 31
symbols: a prime. The check symbol makes the weighted sum of all 28 symbols
(weights 1..28) divisible by 31, which catches every single wrong symbol and
every swap of two different symbols, so a typing error is reported as a typing
error, not as a wrong code.
"""

import secrets
from dataclasses import dataclass

from phr.core.errors import MistypedRecoveryCode

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
BASE = len(ALPHABET)  # 31, a prime
DATA_SYMBOLS = 27
LENGTH = DATA_SYMBOLS + 1
GROUP = 4
_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"  # what word processors turn a dash into


@dataclass(frozen=True)
class RecoveryCode:
    symbols: str  # all 28 symbols, without separators

    @property
    def formatted(self) -> str:
        return "-".join(self.symbols[i:i + GROUP] for i in range(0, LENGTH, GROUP))

    @property
    def secret(self) -> bytes:
        return self.symbols.encode("ascii")


def generate() -> RecoveryCode:
    data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_SYMBOLS))
    return RecoveryCode(data + check_symbol(data))


def check_symbol(data: str) -> str:
    weighted = sum((position + 1) * _VALUE[symbol] for position, symbol in enumerate(data))
    # Solve weighted + LENGTH * c == 0 (mod 31) for c.
    return ALPHABET[(-weighted * pow(LENGTH, -1, BASE)) % BASE]


def parse(text: str) -> RecoveryCode:
    """Read a code as typed or pasted (any case, any spaces or line ends, with or without dashes)."""
    # Only ASCII letters change case: str.upper() would turn 'ß' into 'SS'.
    symbols = "".join(ch.upper() if "a" <= ch <= "z" else ch
                      for ch in text if not ch.isspace() and ch not in _DASHES)
    strange = sorted({ch for ch in symbols if ch not in _VALUE})
    if strange:
        raise MistypedRecoveryCode(
            "The recovery code contains characters that never occur in recovery codes: "
            + " ".join(ch if ch.isprintable() else f"U+{ord(ch):04X}" for ch in strange)
            + ". (0, O, 1, I and L are not used.)"
        )
    if len(symbols) != LENGTH:
        raise MistypedRecoveryCode(f"The recovery code has {len(symbols)} characters; it should have {LENGTH}.")
    if check_symbol(symbols[:-1]) != symbols[-1]:
        raise MistypedRecoveryCode("The recovery code has a typing error. Please check every character.")
    return RecoveryCode(symbols)
