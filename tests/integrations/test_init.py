"""`blogcheck init`: the files it writes work as they are, and nothing that
exists is overwritten."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from integration_support import GOOD_POST, make_site

from blogcheck.cli import main
from blogcheck.commands.init import HOOK_IDS, REPOSITORY
from blogcheck.config import Config, load_config
from blogcheck.links.settings import LinkSettings
from blogcheck.spelling.wordlist import parse

FILES = ["blogcheck.toml", ".blogcheck-words.txt", ".pre-commit-config.yaml"]


def test_init_writes_the_three_files_into_the_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "blog", {"_posts/2024-03-06-good.md": GOOD_POST})
    monkeypatch.chdir(site / "_posts")  # the site is found from inside it
    assert main(["init"]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("created")] == [
        f"created {site / name}" for name in FILES]
    config = load_config(site / "blogcheck.toml")
    assert config.ignore == () and config.section("links") == {"cache_ttl": "3d"}
    assert "#" in (site / "blogcheck.toml").read_text()  # commented
    assert parse((site / ".blogcheck-words.txt").read_text()) == frozenset()
    hooks = yaml.safe_load((site / ".pre-commit-config.yaml").read_text())
    assert hooks["repos"][0]["repo"] == REPOSITORY and hooks["repos"][0]["rev"].startswith("v")
    assert hooks["repos"][0]["hooks"] == [{"id": "blogcheck-offline"}]
    monkeypatch.chdir(site)
    assert main(["check"]) == 0, "a site that init set up passes as it was"


def test_init_overwrites_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "blog", {})
    mine = {"blogcheck.toml": "quiet = true\n", ".blogcheck-words.txt": "kubernetes\n",
            ".pre-commit-config.yaml": "repos: []\n"}
    for name, text in mine.items():
        (site / name).write_text(text)
    assert main(["init", str(site)]) == 0
    out = capsys.readouterr().out
    assert {name: (site / name).read_text() for name in mine} == mine
    assert out.count("(it exists)") == 3 and "created" not in out
    assert f"  - repo: {REPOSITORY}\n" in out and "      - id: blogcheck-offline\n" in out  # lines to add


def test_init_never_waits_on_a_pipe_named_as_the_hook_config(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A pipe named `.pre-commit-config.yaml` is kept, as any file there, and not read
    (reading it waited for a writer for ever)."""
    site = make_site(tmp_path / "blog", {})
    os.mkfifo(site / ".pre-commit-config.yaml")
    assert main(["init", str(site)]) == 0
    assert "kept " in capsys.readouterr().out


def test_init_stays_quiet_about_a_hook_already_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "blog", {})
    (site / ".pre-commit-config.yaml").write_text(f"repos:\n  - repo: x\n    rev: v1\n    hooks:\n"
                                                  f"      - id: {HOOK_IDS[0]}\n")
    assert main(["init", str(site)]) == 0
    assert "repo:" not in capsys.readouterr().out


def test_init_dot_in_a_site_says_nothing_of_its_config(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "."]) == 0
    assert "_config.yml" not in capsys.readouterr().err
    assert (tmp_path / "blogcheck.toml").is_file()


def test_init_in_a_folder_without_config_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path)]) == 0
    assert "has no _config.yml" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILES)


def test_a_missing_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "missing")]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert not (tmp_path / "missing").exists()


def test_init_on_a_file_says_it_is_no_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "_config.yml").write_text("title: t\n")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "_config.yml"]) == 2
    assert capsys.readouterr().err == "blogcheck: error: _config.yml: not a folder; give the site's root folder\n"
    assert not (tmp_path / "blogcheck.toml").exists()


def test_init_never_writes_through_a_symlink(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "blog", {})
    outside = tmp_path / "outside.toml"
    (site / "blogcheck.toml").symlink_to(outside)  # dangling: O_EXCL refuses it
    assert main(["init", str(site)]) == 0
    assert not outside.exists()
    assert f"kept {site / 'blogcheck.toml'} (it exists)" in capsys.readouterr().out


