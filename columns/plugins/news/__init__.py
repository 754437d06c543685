"""Built-in column plugin: 新闻."""
