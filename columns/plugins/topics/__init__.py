"""Built-in column plugin: 专题."""
