"""Live mode: code files as they arrive in a directory and entries of RSS/Atom feeds (``gesta watch``)."""

from gesta.watch.sinks import JsonlSink, Sink, StoreSink
from gesta.watch.watcher import WatchOptions, WatchSummary, run_watch

__all__ = ["JsonlSink", "Sink", "StoreSink", "WatchOptions", "WatchSummary", "run_watch"]
