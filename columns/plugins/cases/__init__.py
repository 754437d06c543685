"""Built-in column plugin: 以案说法."""
