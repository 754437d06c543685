"""Built-in column plugin: 政务公开."""
