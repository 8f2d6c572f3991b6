"""Jekyll's hidden rules, written down: file names, dates, defaults and URLs."""
