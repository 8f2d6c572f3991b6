"""The links check: extract -> dedupe -> concurrent check (+cache) -> map back."""
