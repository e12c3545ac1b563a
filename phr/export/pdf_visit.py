"""The visit PDF (being built)."""

SECTIONS: tuple[str, ...] = ()


def build(context) -> bytes:
    raise NotImplementedError("the visit PDF is not built yet")
