"""The inventory and the trigger data files."""

from __future__ import annotations

import pytest

from chronik.errors import ConfigError
from chronik.events import load_inventory, load_lexicon


def test_inventory_has_about_twenty_types_with_definitions():
    types = load_inventory()
    assert 18 <= len(types) <= 26
    for name in ("MEET", "VISIT", "INVITE", "ACCEPT", "AGREE", "COOPERATE", "SUPPORT", "AID", "TRADE", "DEMAND",
                 "THREATEN", "ACCUSE", "CRITICIZE", "DENY", "SANCTION", "PROTEST", "ATTACK", "TRAVEL", "STATEMENT"):
        assert name in types
        assert types[name].definition
    assert types["MEET"].symmetric and not types["VISIT"].symmetric
    assert "target" in types["MEET"].preps["mit"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_lexicon_types_are_in_the_inventory(lang):
    lx = load_lexicon(lang)
    for table in (lx.verbs, lx.nouns):
        for senses in table.values():
            for sense in senses:
                assert sense.type in lx.types
                for cond in sense.conditions:
                    if cond.kind in ("word", "noword", "obj"):
                        assert cond.arg in lx.lists, cond
    for lvcs in lx.light_verbs.values():
        for lvc in lvcs:
            assert lvc.type in lx.types and lvc.trigger in ("noun", "verb")


@pytest.mark.parametrize("word, head, typ", [
    ("Waffenlieferung", "Lieferung", "TRADE"), ("Staatsbesuch", "Besuch", "VISIT"), ("Gipfeltreffen", "Gipfeltreffen", "MEET"),
    ("Waffendeal", "Waffendeal", "TRADE"), ("Abkommen", "Abkommen", "AGREE"),
])
def test_noun_compounds_find_their_head(word, head, typ):
    found = load_lexicon("de").noun_senses(word)
    assert found is not None and found[0] == head and found[1][0].type == typ


@pytest.mark.parametrize("word", ["Besucher", "Herausforderung", "Tisch"])
def test_non_event_nouns_are_not_triggers(word):
    assert load_lexicon("de").noun_senses(word) is None


def test_german_lexicon_has_light_verbs_and_cues():
    lx = load_lexicon("de")
    assert any(lv.verb == "annehmen" and lv.type == "ACCEPT" for lv in lx.light_verbs["Einladung"])
    assert any(lv.verb == "führen" and lv.type == "MEET" for lv in lx.light_verbs["Gespräch"])
    assert "zufolge" in lx.cue("source_postposition") and "könnte" in lx.cue("speculative")
    assert any(s.report for s in lx.verbs["sagen"])


def test_unknown_language_is_a_config_error():
    with pytest.raises(ConfigError):
        load_lexicon("xx")


def test_conditions_keep_label_alternatives_and_read_flags_after_a_bar():
    from chronik.events.lexicon import _conditions

    conds, report = _conditions("src:PER|ORG,tgt,noword:treffen_not")
    assert [(c.kind, c.arg) for c in conds] == [("src", "PER|ORG"), ("tgt", ""), ("noword", "treffen_not")]
    assert not report
    assert _conditions("- |report") == ((), True)
    conds, report = _conditions("noword:demand_not |report")
    assert [(c.kind, c.arg) for c in conds] == [("noword", "demand_not")] and report
