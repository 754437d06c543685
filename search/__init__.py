"""Site search for the public pages and the JSON search API."""
