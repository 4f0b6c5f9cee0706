"""Markdown to plain text (Qt-free), for places that take no markup: xAPI descriptions, titles.

The text goes through the project's Markdown renderer (the same rules as on screen), then
only the text nodes are kept and every run of whitespace becomes one space. ``*own*`` becomes
``own``, line breaks inside or at the end of a paragraph become spaces, paragraphs are joined
by one space.
"""

from __future__ import annotations

from html.parser import HTMLParser

from balint_trainer.core.markdown_render import render_markdown


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p", "li", "div", "tr", "td", "th", "h1", "h2", "h3", "h4", "blockquote"):
            self.parts.append(" ")  # block and line boundaries separate words
        elif tag == "img":
            self.parts.append(next((v or "" for k, v in attrs if k == "alt"), ""))


def fold_whitespace(text: str) -> str:
    return " ".join(text.split())


def markdown_to_plain(text: str | None) -> str:
    if not text:
        return ""
    parser = _Text()
    parser.feed(render_markdown(text))
    parser.close()
    return fold_whitespace("".join(parser.parts))
