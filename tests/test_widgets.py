"""Display helpers: user text shown literally in Markdown."""

import pytest

from ui.widgets import md


@pytest.mark.parametrize(("text", "expected"), [
    ("[Acme](javascript:alert(1))", r"\[Acme\]\(javascript\:alert\(1\)\)"),
    ("Saved: notes", r"Saved\: notes"), ("MAILTO:a", "MAILTO\\:\u2060a"),
    ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert\(1\)\>"),
    ("*bold* _it_ `code` $x$ ~s~", r"\*bold\* \_it\_ \`code\` \$x\$ \~s\~"),
    ("line one\nline two", "line one line two"),
    ("Acme, Inc. - 2025", r"Acme, Inc\. - 2025"),
    ("see https://evil.example, WWW.x.example or a@b.example",
     "see https\\:\u2060//evil\\.example, WWW\u2060\\.x\\.example or a\\@\u2060b\\.example"),
])
def test_markdown_is_escaped(text, expected):
    assert md(text) == expected
