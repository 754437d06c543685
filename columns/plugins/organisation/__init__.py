"""Built-in column plugin: 机构设置."""
