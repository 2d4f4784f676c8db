"""The extractor as a spaCy component: `nlp.add_pipe("zh_claims")`.

Registered under the factory name `zh_claims` through the package's
`spacy_factories` entry point, so any Chinese pipeline finds it once zhclaims
is installed. It reads `doc.text` as a whole article and sets
`doc.spans["claims"]`; each span's label is the claim's kind and
`span._.claim` holds the claim's fields (a dict with the table's columns).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extract import extract

SPAN_KEY = "claims"


class ClaimsComponent:
    def __init__(self, nlp: Language, name: str = "zh_claims", spans_key: str = SPAN_KEY):
        self.name = name
        self.spans_key = spans_key
        if not Span.has_extension("claim"):
            Span.set_extension("claim", default=None)

    def __call__(self, doc: Doc) -> Doc:
        table = extract(doc.text, doc_id=doc.user_data.get("doc_id", "doc"))
        spans = []
        for record in table.to_dict(orient="records"):
            span = doc.char_span(record["start"], record["end"], label=record["kind"], alignment_mode="expand")
            if span is None:
                continue
            span._.claim = record
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("zh_claims", default_config={"spans_key": SPAN_KEY},
                  assigns=["doc.spans"], requires=[])
def make_claims_component(nlp: Language, name: str, spans_key: str) -> ClaimsComponent:
    return ClaimsComponent(nlp, name, spans_key)
