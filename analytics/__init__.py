"""Visitor statistics without cookies or third parties: a beacon counts views, a daily salted hash counts visitors."""
