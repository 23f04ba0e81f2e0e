"""Stage: every KB name in the text (gazetteer over the normalized text), resolved to mentions."""
from __future__ import annotations

from ...text import normalize
from ..mentions import resolve
from .state import DocState, Resources, stage


@stage(needs=("text", "lang"), provides=("mentions",))
def find_mentions(res: Resources, st: DocState) -> None:
    nt = normalize(st.text, st.lang)
    st.mentions = resolve(res.gazetteer.find(nt), st.text, res.lexicon.common_words, res.country_of_place,
                          res.country_of_org)
