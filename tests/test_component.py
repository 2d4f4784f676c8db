"""The spaCy component: found by its factory name, sets doc.spans["claims"]."""
import spacy


def test_component_sets_claim_spans():
    nlp = spacy.blank("zh")
    nlp.add_pipe("zh_claims")
    doc = nlp("2025年騰訊凈利潤暴漲68%至1940.73億元,第四季度單季凈利潤513.24億元,同比增長90%。")
    spans = doc.spans["claims"]
    assert [span.text for span in spans] == ["1940.73億元", "513.24億元"]
    assert spans[0].label_ == "amount"
    assert spans[0]._.claim["value"] == 194073000000
    assert spans[1]._.claim["period"] == "2025-Q4"
    assert spans[1]._.claim["change_basis"] == "yoy"


def test_component_is_registered_through_entry_points():
    from importlib.metadata import entry_points
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert "zh_claims" in names
