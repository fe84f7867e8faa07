"""When events happen: date phrases resolved against the publication date."""
