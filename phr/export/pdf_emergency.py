"""The emergency PDF (being built)."""

SECTIONS: tuple[str, ...] = ()


def build(context) -> bytes:
    raise NotImplementedError("the emergency PDF is not built yet")
