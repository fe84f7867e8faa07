"""Where events happen: the gazetteer and the places stage."""
