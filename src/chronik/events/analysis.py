"""A shallow analysis of one sentence: tokens with lemmas, clauses, and the noun phrases that
carry entity mentions (their preposition, determiner, coordination group and what they modify).

No parser: German word order and function words are enough for the rules of
:mod:`chronik.events.roles`. Clauses break at commas, semicolons, colons, dashes, brackets and
quotes, and before a subordinating conjunction; a clause that starts with a relative pronoun
after a comma is a relative clause.
"""

from __future__ import annotations

import re
from typing import Sequence

from chronik.events.lexicon import Lexicon
from chronik.events.mentions import DATELINE, DATIVE_DER, dateline_places
from chronik.events.notactors import adjectival, attribute, bracketed, initials
from chronik.events.verbs import after_bracket, is_finite_like
from chronik.events.voice import participle
from chronik.events.view import ARTICLES, BREAKS, QUOTES, TERMINAL, Clause, Phrase, SentenceView, Tok, is_adjective
from chronik.model import Mention


def analyse(text: str, start: int, end: int, toks: list[Tok], mentions: list[tuple[int, Mention]],
            lexicon: Lexicon, timexes: Sequence[tuple[int, int]] = ()) -> SentenceView:
    """The view of ``text[start:end]`` given its tokens and the mentions inside it."""
    _clauses_and_quotes(toks, lexicon, [m for _, m in mentions])
    clauses = _clause_list(toks, lexicon)
    stripped = text[start:end].rstrip()
    view = SentenceView(start=start, end=end, toks=toks, clauses=clauses, phrases=[],
                        headline=not stripped or stripped[-1] not in TERMINAL,
                        question=stripped.endswith("?"), labels={i: m.label for i, m in mentions}, source=text)
    view.timex_tokens = {t.i for t in toks if any(a <= t.start < b for a, b in timexes)}
    _phrases(view, mentions, lexicon)
    for c in clauses:
        if c.relative:
            c.antecedent = _antecedent(view, c)
    return view


def _clauses_and_quotes(toks: list[Tok], lexicon: Lexicon, mentions: Sequence[Mention] = ()) -> None:
    subordinators = lexicon.cue("subordinators")
    clause = 0
    quoted = False
    prev_break = True
    soft: set[int] = _short_quotes(toks) | _list_commas(toks, lexicon.cue("coordinators"), mentions)
    stack: list[int] = []  # clauses interrupted by a bracket
    fresh = 0  # the last clause id handed out
    asides = _asides(toks, lexicon)
    skip = 0  # tokens before this index are already placed (an aside)
    for k, tok in enumerate(toks):
        ch = tok.text
        if k < skip:
            continue
        if k in asides:
            fresh += 1
            skip = asides[k]
            for t in toks[k:skip]:
                t.clause, t.quoted = fresh, quoted
            if prev_break:  # "Wie berichtet hat Lütkes ...": the clause begins after the aside
                fresh += 1
                clause = fresh
            continue
        if k in soft:
            tok.clause = clause
            tok.quoted = quoted
            continue
        if ch == "(":
            stack.append(clause)
        elif ch == ")" and stack:
            fresh += 1
            tok.clause = fresh
            tok.quoted = quoted
            clause = stack.pop()
            prev_break = True
            continue
        if ch in QUOTES:
            quoted = True if ch == "„" else not quoted
        is_break = ch in BREAKS or (ch == "-" and k > 0 and toks[k - 1].end < tok.start and not _glued_hyphen(toks, k))
        if is_break:
            fresh += 1
            clause = fresh
            tok.clause = clause
            tok.quoted = quoted
            prev_break = True
            continue
        if not prev_break and tok.lower in subordinators and k > 0 and not _acronym(tok) \
                and not (tok.cap and any(m.start < tok.start < m.end for m in mentions)):
            # "Stephan Weil forderte": a capitalised subordinator inside a name is part of it
            fresh += 1
            clause = fresh
        tok.clause = clause
        tok.quoted = quoted
        prev_break = False


