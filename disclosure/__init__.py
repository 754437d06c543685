"""政务公开 beyond the catalogue: the guide, rules and annual-report pages, and 依申请公开 requests."""
