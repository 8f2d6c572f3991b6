"""The spelling check: prose spans, a smart tokenizer, known misspellings, an English
dictionary, word lists, site usage, and the safe --fix."""
