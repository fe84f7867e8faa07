"""Counts of people: fatalities, injured, crowd and troop sizes."""
