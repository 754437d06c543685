"""Built-in column plugin: 网格化服务."""
