"""Stage: the words and sentences of the document, with every word's analysed forms."""
from __future__ import annotations

from ..words import segment
from .state import DocState, Resources, stage


@stage(needs=("text", "lang"), provides=("words", "sentences", "starts"))
def segment_words(res: Resources, st: DocState) -> None:
    st.words, st.sentences = segment(st.text, st.lang)
    st.starts = [w.start for w in st.words]
