"""marsad (مرصد): offline, Arabic-first political event data from news text."""
from ._version import __version__
from .errors import MarsadError
from .model import Actor, CodedDocument, Entity, Event, Location, Quantity, Span, TimeRef
from .pipeline import code

__all__ = sorted(["Actor", "CodedDocument", "Entity", "Event", "Location", "MarsadError", "Quantity", "Span",
                  "TimeRef", "code", "__version__"])