def _asides(toks: list[Tok], lexicon: Lexicon) -> dict[int, int]:
    """Comment asides of "wie" and a bare participle ("Ob Edeka und Tengelmann wie geplant
    fusionieren werden", "Wie berichtet hat Lütkes ..."): the aside's start mapped to the index after
    it. The aside is a clause of its own and the clause it interrupts goes on after it; "wie
    angekündigt wurde, ..." and "wie geplant." are clauses of their own, no aside."""
    out: dict[int, int] = {}
    for k, tok in enumerate(toks):
        if tok.lower != "wie":
            continue
        j = k + 1
        if j < len(toks) and toks[j].lower in ("bereits", "schon", "zuvor"):
            j += 1
        if j + 1 >= len(toks) or not participle(toks[j]):
            continue
        nxt = toks[j + 1]
        if not nxt.word:
            continue
        if is_finite_like(nxt, lexicon) and (k > 0 and toks[k - 1].text not in BREAKS
                                             or j + 2 >= len(toks) or not toks[j + 2].word):
            continue  # "wie angekündigt wurde, ...": the finite verb closes the "wie" clause
        out[k] = j + 1
    return out


def _acronym(tok: Tok) -> bool:
    return len(tok.text) > 1 and tok.text.isupper()


def _glued_hyphen(toks: list[Tok], k: int) -> bool:
    """A hyphen with a space before it and a capitalised word glued after it: a compound split by a
    stray space ("der ehemalige Ferrari -Teamchef Jean Todt"), not a dash."""
    return k + 1 < len(toks) and toks[k + 1].start == toks[k].end and toks[k + 1].cap and toks[k + 1].word


BRACKET_WORDS = 4  # the most words a bracket after a name may hold and still be its apposition: "(CDU)", "(10.00 Uhr)"


def _after_brackets(toks: list[Tok], m: int) -> int:
    """The index after a short bracket that opens at ``m`` ("Angela Merkel (CDU)"), else ``m``."""
    if m < len(toks) and toks[m].text == "(":
        end = after_bracket(toks, m)
        if end <= len(toks) and end - m - 2 <= BRACKET_WORDS and all(t.text != "(" for t in toks[m + 1:end - 1]):
            return end
    return m


def _bracket_open(toks: list[Tok], close: int) -> int | None:
    """The index of the "(" of the short bracket that closes at ``close``."""
    for o in range(close - 1, max(-1, close - 2 - BRACKET_WORDS), -1):
        if toks[o].text == "(":
            return o
        if toks[o].text == ")":
            break
    return None


def _list_commas(toks: list[Tok], coords: frozenset[str], mentions: Sequence[Mention]) -> set[int]:
    """The commas of a list of names closed by a coordinator ("an den Flughäfen München, Frankfurt,
    Köln/Bonn, Dortmund und Hannover Warnstreiks durchführen"): each item is one entity mention of
    capitalised words alone (up to three, joined by "/" or "-"); they do not break the clause, so
    the list's last item does not open a clause of its own with the verb."""
    def named(a: int, b: int) -> bool:  # tokens a..b-1 are one mention, whole
        return any(m.start == toks[a].start and m.end == toks[b - 1].end for m in mentions)

    def item(j: int) -> int:  # the index after a list item starting at j, or j when there is none
        m, words = j, 0
        while m < len(toks) and words < 3 and toks[m].cap and toks[m].word:
            m, words = m + 1, words + 1
            if m + 1 < len(toks) and toks[m].text in "/-" and toks[m + 1].cap:
                m += 1
        while m > j and not named(j, m):
            m -= 1
        return _after_brackets(toks, m) if m > j else m

    out: set[int] = set()
    k = 1
    while k < len(toks):
        if toks[k].text != "," or not any(m.end == toks[k - 1].end for m in mentions) and not (
                toks[k - 1].text == ")" and (o := _bracket_open(toks, k - 1)) is not None and o > 0
                and any(m.end == toks[o - 1].end for m in mentions)):
            k += 1
            continue
        commas = [k]
        j = k + 1
        closed = False
        while True:
            m = item(j)
            if m == j or m >= len(toks):
                break
            if toks[m].text == ",":
                commas.append(m)
                j = m + 1
                continue
            closed = toks[m].lower in coords and item(m + 1) > m + 1
            break
        if closed:
            out.update(commas)
        k = commas[-1] + 1
    return out


