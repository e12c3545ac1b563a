"""The overview PDF (being built)."""

SECTIONS: tuple[str, ...] = ()


def build(context) -> bytes:
    raise NotImplementedError("the overview PDF is not built yet")