def test_the_commented_host_table_works_once_uncommented(tmp_path: Path) -> None:
    site = make_site(tmp_path / "blog", {"_posts/2024-03-06-good.md": GOOD_POST})
    assert main(["init", str(site)]) == 0
    text = (site / "blogcheck.toml").read_text()
    assert '# [links.hosts."example.com"]' in text
    for line in ('[links.hosts."example.com"]', "max_per_host = 2", "request_interval = 0.5"):
        text = text.replace(f"# {line}", line)
    settings = LinkSettings.from_config(_load_text(tmp_path, text))
    assert settings.cache_ttl == 3 * 86400  # still in [links]: the table comes last
    assert settings.for_host("example.com:443") == (2, 0.5) and settings.for_host("other.org:443") == (10, 0.0)


def _load_text(folder: Path, text: str) -> Config:
    path = folder / "edited.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def _jekyll_build(site: Path) -> list[str]:
    """The files `jekyll build` puts at the top of `_site/`."""
    assert shutil.which("jekyll"), ".ci/run installs jekyll"
    done = subprocess.run(["jekyll", "build", "--quiet"], cwd=site, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    return sorted(p.name for p in (site / "_site").iterdir())


def test_init_says_how_to_keep_its_config_out_of_the_built_site(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Jekyll copies blogcheck.toml into _site/ (the dotfiles it skips by itself); init
    leaves _config.yml as it is and says what to add, and what it says works."""
    site = make_site(tmp_path / "blog", {})
    config = site / "_config.yml"
    config.write_text(config.read_text() + "exclude:\n  - drafts-notes/\n")
    before = config.read_bytes()
    assert main(["init", str(site)]) == 0
    out = capsys.readouterr().out
    assert ("Jekyll copies blogcheck.toml into the built site: add `- blogcheck.toml` to `exclude:` in "
            "_config.yml") in out
    assert config.read_bytes() == before
    built = _jekyll_build(site)
    assert "blogcheck.toml" in built and not {".blogcheck-words.txt", ".pre-commit-config.yaml"} & set(built)
    config.write_text(config.read_text() + "  - blogcheck.toml\n")
    assert "blogcheck.toml" not in _jekyll_build(site)
    assert main(["init", str(site)]) == 0
    assert "Jekyll copies" not in capsys.readouterr().out


def test_init_names_the_exclude_line_only_when_it_is_missing(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    cases = [("title: t\n", "add `exclude: [blogcheck.toml]` to _config.yml (Jekyll 3, as on GitHub Pages, then no "
                            "longer skips Gemfile"),
             ("title: t\nexclude: [blog]\n", ""),  # Jekyll leaves out every name that starts so
             ("title: t\nexclude: ['*.toml']\n", "")]
    for number, (config, said) in enumerate(cases):
        (tmp_path / str(number)).mkdir()
        (tmp_path / str(number) / "_config.yml").write_text(config)
        assert main(["init", str(tmp_path / str(number))]) == 0
        out = capsys.readouterr().out
        assert (said in out) if said else "Jekyll copies" not in out


def test_a_write_cut_short_leaves_no_half_file(tmp_path: Path) -> None:
    """A full disk (here a 1 KiB file-size limit, in a child process): init says so (exit 2)
    and leaves no truncated blogcheck.toml, which a later init would keep as the user's."""
    import sys

    site = make_site(tmp_path / "site", {})
    limited = "import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024)); " \
              "from blogcheck.cli import main; sys.exit(main(['init']))"
    done = subprocess.run([sys.executable, "-c", limited], cwd=site, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 2 and "cannot write blogcheck.toml" in done.stderr, done.stderr
    assert not (site / "blogcheck.toml").exists()
    again = subprocess.run([sys.executable, "-m", "blogcheck", "init"], cwd=site, capture_output=True, text=True,
                           timeout=120, check=False)
    assert again.returncode == 0 and "created blogcheck.toml" in again.stdout
    load_config(site / "blogcheck.toml")
