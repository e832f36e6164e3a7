"""Item text: HTML to plain text, canonical URLs, and opt-in full text."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.support_feeds import serve, static
from worker.feeds import canonical_url, fetch_feed, html_to_text, make_feed_client


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One</p><p>Two &amp; three</p>", "One\nTwo & three"),
        ("Line<br>next<br/>last", "Line\nnext\nlast"),
        ("<div>  lots   of\n\n spaces&nbsp;here </div>", "lots of spaces here"),
        ("<p>Keep</p><script>var x = '<p>no</p>';</script><style>.a{}</style>", "Keep"),
        ("<ul><li>a</li><li>b</li></ul><!-- hidden -->", "a\nb"),
        ("plain &eacute;t&eacute;", "plain été"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("", ""),
        ("<!-- only a comment -->", ""),
        ("<h2>Head</h2>Tail text", "Head\nTail text"),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


@pytest.mark.parametrize(
    ("url", "canon"),
    [
        ("HTTPS://Example.COM:443/a?utm_source=x&id=3#frag", "https://example.com/a?id=3"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/p?fbclid=1&q=a+b", "http://example.com:8080/p?q=a+b"),
        ("https://example.com/p?UTM_Medium=email", "https://example.com/p"),
        ("javascript:alert(1)", None),
        ("mailto:desk@example.com", None),
        ("http://[::1]:99/x", "http://[::1]:99/x"),
        ("http://bad:port/", None),
    ],
)
def test_canonical_url(url: str, canon: str | None) -> None:
    assert canonical_url(url) == canon


ARTICLE = (
    "<html><head><title>Dam report</title></head><body>"
    "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
    "<article><h1>Engineers warn over ageing dam</h1>"
    + "".join(
        f"<p>Paragraph {i}: engineers inspecting the reservoir wall found cracks that "
        f"widened over the winter, and the regional authority ordered further tests.</p>"
        for i in range(8)
    )
    + "</article><footer>Subscribe to our newsletter. Cookie settings.</footer></body></html>"
).encode()


@pytest.fixture
def client(allow_private: None) -> Iterator[httpx.Client]:
    with make_feed_client() as c:
        yield c


def _summary_feed(base: str) -> bytes:
    return (
        '<rss version="2.0"><channel><title>s</title>'
        f"<item><title>Dam</title><link>{base}/article?utm_source=rss</link><guid>d1</guid>"
        "<description>Engineers warn.</description></item>"
        f"<item><title>Gone</title><link>{base}/missing</link><guid>d2</guid>"
        "<description>Kept summary.</description></item>"
        "</channel></rss>"
    ).encode()


def test_full_text_is_fetched_only_when_opted_in(client: httpx.Client) -> None:
    with serve({"/article": static(ARTICLE, "text/html; charset=utf-8")}) as srv:
        srv.routes["/f"] = static(_summary_feed(srv.base))
        plain = fetch_feed(client, srv.url("/f"))
        assert srv.count("/article") == 0
        full = fetch_feed(client, srv.url("/f"), fetch_full_text=True)
    assert plain.items[0].text == "Engineers warn."
    dam, gone = full.items
    assert "Paragraph 7: engineers inspecting the reservoir wall" in dam.text
    assert "newsletter" not in dam.text and "Home" not in dam.text
    assert len(dam.text.splitlines()) >= 8
    assert gone.text == "Kept summary."  # a 404 keeps the summary


def test_full_text_goes_through_the_guard() -> None:
    """A feed allowed by a trusted-network hook cannot make us fetch a private page."""
    with serve({"/article": static(ARTICLE, "text/html")}, host="127.0.0.2") as inner:
        with serve({}) as outer:
            outer.routes["/f"] = static(_summary_feed(inner.base))
            with make_feed_client(allow_private=False, allow_networks=["127.0.0.1/32"]) as c:
                res = fetch_feed(c, outer.url("/f"), fetch_full_text=True)
        assert res.status == "ok"
        assert res.items[0].text == "Engineers warn."
        assert inner.hits == []


def test_title_only_items_keep_their_title_as_text() -> None:
    from worker.feeds import parse_feed

    body = (
        b'<rss version="2.0"><channel><title>links</title>'
        b"<item><title>First link</title><link>https://l.example/1</link></item>"
        b"<item><title>Second link</title><link>https://l.example/2</link></item>"
        b"</channel></rss>"
    )
    items = parse_feed(body, {}).items
    assert [i.text for i in items] == ["First link", "Second link"]
