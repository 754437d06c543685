"""Built-in column plugin: 影音政法."""
