"""The codes of build stops Jekyll meets only when it renders a post (see unbuilt.py),
apart from it so that a run with none of them loads nothing more."""

# BC204 also names missing pages of plain links, which are no build stop: only its
# `{% link %}` findings say "stops the build"; BC501 only for a tag Liquid does not
# know, BC502 (and BC501 for an unknown name) only under `liquid: strict_variables`, and
# each says so then.
AT_RENDER = frozenset({"BC204", "BC205", "BC501", "BC502", "BC503", "BC504", "BC505", "BC506", "BC507", "BC509"})
