"""Built-in column plugin: 法治课堂."""
