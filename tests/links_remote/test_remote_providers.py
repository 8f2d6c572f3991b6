"""Providers: YouTube and Twitter through their oEmbed APIs, GitHub attachments, Google images.
Their real hosts are remapped to the loopback farm, as a user would remap them
to a mirror: nothing leaves the machine."""

from __future__ import annotations

from remote_server import Farm
from remote_support import verdicts

from blogcheck.links.model import Status
from blogcheck.links.providers import find, providers

VIDEO = "okVideo0001"  # 11 characters, like a real id


def _youtube_to(farm: Farm) -> tuple[tuple[str, str], ...]:
    return ((r"^https://www\.youtube\.com/", farm.url("/yt/")),)


def test_every_spelling_of_one_video_is_one_oembed_request(farm: Farm) -> None:
    urls = [f"https://www.youtube.com/watch?v={VIDEO}", f"https://youtu.be/{VIDEO}", f"https://youtu.be/{VIDEO}?t=42",
            f"https://m.youtube.com/watch?v={VIDEO}&feature=share", f"https://youtube.com/embed/{VIDEO}",
            f"https://www.youtube.com/shorts/{VIDEO}", f"http://WWW.YouTube.com/watch?v={VIDEO}#t=1m"]
    found = verdicts(urls, remap=_youtube_to(farm))
    assert {v.status for v in found.values()} == {Status.OK}
    assert [e.path for e in farm.hits()] == [
        f"/yt/oembed?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3D{VIDEO}&format=json"]


def test_removed_private_and_malformed_videos(farm: Farm) -> None:
    urls = {name: f"https://www.youtube.com/watch?v={ident}" for name, ident in
            [("gone", "goneVideo01"), ("bad", "badVideo001"), ("private", "privVideo01"), ("short", "abc")]}
    found = verdicts(list(urls.values()), remap=_youtube_to(farm))
    gone, bad, private, short = (found[urls[k]] for k in ("gone", "bad", "private", "short"))
    assert (gone.status, gone.provider, gone.hint) == (Status.BROKEN, "youtube", "video removed or does not exist")
    assert (bad.status, bad.http_status) == (Status.BROKEN, 400)
    assert (private.status, private.provider) == (Status.UNVERIFIED, "youtube")
    assert private.hint == "video is private or not embeddable"
    assert (short.status, short.provider) == (Status.BROKEN, "youtube")
    assert len(farm.hits()) == 3  # a malformed id is judged without asking
    assert all(e.path.startswith("/yt/oembed?") for e in farm.hits())  # never a watch page


def test_a_rate_limited_oembed_api_is_a_plain_warning(farm: Farm) -> None:
    url = "https://www.youtube.com/watch?v=busyVideo01"
    verdict = verdicts([url], retries=0, remap=_youtube_to(farm))[url]
    assert (verdict.status, verdict.provider) == (Status.UNVERIFIED, "")
    assert verdict.seen == "video oEmbed 429"


def test_a_playlist_is_checked_beside_its_video(farm: Farm) -> None:
    rule = _youtube_to(farm)
    both = f"https://www.youtube.com/watch?v={VIDEO}&list=PLgoneList"
    alone = "https://www.youtube.com/playlist?list=PLokList"
    found = verdicts([both, alone], remap=rule)
    assert found[both].status is Status.BROKEN
    assert found[both].hint == "playlist removed or does not exist"
    assert found[both].seen == "video oEmbed 200; playlist oEmbed 404"
    assert found[alone].status is Status.OK
    assert len(farm.hits()) == 3


def test_a_github_attachment_hidden_from_anonymous_readers(farm: Farm) -> None:
    url = "https://github.com/user-attachments/assets/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
    rule = ((r"^https://github\.com/user-attachments/assets/", farm.url("/ua/")),)
    verdict = verdicts([url], image=True, remap=rule)[url]
    assert (verdict.status, verdict.provider, verdict.http_status) == (Status.BROKEN, "github-attachments", 404)
    assert "signed-in" in verdict.hint
    assert "put the image in the site repository" in verdict.hint
    pdf = "https://github.com/user-attachments/files/17001/notes.pdf"  # a file, not an image: said so
    rule = ((r"^https://github\.com/user-attachments/files/", farm.url("/ua/")),)
    assert "put the file in the site repository" in verdicts([pdf], remap=rule)[pdf].hint


def test_a_google_image_403_is_broken_but_elsewhere_403_is_a_bot_wall(farm: Farm) -> None:
    google = "https://lh3.googleusercontent.com/abc/photo.jpg"
    other = farm.url("/status/403/photo.jpg")
    rule = ((r"^https://lh3\.googleusercontent\.com/", farm.url("/guc/")),)
    found = verdicts([google, other], image=True, remap=rule)
    assert (found[google].status, found[google].provider) == (Status.BROKEN, "googleusercontent")
    assert found[other].status is Status.UNVERIFIED


