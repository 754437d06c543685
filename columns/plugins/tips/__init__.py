"""Built-in column plugin: 便民提示."""
