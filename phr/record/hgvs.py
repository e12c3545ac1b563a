"""A lenient check of genetic variants written in HGVS notation (varnomen.hgvs.org).

Lenient on purpose: people copy variants from lab letters, with or without the reference
sequence, with the protein change in brackets behind the DNA change, sometimes two
variants for a compound heterozygous result. We refuse only what cannot be a variant
(free text, a bare number, a gene name), not every detail the full grammar forbids.
"""

import re

# A reference sequence before the colon: NM_000500.9, NC_000006.12, LRG_199t1, NM_004006.2(DMD), CYP21A2.
_REFERENCE = r"[A-Za-z][A-Za-z0-9_]*(?:\.\d+)?(?:\([A-Za-z0-9_.\-]+\))?"

# DNA and RNA (c. g. m. n. o. r.): a position or range, then what changed.
_POSITION = r"(?:[-*]?\d+(?:[+-]\d+)?|\?)"
_UNCERTAIN = rf"(?:{_POSITION}|\({_POSITION}_{_POSITION}\))"
_RANGE = rf"{_UNCERTAIN}(?:_{_UNCERTAIN})?"
_BASES = r"[ACGTUNacgtun]+"
_CHANGE = (rf"(?:{_BASES}>{_BASES}|delins(?:{_BASES}|\d+)|del(?:{_BASES}|\d+)?|dup(?:{_BASES}|\d+)?"
           rf"|ins(?:{_BASES}|\d+|\(\d+\))|inv(?:{_BASES}|\d+)?|(?:{_BASES})?=|(?:{_BASES})?\[\d+\]|con\S+)")
_NUCLEOTIDE = rf"{_RANGE}{_CHANGE}"
_ALLELE = rf"\[{_NUCLEOTIDE}(?:;{_NUCLEOTIDE})*\]"
_NUCLEOTIDE_BODY = re.compile(rf"(?:{_NUCLEOTIDE}|\({_NUCLEOTIDE}\)|{_ALLELE}(?:;{_ALLELE})?|[=?0])")

# Protein (p.): an amino acid and position, then what changed: p.Phe508del, p.(Arg97Gly), p.Trp24*.
_AMINO_ACID = (r"(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val"
               r"|Sec|Pyl|Ter|Xaa|[ACDEFGHIKLMNPQRSTVWYUOX*])")
_RESIDUE = rf"{_AMINO_ACID}\d+"
_PROTEIN_CHANGE = (rf"(?:{_AMINO_ACID}+|delins{_AMINO_ACID}+|ins(?:{_AMINO_ACID}+|\d+)|del|dup|=|\?|\[\d+\])?"
                   rf"(?:fs{_AMINO_ACID}?\d*|ext{_AMINO_ACID}?-?\d+)?")
_PROTEIN = rf"{_RESIDUE}(?:_{_RESIDUE})?{_PROTEIN_CHANGE}"
_PROTEIN_BODY = re.compile(rf"(?:{_PROTEIN}|\({_PROTEIN}\)|\(?[=?]\)?|0\??)")

_VARIANT = re.compile(rf"(?:(?P<reference>{_REFERENCE}):)?(?P<kind>[cgmnopr])\.(?P<body>\S+)")
# Between several variants: a comma, a slash, a space; '(p.Phe508del)' after a DNA change is fine too.
_SEPARATORS = re.compile(r"[\s,/]+")


def is_hgvs(text: str) -> bool:
    """True if every part of `text` reads as an HGVS variant; '' is not a variant."""
    parts = [part for part in _SEPARATORS.split(text.strip()) if part]
    return bool(parts) and all(_is_one_variant(_unbracketed(part)) for part in parts)


def _unbracketed(part: str) -> str:
    """'(p.Phe508del)' -> 'p.Phe508del': a protein change is often written in brackets behind the DNA."""
    if part.startswith("(") and part.endswith(")") and "." in part[1:3]:
        return part[1:-1]
    return part


def _is_one_variant(part: str) -> bool:
    match = _VARIANT.fullmatch(part)
    if match is None:
        return False
    pattern = _PROTEIN_BODY if match["kind"] == "p" else _NUCLEOTIDE_BODY
    return pattern.fullmatch(match["body"]) is not None
