"""seed_demo and other portal commands."""
