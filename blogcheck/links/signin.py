"""Sign-in pages. A link that redirects to one shows readers who are not signed in
a login form instead of the page: a private Google Doc or Drive file, a page of a
private workspace. The author, signed in, sees it fine, so only a checker can tell."""

from __future__ import annotations

from urllib.parse import urlsplit

# Host -> path prefixes of its sign-in pages ("/" for a host that only signs in).
PAGES: dict[str, tuple[str, ...]] = {
    "accounts.google.com": ("/ServiceLogin", "/v3/signin", "/signin", "/AccountChooser", "/InteractiveLogin"),
    "github.com": ("/login", "/session"),
    "gitlab.com": ("/users/sign_in",),
    "bitbucket.org": ("/account/signin",),
    "id.atlassian.com": ("/login",),
    "login.microsoftonline.com": ("/",),
    "login.live.com": ("/",),
    "www.dropbox.com": ("/login",),
    "www.facebook.com": ("/login",),
    "www.instagram.com": ("/accounts/login",),
    "www.linkedin.com": ("/authwall", "/login", "/uas/login", "/checkpoint"),
    "x.com": ("/i/flow/login", "/login"),
    "twitter.com": ("/i/flow/login", "/login"),
}


def site(url: str) -> str:
    """The host when `url` is a sign-in page, else ""."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return ""
    path = parts.path or "/"
    for prefix in PAGES.get(host, ()):
        if prefix == "/" or path == prefix or path.startswith(prefix + "/"):
            return host
    return ""