def _short_quotes(toks: list[Tok]) -> set[int]:
    """Quote marks around a short name or title ("«Bild»", "„Dolomiten“"): they do not break
    the clause."""
    out: set[int] = set()
    k = 0
    while k < len(toks):
        if toks[k].text in QUOTES:
            for j in range(k + 1, min(k + 6, len(toks))):
                if toks[j].text in QUOTES:
                    inner = toks[k + 1:j]
                    if inner and all(t.word or t.text in ".-&'" for t in inner):
                        out.update((k, j))
                        k = j
                    break
                if toks[j].text in BREAKS or toks[j].text in ".!?":
                    break
        k += 1
    return out


def _clause_list(toks: list[Tok], lexicon: Lexicon) -> list[Clause]:
    subordinators = lexicon.cue("subordinators")
    relatives = lexicon.cue("relative_pronouns")
    out: list[Clause] = []
    mapping: dict[int, int] = {}
    for tok in toks:
        if tok.clause not in mapping:
            mapping[tok.clause] = len(out)
            out.append(Clause(index=len(out), first=tok.i, last=tok.i))
        c = out[mapping[tok.clause]]
        c.last = tok.i
        tok.clause = c.index
    initial = lexicon.cue("initial_subordinators")
    verb_final = lexicon.cue("verb_final_subordinators")
    for c in out:
        first = toks[c.first]
        if first.text in BREAKS or first.text == "-":
            if c.first == c.last:
                continue
            first = toks[c.first + 1]
        if _acronym(first):
            pass  # "die drei OB": Oberbürgermeister, not "ob"
        elif first.lower in subordinators or (c.index == 0 and first.lower in initial and first.cap):
            c.opener = first.lower
        elif c.index == 0 and first.cap and first.lower in verb_final and _verb_final(toks, c, lexicon):
            c.opener = first.lower  # "Seit Toms das Unternehmen 2012 übernahm, ...", not "Seit Montag streiken ..."
        elif first.lower in relatives and first.text.islower() and c.first > 0 and toks[c.first].text == "," \
                and any(is_finite_like(t, lexicon) for t in toks[first.i + 1:c.last + 1]):
            c.opener = first.lower  # a relative clause ends in a finite verb; "die Steria A/S" does not
            c.relative = True
    return out


