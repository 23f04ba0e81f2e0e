"""marsad (مرصد): offline, Arabic-first political event data from news text."""
from .errors import MarsadError
from .model import Actor, CodedDocument, Entity, Event, Location, Quantity, Span, TimeRef
from .pipeline import code

__version__ = "0.1.0"
__all__ = sorted(["Actor", "CodedDocument", "Entity", "Event", "Location", "MarsadError", "Quantity", "Span",
                  "TimeRef", "code", "__version__"])
