"""Markdown -> sanitised HTML for the app's text views (no Qt).

Scenario files and packs are untrusted: their Markdown may carry raw HTML.
Everything goes through nh3 with a small allow-list, so scripts, styles,
frames, event handlers and remote images never reach a Qt text widget.
Images are dropped unless they are inline ``data:`` images (no network loads);
links keep only http, https and mailto targets.
"""

from __future__ import annotations

import threading
from typing import Any

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "p", "br", "hr", "em", "strong", "b", "i", "u", "s", "del", "code", "pre", "kbd",
        "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
        "a", "img", "table", "thead", "tbody", "tr", "th", "td", "span", "div", "sub", "sup",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "data"})
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_DATA_IMAGE_PREFIXES = ("data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;")

# Primary language subtags written right to left.
RTL_LANGUAGES: frozenset[str] = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"}
)


def is_rtl(language: str | None) -> bool:
    """True when a BCP-47 tag names a right-to-left language (``fa``, ``ar-EG``, ``he``…)."""
    if not language:
        return False
    return language.split("-", 1)[0].split("_", 1)[0].lower() in RTL_LANGUAGES


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.strip().lower().startswith(_LINK_SCHEMES) else None
    if tag == "img" and attribute == "src":
        # Only inline raster images: an http(s) src would be a remote load (tracking pixel).
        return value if value.strip().lower().startswith(_DATA_IMAGE_PREFIXES) else None
    return value


_per_thread = threading.local()


def _converter() -> Any:
    """This thread's converter: a Markdown instance keeps state while it converts, and the
    library renders summaries on a worker thread while the UI renders what it shows."""
    converter = getattr(_per_thread, "converter", None)
    if converter is None:
        import markdown  # lazy: not needed until the first text is shown

        converter = _per_thread.converter = markdown.Markdown(
            extensions=["extra", "sane_lists"], output_format="html"
        )
    return converter


def sanitize_html(raw_html: str) -> str:
    import nh3

    cleaned: str = nh3.clean(
        raw_html,
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        attribute_filter=_attribute_filter,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # An <img> whose src was filtered out is useless; drop it completely.
    return _drop_empty_images(cleaned)


def _drop_empty_images(fragment: str) -> str:
    import re

    return re.sub(r"<img(?![^>]*\ssrc=)[^>]*>", "", fragment)


def render_markdown(text: str | None, *, language: str | None = None) -> str:
    """Markdown to a safe HTML fragment; wrapped in ``<div dir="rtl">`` for RTL languages."""
    if not text:
        return ""
    from balint_trainer.core.untrusted import markdown_problem

    body = None
    if markdown_problem(text) is None:  # validation reports such text; here it is only shown
        converter = _converter()
        converter.reset()
        try:
            body = sanitize_html(converter.convert(text))
        except Exception:  # untrusted text must display, never crash a view
            converter.reset()
    if body is None:
        body = _as_plain_paragraph(text)
    if is_rtl(language):
        # Arabic-script and Hebrew typography emphasise with weight, not slant (and many
        # fonts have no italic for these scripts, which shows as missing glyphs).
        body = body.replace("<em>", "<strong>").replace("</em>", "</strong>")
        return f'<div dir="rtl">{body}</div>'
    return body


def _as_plain_paragraph(text: str) -> str:
    """Text that cannot be rendered as Markdown, shown as it is (escaped, line breaks kept)."""
    return "<p>" + render_plain(text).replace("\n", "<br>") + "</p>"


def render_inline(text: str | None, *, language: str | None = None) -> str:
    """Like :func:`render_markdown`, without the paragraph wrapper when the text is one paragraph."""
    html = render_markdown(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    if is_rtl(language):
        return f'<span dir="rtl">{html}</span>'
    return html


def render_plain(text: str | None) -> str:
    """Escape plain text (names, labels) for inclusion in rendered HTML.

    Exactly ``html.escape(text, quote=True)``, without importing :mod:`html`, whose entity
    table costs ~1 ms on the start-up path (the library view renders with this).
    """
    return (
        (text or "")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )
