"""marsad.text: the text layer (normalization with offset maps, sentences, clitic-aware tokens, numbers, dates,
language). Depends on nothing else of marsad: stdlib and ``regex`` only. Every span it returns indexes the
ORIGINAL text: ``text[start:end] == span.text``.
"""
from .bench import text_layer_throughput
from .dates import TimeMatch, find_times, hijri_to_gregorian
from .lang import detect_language, sentence_languages
from .normalize import NormalizedText, normalize, normalize_key
from .numbers import NumberMatch, find_numbers, parse_number_words
from .sentences import split_sentences
from .tokens import Token, Tokens, enclitic_splits, proclitic_splits, tokenize

__all__ = sorted([
    "NormalizedText", "NumberMatch", "TimeMatch", "Token", "Tokens", "detect_language", "enclitic_splits", "find_numbers",
    "find_times", "hijri_to_gregorian", "normalize", "normalize_key", "parse_number_words", "proclitic_splits",
    "sentence_languages", "split_sentences", "text_layer_throughput", "tokenize",
])