def _phrases(view: SentenceView, mentions: list[tuple[int, Mention]], lexicon: Lexicon) -> None:
    toks = view.toks
    preps = lexicon.cue("prepositions")
    dets = lexicon.cue("determiners")
    coords = lexicon.cue("coordinators")
    genitive_dets = lexicon.cue("genitive_determiners")
    spokes = lexicon.cue("spokesperson_nouns")
    seats = lexicon.cue("government_nouns")
    currencies = lexicon.lists.get("currency", frozenset())
    kept = [(i, m) for i, m in mentions if not adjectival(view, m, currencies) and not attribute(view, m, mentions)
            and not bracketed(view, m, mentions) and not initials(view, m, mentions)]
    modifier_tokens: set[int] = set()  # tokens whose first part is a name ("US-Konzern")
    datelines = dateline_places(view.source, view.start, kept)  # "München/DüsseldorfDer ...": never actors

    paired = {p.partition(":")[0] for p in lexicon.cue("paired_coordinators")}  # "Sowohl", "Weder": no titles

    def is_title(t: Tok) -> bool:  # a capitalised word before a name that is no head noun ("Besuch Kims")
        return t.cap and t.word and (t.i not in view.by_token or t.i in modifier_tokens) and t.lower not in preps \
            and t.lower not in paired and t.lower not in lexicon.function_words \
            and (t.i in modifier_tokens or lexicon.noun_senses(t.lemma) is None)
    for k_index, (index, m) in enumerate(kept):
        first_tok = next((t.i for t in toks if t.end > m.start), None)
        last_tok = next((t.i for t in reversed(toks) if t.start < m.end), None)
        if first_tok is None or last_tok is None or last_tok < first_tok:
            continue
        ph = Phrase(index=len(view.phrases), mention=index, first=first_tok, head_first=first_tok,
                    last=last_tok, clause=toks[first_tok].clause)
        # the mention ends inside a hyphenated token: it is the first part of a compound
        last = toks[last_tok]
        if m.end < last.end and last.text[m.end - last.start:m.end - last.start + 1] == "-":
            ph.compound_of = last_tok
        elif last_tok + 2 < len(toks) and toks[last_tok + 1].text == "-" and (
                _glued_hyphen(toks, last_tok + 1) or (toks[last_tok].end == toks[last_tok + 1].start
                                                      and toks[last_tok + 2].cap and toks[last_tok + 2].word)):
            # "Ferrari -Teamchef", "SVP-Arbeitnehmer- Chef": the same compound with a stray space
            ph.compound_of = last_tok + 2
        elif m.label == "ORG" and last_tok + 2 < len(toks) and toks[last_tok + 1].cap and toks[last_tok + 1].word \
                and _unmentioned(toks[last_tok + 1], mentions) and _starts_person(toks[last_tok + 2], mentions):
            ph.compound_of = last_tok + 1  # "sagte UEFA Präsident Michel Platini": "UEFA-Präsident" without its hyphen
        # walk back over titles, adjectives, numbers and a determiner to a preposition
        k = first_tok - 1
        titles = []
        described = False  # an adjective was passed: a capitalised word before it ends an extended attribute
        while k >= 0 and toks[k].clause == ph.clause:
            t = toks[k]
            if t.text in QUOTES:
                k -= 1
                continue
            if (t.lower in ("und", "oder") or t.text == "/") and k >= 2 and toks[k - 1].text == "-" \
                    and toks[k - 2].cap and toks[k - 2].end == toks[k - 1].start and toks[k - 2].clause == ph.clause:
                k -= 3  # "an Nord- und Ostsee", "auf dem Luft-/Bodenschießplatz X": a truncated first conjunct
                continue  # shares the phrase's preposition
            if t.lower in dets:
                ph.det = t.lower
                k -= 1
                continue
            if t.i in view.timex_tokens:
                break  # "erschossen am Montag Peter Müller": a time expression ends the phrase
            title = is_title(t)
            if t.lower == "und" and titles and not ph.det and k >= 1 and toks[k - 1].clause == ph.clause \
                    and is_title(toks[k - 1]) and toks[k - 1].lower not in dets:
                k -= 1  # "Kanzlerin und CDU-Chefin Angela Merkel": two titles of one person
                continue
            if title and not ph.det and not described:  # "die im Hause wohnhafte Witwe X": "Hause" is no title
                titles.append(k)
                k -= 1
                continue
            if (t.text.islower() and t.word and t.lower not in preps and is_adjective(t)) or t.text[:1].isdigit() \
                    or t.lower == "ganz":  # "In ganz Brasilien"
                described = described or t.text.islower()
                k -= 1
                continue
            break
        ph.first = k + 1
        ph.titles = tuple(reversed(titles))
        if k >= 0 and toks[k].clause == ph.clause and toks[k].lower in preps \
                and not (toks[k].lower == view.clauses[ph.clause].opener and k == view.clauses[ph.clause].first):
            ph.prep = toks[k].lower  # (the subordinator "seit" of "Seit Toms ... übernahm," is no preposition)
        elif ph.det and k >= 2 and toks[k].lower in coords and toks[k].clause == ph.clause:
            ph.prep = _shared_preposition(toks, k, ph.det, mentions, dets)
        if ph.titles and m.label == "LOC" and last_tok == first_tok and last.text.endswith("s") \
                and not last.text.endswith("ss") \
                and any(t.text.islower() and t.lower not in dets for t in toks[ph.first:ph.titles[0]]):
            # "der größte Computer-Dienstleister Nordeuropas": a place's genitive after an adjective and a
            # noun is no title ("der Gemeinderat Feldthurns" is the village's council: Feldthurns acts)
            ph.first, ph.titles, ph.prep, ph.det = first_tok, (), "", ""
            ph.modifies = first_tok - 1
        if k_index in datelines:
            ph.prep = DATELINE
        if last_tok + 1 < len(toks) and toks[last_tok + 1].lower in ("zufolge",):
            ph.prep = "zufolge"  # "ver.di zufolge": who says so, not who acts
        owner = ph.first - 2  # "die Aufsichtsräte von Allianz": the name stands for the board
        if ph.prep == "von" and owner >= 0 and toks[owner].cap and toks[owner].word and \
                (toks[owner].text in spokes or toks[owner].lemma in spokes):
            ph.prep, ph.modifies, ph.von = "", owner, True
        elif ph.prep == "in" and m.label == "LOC" and owner >= 0 and toks[owner].text in seats \
                and toks[owner].clause == ph.clause:
            ph.prep, ph.modifies, ph.seat = "", owner, True  # "die Staatsführung in Damaskus": its seat
        for i in range(first_tok, last_tok + 1):
            view.by_token[i] = ph.index
        if ph.compound_of is not None:
            modifier_tokens.add(ph.compound_of)
        view.phrases.append(ph)
        # genitive after a noun ("Treffen der Machthaber Putin", "Lieferungen Nordkoreas")
        before = ph.first - 1
        if ph.compound_of is None and not ph.prep and before >= 0 and toks[before].clause == ph.clause:
            b = toks[before]
            genitive = ph.det in genitive_dets or (not ph.det and not ph.titles and (
                last.text.endswith("s") or lexicon.noun_senses(b.lemma) is not None))
            owned = "-" in b.text[1:-1] and b.text[:1].isupper() and b.text.split("-")[-1][:1].isupper() \
                and b.text.split("-")[-1] in spokes  # "eine Facebook-Sprecherin der dpa": the dative, not its owner
            if genitive and b.cap and b.word and _unmentioned(b, mentions) and not owned \
                    and b.lower not in lexicon.function_words \
                    and not (ph.det == "der" and before in view.timex_tokens):  # "sagte ... am Freitag der
                # Nachrichtenagentur sda": a dative (not "die Zukunft des Landesverwaltungsamts")
                ph.modifies = before
        if ph.det == "der" and ph.modifies is None and ph.compound_of is None and not ph.prep and m.label != "PER" \
                and ph.first == _clause_start(view, ph.clause) and _dative_adjective(toks, ph.first, last_tok):
            # "Der Süddeutschen Zeitung sagte Merz": opening the clause, "der" before an adjective in "-en" is
            # the dative (or genitive) feminine; the nominative has "-e" ("Der Deutsche Bundestag lehnte ab")
            ph.det = DATIVE_DER
        # possessor before a noun ("Kims Besuch", "Nordkoreas Staatsmedien")
        nxt = last_tok + 1
        if ph.modifies is None and ph.compound_of is None and nxt < len(toks) and toks[nxt].clause == ph.clause:
            n = toks[nxt]
            title_of_next = m.label == "PER" and nxt + 1 < len(toks) and not _unmentioned(toks[nxt + 1], mentions) \
                and not re.search(r"\b" + re.escape(last.text[:-1]) + r"\b", view.source)  # no "Stournara" anywhere
            if m.end == last.end and last.text.endswith("s") and not last.text.endswith("ss") \
                    and n.cap and n.word and _unmentioned(n, mentions) and not title_of_next:
                ph.modifies = nxt  # not "Ioannis Stournaras Premier Alexis Tsipras": a name in -s, a title, a name
            elif m.label == "LOC" and first_tok == last_tok and last.text.endswith("s") and not last.text.endswith("ss") \
                    and m.end == last.end and _mention_at(n, mentions, "PER"):
                ph.modifies = nxt  # "sagte Finnlands Aleksander Barkov": a place's genitive before a person
    _groups(view, coords, lexicon, lexicon.cue("coordination_adverbs"))


