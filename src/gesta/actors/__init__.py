"""Actors: dictionaries of who can act, and their recognition and coding in articles."""

from gesta.actors.dictionary import ActorDictionary, ActorEntry, load_actor_dictionary

__all__ = ["ActorDictionary", "ActorEntry", "load_actor_dictionary"]
