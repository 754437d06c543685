"""书记信箱: citizens' letters to the committee's secretary, from submission to a published reply."""