# prepositions whose phrase's role matters, with the determiners their case allows
_DATIVE, _ACCUSATIVE = frozenset("dem der den einem einer".split()), frozenset("den die das einen eine".split())
_SHARED_PREPS = {"von": _DATIVE, "vom": _DATIVE, "mit": _DATIVE, "bei": _DATIVE, "beim": _DATIVE,
                 "zwischen": _DATIVE, "durch": _ACCUSATIVE, "gegen": _ACCUSATIVE}
_CONTRACTED = ("vom", "beim")  # a preposition that holds its determiner


def _shared_preposition(toks: list[Tok], k: int, det: str, mentions, dets: frozenset[str]) -> str:
    """The preposition of an unnamed first conjunct that the phrase after the coordinator ``k``
    continues ("vom Land und der Stiftung Sparkasse", "von der Regierung und dem Verband
    Gesamtmetall"): a noun that names nobody, its adjectives, its determiner (or a preposition
    that holds one: "vom") and a preposition whose case the phrase's determiner fits; not "für
    seine Ausführungen und den KVW Frauen" (the phrase goes with the dative before)."""
    j = k - 1
    noun = toks[j]
    if not (noun.cap and noun.word and _unmentioned(noun, mentions)):
        return ""
    j -= 1
    while j >= 0 and toks[j].text.islower() and toks[j].lower not in _SHARED_PREPS and is_adjective(toks[j]):
        j -= 1
    if j >= 1 and toks[j].lower in dets and toks[j - 1].lower in _SHARED_PREPS \
            and toks[j - 1].lower not in _CONTRACTED:
        j -= 1
    elif j < 0 or toks[j].lower not in _CONTRACTED:
        return ""
    if toks[j].clause != toks[k].clause or det not in _SHARED_PREPS[toks[j].lower]:
        return ""
    return toks[j].lower


