"""Built-in column plugin: 法治动态."""
