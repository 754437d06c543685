"""Built-in column plugin: 通知公告."""
