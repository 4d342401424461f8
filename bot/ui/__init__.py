"""The Textual app. It reads the engine and the progress store; it never
parses Markdown, and it shows content only as text, never as markup."""
