"""Built-in column plugin: 调查研究."""
