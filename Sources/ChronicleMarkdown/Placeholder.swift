/// Markdown parsing through libcmark.
public enum ChronicleMarkdownPlaceholder {}
