"""A redirect to a sign-in page (a private Google Doc, a GitHub page that needs a
login): readers who are not signed in never see the page. The real hosts are
remapped to the loopback farm, so even a wrong request stays on this machine."""

from __future__ import annotations

from urllib.parse import quote

from remote_server import Farm
from remote_support import verdicts

from blogcheck.links import signin
from blogcheck.links.model import Status


def _to(farm: Farm, name: str, url: str) -> str:
    return farm.url(f"/to/{name}?u=" + quote(url, safe=""))


def test_a_page_behind_a_sign_in_is_a_warning_and_the_login_form_is_not_fetched(farm: Farm) -> None:
    rule = ((r"^https://(accounts\.google|github)\.com/", farm.url("/ok/")),)
    doc = _to(farm, "doc", "https://accounts.google.com/v3/signin/identifier?continue=https://docs.google.com/d/x")
    fine = _to(farm, "fine", "https://accounts.google.com/policies")  # no sign-in page: followed as usual
    found = verdicts([doc, fine], remap=rule)
    assert found[doc].status is Status.UNVERIFIED
    assert found[doc].final_url == "https://accounts.google.com/v3/signin/identifier?continue=https://docs.google.com/d/x"
    assert found[doc].hint.startswith("redirects to a sign-in page (accounts.google.com): readers who are not")
    assert found[fine].status is Status.OK
    assert [e.path for e in farm.hits("/ok/")] == ["/ok/policies"]


def test_an_image_behind_a_sign_in_is_broken(farm: Farm) -> None:
    rule = ((r"^https://github\.com/", farm.url("/ok/")),)
    image = _to(farm, "img", "https://github.com/login?return_to=%2Fme%2Frepo%2Fraw%2Fmain%2Fshot.png")
    verdict = verdicts([image], image=True, remap=rule)[image]
    assert verdict.status is Status.BROKEN and "cannot see the image" in verdict.hint
    assert farm.hits("/ok/") == []


def test_sign_in_pages_by_host_and_path() -> None:
    assert signin.site("https://accounts.google.com/ServiceLogin?service=wise") == "accounts.google.com"
    assert signin.site("https://login.microsoftonline.com/common/oauth2/authorize") == "login.microsoftonline.com"
    assert signin.site("https://www.linkedin.com/authwall?trk=gf") == "www.linkedin.com"
    assert signin.site("https://github.com/loginx") == ""  # a user or organisation named `loginx`
    assert signin.site("https://github.com/login/oauth/authorize") == "github.com"
    assert signin.site("https://docs.google.com/document/d/x") == ""
    assert signin.site("http://[::1") == ""  # not a URL: no crash
