"""Well-formedness of language tags (BCP 47 / RFC 5646, section 2.1 ABNF), without a registry.

Scenario files declare ``language:``; the tag ends up in xAPI statements and in ``lang``/``dir``
of reports, where an LRS or a validator rejects what is not RFC 5646. The grammar is checked
exactly; beyond it, the primary language subtag must be 2–3 letters (ISO 639): the 4- and
5–8-letter forms are reserved, and no language is registered under them (``persian`` is no tag).
"""

from __future__ import annotations

import re

_ALNUM = "[A-Za-z0-9]"
_LANGUAGE = r"(?P<language>[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"  # extlang folded in
_SCRIPT = r"(?:-(?P<script>[A-Za-z]{4}))?"
_REGION = r"(?:-(?P<region>[A-Za-z]{2}|[0-9]{3}))?"
_VARIANTS = rf"(?P<variants>(?:-(?:{_ALNUM}{{5,8}}|[0-9]{_ALNUM}{{3}}))*)"
_EXTENSIONS = rf"(?P<extensions>(?:-[0-9A-WY-Za-wy-z](?:-{_ALNUM}{{2,8}})+)*)"
_PRIVATE = rf"(?:-(?P<private>[xX](?:-{_ALNUM}{{1,8}})+))?"
_LANGTAG = re.compile(rf"{_LANGUAGE}{_SCRIPT}{_REGION}{_VARIANTS}{_EXTENSIONS}{_PRIVATE}\Z")
# For JSON Schema (ECMA regex: no named groups): the grammar, without the extra checks below.
JSON_SCHEMA_PATTERN = (
    "^(?:" + re.sub(r"\?P<\w+>", "?:", _LANGTAG.pattern[:-2]) + rf"|[xX](?:-{_ALNUM}{{1,8}})+)$"
)
_PRIVATE_ONLY = re.compile(rf"[xX](?:-{_ALNUM}{{1,8}})+\Z")
# RFC 5646 2.2.8: grandfathered tags are well-formed as a whole.
_GRANDFATHERED = frozenset(
    t.lower()
    for t in ["en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE", "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang"]
)


def language_tag_problem(tag: object) -> str | None:
    """Why ``tag`` is not a well-formed language tag, or None when it is."""
    if not isinstance(tag, str):
        return "a language tag is text such as 'en' or 'fa-IR'"
    if tag.lower() in _GRANDFATHERED or _PRIVATE_ONLY.match(tag):
        return None
    if not tag:
        return "a language tag cannot be empty (e.g. 'en', 'fa')"
    if any(ch.isspace() for ch in tag):
        return f"'{tag}' is not a language tag: it contains a space"
    if "_" in tag:
        return f"'{tag}' is not a language tag: subtags are separated by '-', not '_' (e.g. '{tag.replace('_', '-')}')"
    match = _LANGTAG.match(tag)
    if match is None:
        return (
            f"'{tag}' is not a well-formed BCP 47 language tag "
            "(language[-Script][-REGION][-variant]…, e.g. 'en', 'en-GB', 'fa-IR', 'sr-Latn')"
        )
    language = match["language"]
    if len(language) > 3 and "-" not in language:
        return (
            f"'{tag}' is not a language tag: '{language}' is not an ISO 639 code "
            "(use the 2- or 3-letter code, e.g. 'fa' for Persian, 'en' for English)"
        )
    variants = [v.lower() for v in match["variants"].split("-") if v]
    if len(set(variants)) != len(variants):
        return f"'{tag}' is not a language tag: a variant subtag appears twice"
    singletons = [s.lower() for s in re.findall(r"-([0-9A-WY-Za-wy-z])(?=-)", "-" + match["extensions"])]
    if match["extensions"] and len(set(singletons)) != len(singletons):
        return f"'{tag}' is not a language tag: an extension singleton appears twice"
    return None


def primary_subtag(tag: str) -> str:
    return tag.split("-", 1)[0].lower()
