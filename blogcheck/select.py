"""`--select` / `--ignore`: by check name (`frontmatter`) or code prefix (`BC1`, in any
case: `bc4`, as an inline suppression takes it). When both match, the more specific
word wins, as in flake8."""

from __future__ import annotations

from blogcheck.diagnostic import Diagnostic


def _best(words: tuple[str, ...], diag: Diagnostic) -> int:
    """How specifically `words` match: -1 none, 0 a check name, else prefix length."""
    score = -1
    for word in words:
        if word == diag.check:
            score = max(score, 0)
        elif diag.code.startswith(word.upper()):
            score = max(score, len(word))
    return score


def wanted(diag: Diagnostic, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    chosen = _best(select, diag) if select else 0
    dropped = _best(ignore, diag)
    return chosen >= 0 and (dropped < 0 or chosen > dropped)


def check_wanted(check: str, codes: list[str], select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Whether any code of `check` survives the filters, to skip a whole check."""
    from blogcheck.diagnostic import Severity

    return any(
        wanted(Diagnostic(code, check, Severity.ERROR, "", 1, 1, ""), select, ignore) for code in codes
    )
