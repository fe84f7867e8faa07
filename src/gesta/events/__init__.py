"""The event coder: patterns as data, matched on lemmas and the dependency parse."""