def test_the_registry_finds_every_provider_module() -> None:
    assert [p.name for p in providers()] == ["colab", "github-attachments", "googleusercontent", "twitter", "youtube"]
    assert find("https://www.youtube.com/channel/UC123") is None  # no video id: a plain check
    assert find("https://2.bp.blogspot.com/x/s1600/a.png") is not None
    assert find("https://private-user-images.githubusercontent.com/1/2.png?jwt=x") is not None
    assert find("https://example.com/watch?v=okVideo0001") is None



def _twitter_to(farm: Farm) -> tuple[tuple[str, str], ...]:
    return ((r"^https://publish\.twitter\.com/", farm.url("/tw/")),)


def test_every_spelling_of_one_post_is_one_oembed_request(farm: Farm) -> None:
    urls = ["https://twitter.com/mmistakes/status/1234567890123", "https://x.com/MMistakes/status/1234567890123",
            "https://mobile.twitter.com/mmistakes/statuses/1234567890123?s=20",
            "https://www.x.com/mmistakes/status/1234567890123/photo/1"]
    found = verdicts(urls, remap=_twitter_to(farm))
    assert {(v.status, v.provider, v.seen) for v in found.values()} == {(Status.OK, "twitter", "post oEmbed 200")}
    assert [e.path for e in farm.hits()] == [
        "/tw/oembed?url=https%3A%2F%2Ftwitter.com%2Fmmistakes%2Fstatus%2F1234567890123&omit_script=true&dnt=true"]


def test_a_deleted_post_is_broken_and_a_protected_one_a_warning(farm: Farm) -> None:
    gone, locked = "https://x.com/gone_user/status/111", "https://twitter.com/locked_user/status/222"
    found = verdicts([gone, locked, "https://x.com/busy_api/status/333"], retries=0, remap=_twitter_to(farm))
    assert (found[gone].status, found[gone].hint) == (Status.BROKEN, "post deleted, or its account is gone")
    assert (found[locked].status, found[locked].http_status) == (Status.UNVERIFIED, 403)
    assert "protected" in found[locked].hint
    busy = found["https://x.com/busy_api/status/333"]
    assert (busy.status, busy.provider, busy.seen) == (Status.UNVERIFIED, "", "post oEmbed 429")
    assert all(e.path.startswith("/tw/oembed?") for e in farm.hits())  # never a post's page


def test_only_posts_go_to_the_twitter_api() -> None:
    assert find("https://twitter.com/mmistakes") is None  # a profile: a plain check
    assert find("https://twitter.com/hashtag/rstats?src=hash") is None
    assert find("https://twitter.com/i/web/status/1234") is None  # no account: a plain check
    assert find("https://example.com/mmistakes/status/1234") is None
    assert find("https://x.com/mmistakes/status/12ab") is None


def test_a_playlists_own_embed_code_asks_about_the_playlist_only(farm: Farm) -> None:
    """`/embed/videoseries?list=PL...` is the code YouTube gives to embed a playlist:
    `videoseries` (11 letters) is no video id."""
    url = "https://www.youtube.com/embed/videoseries?list=PLokList"
    verdict = verdicts([url], remap=_youtube_to(farm))[url]
    assert (verdict.status, verdict.seen) == (Status.OK, "playlist oEmbed 200")
    assert [e.path for e in farm.hits()] == [
        "/yt/oembed?url=https%3A%2F%2Fwww.youtube.com%2Fplaylist%3Flist%3DPLokList&format=json"]


def test_an_oembed_answer_that_is_a_web_page_confirms_nothing(farm: Farm) -> None:
    """A consent or bot wall answers 200 with HTML: the video is not known to be there."""
    url = "https://www.youtube.com/watch?v=consentVid1"
    verdict = verdicts([url], remap=_youtube_to(farm))[url]
    assert (verdict.status, verdict.http_status) == (Status.UNVERIFIED, 200)
    assert verdict.seen == "video oEmbed 200 text/html" and "did not confirm the video" in verdict.hint


def test_an_oembed_200_that_is_no_json_object_confirms_nothing(farm: Farm) -> None:
    """A 200 whose body is not an oEmbed JSON object (a captive portal, a proxy's error
    text sent as JSON) was taken for the video being there."""
    urls = ["https://www.youtube.com/watch?v=notjson0001", "https://www.youtube.com/watch?v=array000001",
            "https://www.youtube.com/watch?v=okVideo0001"]
    found = verdicts(urls, remap=_youtube_to(farm))
    assert [found[u].status for u in urls] == [Status.UNVERIFIED, Status.UNVERIFIED, Status.OK]
    assert "answered 200 with no JSON object: it did not confirm the video" in found[urls[0]].hint
