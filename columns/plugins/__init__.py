"""Built-in column types. Each module here registers itself; adding one adds a column type."""