def _verb_final(toks: list[Tok], c: Clause, lexicon: Lexicon) -> bool:
    """The clause ends in a finite verb right before a comma: a subordinate clause."""
    if c.last + 1 >= len(toks) or toks[c.last + 1].text != ",":
        return False
    last = toks[c.last]
    return last.text.islower() and is_finite_like(last, lexicon)


def _mention_at(tok: Tok, mentions, label: str) -> bool:
    """A mention of ``label`` starts at the token."""
    return any(m.start == tok.start and m.label == label for _, m in mentions)


def _starts_person(tok: Tok, mentions) -> bool:
    return any(m.start == tok.start and m.label == "PER" for _, m in mentions)


def _unmentioned(tok: Tok, mentions) -> bool:
    return not any(m.start < tok.end and tok.start < m.end for _, m in mentions)


def _paired(view: SentenceView, prev: Phrase, core: list[str], lexicon: Lexicon) -> bool:
    """"sowohl X als auch Y", "weder X noch Y": a two-part coordinator, its first part right before X."""
    before = view.toks[prev.first - 1].lower if prev.first > 0 else ""
    return any(core == second.split("+") and before == first
               for first, _, second in (p.partition(":") for p in lexicon.cue("paired_coordinators")))


def _groups(view: SentenceView, coords: frozenset[str], lexicon: Lexicon,
            adverbs: frozenset[str] = frozenset()) -> None:
    """Coordinated phrases ("Putin und Kim", "Deutschland, Frankreich und Italien") share a group,
    and the later ones take the first one's preposition, determiner and head noun. A run linked
    by commas only is a list of appositions, not a coordination; adverbs may stand next to the
    coordinator ("Herr Grube und dann auch Herr Kefer")."""
    runs: list[list[Phrase]] = []
    prev: Phrase | None = None
    for ph in view.phrases:
        linked = False
        if prev is not None and ph.compound_of is None and prev.compound_of is None \
                and (ph.modifies is None or ph.seat):
            end = ph.first
            if ph.seat:  # "Russland und die Staatsführung in Damaskus": up to the government noun's article
                end = ph.modifies
                while end - 1 > prev.last and (view.toks[end - 1].lower in ARTICLES
                                               or is_adjective(view.toks[end - 1])):
                    end -= 1
            between = view.toks[_after_brackets(view.toks, prev.last + 1):end]  # "Merkel (CDU), Gabriel"
            core = [t.text.lower() for t in between if t.text not in QUOTES]
            list_comma = core == [","] and not ph.det  # "Deutschland, Frankreich und ...", '"SZ", "Spiegel"'
            quoted = len(core) < len(between) and core and all(w in coords or w == "," for w in core)
            joined = any(w in coords for w in core) and all(w in coords or w in adverbs for w in core) \
                or _paired(view, prev, core, lexicon) or _slashed(view, prev, ph)
            listed = _closed_list(view, prev, ph, coords, lexicon)
            linked = bool(between) and (prev.clause == ph.clause or list_comma or quoted or listed) and \
                (all(t.lower in coords or t.text == "," or t.text in QUOTES for t in between) or joined or listed) and \
                (not ph.prep or ph.prep == prev.prep)
        if linked:
            runs[-1].append(ph)
        else:
            runs.append([ph])
        prev = ph
    group = 0
    for run in _across_appositions(view, runs, coords, lexicon):
        links = [view.toks[a.last + 1:b.first] for a, b in zip(run, run[1:])]
        if len(run) > 1 and not any(any(t.lower in coords for t in link) for link in links) \
                and not any(_paired(view, a, [t.lower for t in link], lexicon) for a, link in zip(run, links)) \
                and not any(_slashed(view, a, b) for a, b in zip(run, run[1:])):
            parts = [[ph] for ph in run]
        else:
            parts = [run]
        for part in parts:
            group += 1
            head = part[0]
            for ph in part:
                ph.group = group
                if ph is not head:
                    ph.prep = ph.prep or head.prep
                    ph.det = ph.det or head.det
                    ph.modifies = head.modifies


