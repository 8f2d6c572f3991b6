"""Exit codes, documented in the README."""

OK = 0  # no error-level finding (published, or nothing to publish)
FINDINGS = 1  # at least one error-level finding (publish: some posts refused)
USAGE = 2  # bad usage or configuration: unknown flag, invalid config or schema
PUBLISH_FAILED = 3  # publish could not complete; the target is unchanged
