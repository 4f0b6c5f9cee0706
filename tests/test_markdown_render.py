from hypothesis import given
from hypothesis import strategies as st

from balint_trainer.core.markdown_render import is_rtl, render_markdown, render_plain, sanitize_html


def test_basic_markdown_is_rendered():
    html = render_markdown("**bold** and *em*\n\n- a\n- b")
    assert "<strong>bold</strong>" in html
    assert "<em>em</em>" in html
    assert "<li>a</li>" in html


def test_empty_text_gives_empty_html():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def test_script_tags_and_content_are_removed():
    html = render_markdown("hello <script>alert('x')</script> world")
    assert "<script" not in html
    assert "alert" not in html
    assert "hello" in html and "world" in html


def test_style_iframe_object_removed():
    html = render_markdown(
        "<style>p{color:red}</style><iframe src='https://e.org'></iframe><object data=x></object>ok"
    )
    for bad in ("<style", "color:red", "<iframe", "<object"):
        assert bad not in html
    assert "ok" in html


def test_event_handlers_removed():
    html = render_markdown(
        '<p onclick="steal()" onmouseover="x()">hi</p><a href="https://a.org" onfocus="y()">l</a>'
    )
    assert "onclick" not in html and "onmouseover" not in html and "onfocus" not in html
    assert 'href="https://a.org"' in html


def test_javascript_and_data_links_are_dropped():
    html = render_markdown("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](data:text/html,<b>x</b>)")
    assert "javascript" not in html.lower()
    assert "data:text" not in html
    assert ">a</a>" in html


def test_safe_links_survive():
    html = render_markdown("[w](https://example.org/x) [m](mailto:a@b.org) [h](http://example.org)")
    assert 'href="https://example.org/x"' in html
    assert 'href="mailto:a@b.org"' in html
    assert 'href="http://example.org"' in html


def test_remote_images_are_dropped():
    html = render_markdown(
        "![pixel](https://tracker.example/p.gif) <img src='http://evil/x.png' onerror='a()'>"
    )
    assert "<img" not in html
    assert "tracker" not in html and "evil" not in html


def test_inline_data_images_are_kept():
    html = sanitize_html('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">')
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in html
    assert "data:image/svg" not in sanitize_html('<img src="data:image/svg+xml;base64,PHN2Zz4=">')


def test_svg_and_form_elements_are_removed():
    html = render_markdown("<svg onload=alert(1)><circle/></svg><form action=x><input value=y></form>text")
    assert "<svg" not in html and "<form" not in html and "<input" not in html


def test_rtl_languages_get_dir_attribute():
    assert render_markdown("سلام", language="fa").startswith('<div dir="rtl">')
    assert render_markdown("שלום", language="he-IL").startswith('<div dir="rtl">')
    assert 'dir="rtl"' not in render_markdown("hello", language="en")
    assert is_rtl("ar") and is_rtl("ur-PK") and not is_rtl("fr") and not is_rtl(None)


def test_plain_text_is_escaped():
    assert render_plain('<b>"x"</b>') == "&lt;b&gt;&quot;x&quot;&lt;/b&gt;"


def test_rtl_emphasis_uses_weight_not_slant():
    html = render_markdown("*مهم*", language="fa")
    assert "<em>" not in html and "<strong>مهم</strong>" in html
    assert "<em>x</em>" in render_markdown("*x*", language="en")


@given(st.text())
def test_render_plain_escapes_exactly_like_html_escape(text: str) -> None:
    import html

    assert render_plain(text) == html.escape(text, quote=True)