def _slashed(view: SentenceView, prev: Phrase, ph: Phrase) -> bool:
    """Two names glued by a slash ("Fusion Edeka/Tengelmann"): a coordination."""
    toks = view.toks
    return ph.first == prev.last + 2 and toks[prev.last + 1].text == "/" \
        and toks[prev.last].end == toks[prev.last + 1].start and toks[prev.last + 1].end == toks[ph.first].start


def _across_appositions(view: SentenceView, runs: list[list[Phrase]], coords: frozenset[str],
                        lexicon: Lexicon) -> list[list[Phrase]]:
    """"Roland Grießmair, Präsident der Bezirksgemeinschaft Pustertal, und die Landesrätin Waltraud
    Deeg dankten": a name, an apposition between commas (a capitalised noun that names nobody
    first, no verb) and a coordinator before the next name: the two names are coordinated (the
    apposition's own names stay apart)."""
    toks = view.toks
    out: list[list[Phrase]] = []
    for run in runs:
        ph = run[0]
        k = ph.first - 1
        if out and not ph.prep and k >= 1 and toks[k].lower in coords and toks[k - 1].text == ",":
            j = k - 2
            while j >= 0 and toks[j].text != "," and toks[j].lower not in coords and toks[j].text not in QUOTES \
                    and not is_finite_like(toks[j], lexicon):
                j -= 1
            first = next((r for r in reversed(out) if r[-1].last == j - 1), None) if j >= 1 and toks[j].text == "," else None
            opener = toks[j + 1] if j + 1 < len(toks) else None
            if first is not None and not first[-1].prep and first[-1].modifies is None and first[-1].compound_of is None \
                    and opener is not None and opener.cap and opener.word and opener.i not in view.by_token \
                    and opener.lower not in ("der", "die", "das") \
                    and all(p.modifies is not None for r in out[out.index(first) + 1:] for p in r):
                first.extend(run)
                continue
        out.append(run)
    return out


