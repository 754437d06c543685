"""Built-in column plugin: 政法先锋."""
