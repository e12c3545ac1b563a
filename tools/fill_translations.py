"""Write translations into the .ts catalogue (we have no Qt Linguist on a headless machine).

Usage: python tools/fill_translations.py resources/i18n/phr_nl.ts NEW.json
NEW.json maps context -> {source text: translation}. Only the given messages change;
they are marked finished. Sources that the catalogue does not hold are reported.
"""

import json
import sys
import xml.etree.ElementTree as ET


def fill(ts_path: str, mapping: dict[str, dict[str, str]]) -> list[str]:
    tree = ET.parse(ts_path)
    unknown = {(ctx, src) for ctx, items in mapping.items() for src in items}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            if source in mapping.get(name, {}):
                _set(message, mapping[name][source])
                unknown.discard((name, source))
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return sorted(f"{ctx}: {src}" for ctx, src in unknown)


def _set(message, text: str) -> None:
    translation = message.find("translation")
    translation.attrib.pop("type", None)
    forms = translation.findall("numerusform")
    if forms:  # plural: "singular|plural"
        for form, value in zip(forms, text.split("|")):
            form.text = value
    else:
        translation.text = text


if __name__ == "__main__":
    missing = fill(sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8")))
    for line in missing:
        print("not in catalogue:", line)