_CASES = ("case_nominative", "case_accusative", "case_dative", "case_genitive")  # cue lists: determiners by case


def _clause_start(view: SentenceView, clause: int) -> int:
    """The index of the first word of ``clause`` (after a break mark or a quote)."""
    toks = view.toks
    k = view.clauses[clause].first
    while k < len(toks) and toks[k].clause == clause and not toks[k].word:
        k += 1
    return k


def _dative_adjective(toks: list[Tok], first: int, last: int) -> bool:
    """The adjectives right after the determiner at ``first`` (up to the name's last word ``last``)
    include one in "-en": "Der Frankfurter Allgemeinen Zeitung", not "der Gesamtverband der Deutschen
    Versicherungswirtschaft" nor "Der Westen"."""
    found = False
    for t in toks[first + 1:last]:
        if not (t.text.endswith(("en", "er")) and (t.cap or is_adjective(t))):
            break
        found = found or t.text.endswith("en")
    return found


def _closed_list(view: SentenceView, prev: Phrase, ph: Phrase, coords: frozenset[str], lexicon: Lexicon) -> bool:
    """"den KVW Frauen, dem Jugenddienst Wipptal, dem Bildungsausschuss Sterzing, den katholischen
    Verbänden und der Raiffeisenkasse Wipptal": phrases with determiners of one case, linked by
    commas and closed by a coordinator, are a list (not appositions: "Tieto Enator, der größte
    Computer-Dienstleister Nordeuropas, gab bekannt" has no coordinator and no determiner first).
    Unmentioned items may stand between them ("den katholischen Verbänden")."""
    if not prev.det or not ph.det or not any(
            prev.det in case and ph.det in case for case in map(lexicon.cue, _CASES)):
        return False
    toks = view.toks
    between = toks[prev.last + 1:ph.first]
    if not between or between[0].text != "," or (prev.first > 0 and toks[prev.first - 1].cap):
        return False  # not an attribute: "Grießmair, Präsident der Bezirksgemeinschaft, und die Landesrätin"

    def item(t: Tok) -> bool:  # a comma or a word of a list item: no verb, quote or bracket
        return t.text == "," or (t.word and not is_finite_like(t, lexicon))
    if not all(item(t) for t in between):
        return False
    if any(t.lower in coords for t in between):
        return True
    k = ph.last + 1  # closed later: ", dem Bildungsausschuss Sterzing und ..."
    while k < len(toks) and toks[k].lower not in coords and item(toks[k]):
        k += 1
    return k < len(toks) and toks[k].lower in coords


def _antecedent(view: SentenceView, clause: Clause) -> int | None:
    """The phrase a relative clause refers to: the one holding the nearest noun before its comma
    (None when that noun is not a name: "Unterschriften von Eltern, die ...")."""
    k = clause.first - 1
    while k >= 0 and not (view.toks[k].cap and view.toks[k].word):
        if view.toks[k].text in (".", ";", ":"):
            return None
        k -= 1
    if k < 0:
        return None
    ph = view.phrase_at(k)
    if ph is not None and ph.compound_of is None:
        return ph.index
    # an apposition between the name and its relative clause ("Comcast - eigentlich ein
    # US-Kabelnetzbetreiber -, der ..."): the name before it
    j = k - 1
    marked = False  # an apposition is set off by a dash or a comma ("Zöllner will ... einen Beschluss herbeiführen,
    while j >= 0 and k - j <= 8:  # der ...": the Beschluss, not Zöllner)
        t = view.toks[j]
        p = view.phrase_at(j)
        if p is not None and p.compound_of is None:
            return p.index if marked else None
        marked = marked or t.text in ("-", "–", ",")
        if t.text in ("-", "–", ",") or t.text.islower() and t.word and t.lower not in ("von", "mit", "für", "in", "an", "zu"):
            j -= 1
            continue
        break
    return None
