"""Actors that stand in a phrase of another kind: a country adjective with a state collective
("die britische Regierung": Großbritannien), and the parties of an event noun that a verb judges
("billigt die Übernahme der Kette X durch Y": X and Y are the targets).

Used by the frame finder (``chronik.events.frames``) on each verb frame it builds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from chronik.events.lexicon import Lexicon
from chronik.events.roles import RoleFinder, Roles
from chronik.events.subjects import sentence_start
from chronik.events.verbs import zu_clause
from chronik.events.view import ARTICLES, SentenceView, Tok, is_adjective

if TYPE_CHECKING:
    from chronik.events.frames import Frame


class StateCollectives:
    """Adds the countries named by adjectives of state collectives to a verb's roles; holds the
    lexicon, the role finder and the country-adjective resolver."""

    def __init__(self, lexicon: Lexicon, finder: RoleFinder, countries: Callable[[str], str | None] | None) -> None:
        self.lexicon = lexicon
        self.finder = finder
        self.countries = countries

    def __call__(self, view: SentenceView, i: int, roles: Roles, speaker: bool = False) -> None:
        """A country adjective with a state collective, outside prepositional phrases, as an actor
        of the verb: "hat ... die britische Regierung aufgefordert" (target Großbritannien),
        "Die russische Armee griff ... an", "erschossen israelische Soldaten" (source Russland,
        Israel, when the subject is not named), "werden die tschechoslowakische und die
        jugoslawische Regierung aufgefordert" (the subject of a passive: targets). A ``speaker``
        (of a STATEMENT) before the verb must open the clause ("Das ägyptische Außenministerium
        teilte mit"; not "Der Korrespondent bei der französischen Armee meldet")."""
        toks = view.toks
        trig = toks[i]
        if self.countries is not None:
            self.side(view, i, roles)
        collectives = self.lexicon.cue("state_collectives")
        if self.countries is None or not any(t.text in collectives for t in view.clause_toks(trig.clause)):
            return
        preps = self.lexicon.cue("prepositions")
        passive = self.finder.is_passive(view, trig)
        fin = self.finder.finite(view, i)
        fin = i if fin is None else fin
        sources: list[tuple[int, str]] = []  # (determiner's token, country) of the collectives taken as subject
        says = self.lexicon.cue("source_nouns")
        for k, t in enumerate(toks[:-2]):
            if t.clause != trig.clause or t.lower not in ("die", "der", "das", "den", "dem") \
                    or (k > 0 and (toks[k - 1].lower in preps or toks[k - 1].lemma in says)):
                continue  # (nor "nach Angaben der israelischen Armee": who says so, no party)
            adjectives = self.adjectives(view, k, collectives)
            if any(adj.i == i for adj in adjectives):
                continue  # the trigger qualifies the collective: "der neu ernannte französische Gesandte"
            for adj in adjectives:
                country = self.countries(adj.lower)
                if country is None or any(c == country for c, _ in roles.countries):
                    continue
                earlier = [j for j, _ in sources if j < k and not any(u.lower in ("und", "sowie", "oder")
                                                                    for u in toks[j:k])]
                if k < fin and not roles.subject and t.lower in ("die", "der", "das") and not passive \
                        and not zu_clause(view, trig) and not earlier \
                        and not (speaker and k != self.finder._first_word(view, view.clauses[trig.clause], fin)):
                    roles.countries.append((country, "source"))
                    sources.append((k, country))
                elif k < fin and earlier and not passive:
                    # "als ob die japanischen Truppen die sowjetischen Grenzwächter angegriffen hätten": in a
                    # clause with its verb at the end, the collective after the subject is the object
                    roles.countries.append((country, "target"))
                elif k > fin and (roles.subject or t.lower in ("den", "dem")) and not passive:
                    roles.countries.append((country, "target"))
                elif k == fin + 1 and not roles.subject and not passive and (
                        self._inverted(view, fin) or speaker and self._after_content(view, fin)):
                    # "Das teilte die ukrainische Luftwaffe mit", "Am Montag griff die russische Armee ... an":
                    # right after the finite verb, with no noun phrase before it, the subject
                    roles.countries.append((country, "source"))
                elif passive and t.lower in ("die", "der") and not roles.target \
                        and not (k > 0 and toks[k - 1].cap and toks[k - 1].word):
                    # the subject of a passive, not a genitive ("der Vorschlag der ... Regierung")
                    roles.countries.append((country, "target"))
        # opening the sentence (or what follows a colon: "Zaman: Türkischer Regierungschef verteidigt ...")
        # without an article: the subject ("Russische Truppen griffen ... an")
        colon = max((t.i + 1 for t in toks[:fin] if t.text == ":"), default=0)
        first = next((t for t in toks[colon:fin] if t.word), None)
        if first is not None and first.cap and first.i + 1 < fin and toks[first.i + 1].text in collectives \
                and first.clause == trig.clause and first.i + 1 not in view.by_token and not roles.subject \
                and not _title_before_name(view, first.i + 1) \
                and not passive and not zu_clause(view, trig) and (colon > 0 or sentence_start(view, first.i)):
            country = self.countries(first.lower)
            if country is not None and all(c != country for c, _ in roles.countries):
                roles.countries.append((country, "source"))
        # right after the finite verb, without an article: the subject ("erschossen israelische Soldaten ...")
        k = fin + 1
        attributive = any(toks[j].lower in ARTICLES for j in range(max(0, fin - 2), fin))  # "der neu ernannte ..."
        if k + 1 < len(toks) and toks[k + 1].clause == trig.clause and not roles.subject and not passive \
                and not attributive:
            adj, noun = toks[k], toks[k + 1]
            if adj.text.islower() and noun.text in collectives and noun.i not in view.by_token:
                country = self.countries(adj.lower)
                if country is not None and all(c != country for c, _ in roles.countries):
                    roles.countries.append((country, "source"))

    def _inverted(self, view: SentenceView, fin: int) -> bool:
        """The main clause of finite verb ``fin`` has no noun phrase before it (a time adverbial, a
        pronoun object "Das"), so the phrase after it is the subject."""
        clause = view.clauses[view.toks[fin].clause]
        if clause.opener or clause.relative:
            return False
        first = self.finder._first_word(view, clause, fin)
        return first < fin and not self.finder._nominal_before(view, first, fin) \
            and not any(t.i in view.by_token for t in view.toks[first:fin])

    @staticmethod
    def _after_content(view: SentenceView, fin: int) -> bool:
        """The reporting verb ``fin`` opens a clause after a comma or a closing quote: what was said
        stands before it, and the phrase after it is the speaker ("..., teilte der südkoreanische
        Generalstab mit")."""
        toks = view.toks
        return fin > 0 and toks[fin - 1].text in (",", "“", "”", "»", "«", "\"")

    def side(self, view: SentenceView, i: int, roles: Roles) -> None:
        """"von <country adjective> Seite" as the agent of a passive or of a verb without a named
        subject: "wurde der japanische Protest von sowjetischer Seite abgelehnt" (source
        Sowjetunion)."""
        toks = view.toks
        trig = toks[i]
        if roles.subject and not self.finder.is_passive(view, trig):
            return
        for t in view.clause_toks(trig.clause)[:-2]:
            adj, noun = toks[t.i + 1], toks[t.i + 2]
            if t.lower != "von" or noun.text != "Seite" or not adj.text.islower() or adj.clause != trig.clause:
                continue
            country = self.countries(adj.lower)
            if country is not None and all(c != country for c, _ in roles.countries):
                roles.countries.append((country, "source"))

    @staticmethod
    def adjectives(view: SentenceView, k: int, collectives: frozenset[str]) -> list[Tok]:
        """The adjectives between the article at ``k`` and a state collective that follows it,
        coordinated ones included ("die französischen und englischen Flieger", "die neue russische
        Regierung"); none when the phrase ends in anything else."""
        toks = view.toks
        adjs: list[Tok] = []
        for t in toks[k + 1:k + 6]:
            if t.clause != toks[k].clause:
                return []
            if t.text in collectives and t.i not in view.by_token:
                return [] if _title_before_name(view, t.i) else adjs
            if t.lower in ("und", "sowie", ","):
                continue
            if not (t.text.islower() and t.word):
                return []
            adjs.append(t)
        return []


def _title_before_name(view: SentenceView, k: int) -> bool:
    """The collective noun at ``k`` is the title of a name after it that no mention covers ("Der
    türkische Regierungschef Ahmet Davutoglu"): that person acts, not the country. A word the
    lemmatiser reads as an inflected noun is a common noun, no name ("die russische Luftwaffe
    Ziele": Ziel)."""
    nxt = view.toks[k + 1] if k + 1 < len(view.toks) else None
    if nxt is not None and nxt.text in ("=", "-") and nxt.start == view.toks[k].end:
        return True  # "Das neue französische Kabinett=Präsident Fallieres": a compound's first part
    return nxt is not None and nxt.cap and nxt.word and nxt.clause == view.toks[k].clause \
        and nxt.i not in view.by_token and nxt.i not in view.timex_tokens \
        and not (nxt.lemma != nxt.text and nxt.lemma[:1].isupper())


JUDGING = frozenset(("ACCEPT", "REJECT", "SUPPORT", "CRITICIZE"))  # verbs that judge another event
JUDGED = frozenset(("ACQUIRE", "AGREE", "COOPERATE", "TRADE", "AID", "ATTACK", "SANCTION", "MEET", "VISIT", "CRITICIZE",
                    "DEMAND", "PROTEST"))


HOSTILE = frozenset(("ATTACK", "SANCTION"))  # judged events whose targets are their victims


def _dative(view: SentenceView, ph) -> bool:
    """A name phrase after "dem", its title words between ("dem Handelsriesen Edeka"): whom something
    is allowed or refused, not what is judged."""
    toks = view.toks
    if any(t.lower == "dem" for t in toks[ph.first:ph.last + 1]):
        return True  # the phrase holds its article
    k = ph.first - 1
    while k >= 0 and k >= ph.first - 3 and toks[k].word and (toks[k].cap or is_adjective(toks[k])) \
            and toks[k].lower != "dem":
        k -= 1
    return k >= 0 and toks[k].lower == "dem"


def judged_parties(view: SentenceView, frames: list["Frame"], preps: frozenset[str]) -> None:
    """A verb that approves, rejects, backs or criticises an event noun of its clause takes that
    event's parties as its targets ("Gabriel billigt Fusion Edeka/Tengelmann", "wird die Übernahme
    der Supermarktkette Kaiser's Tengelmann durch den Handelsriesen Edeka ... billigen"), also beside
    a dative target of its own ("will dem Handelsriesen Edeka die Übernahme der Supermarktkette Kaiser's
    Tengelmann erlauben"); not a noun inside a prepositional phrase ("stimmte nach dem Treffen mit X zu"). Of
    an attack or a sanction only the sources: "verurteilte die Angriffe der Hamas auf Israel" judges
    the Hamas, not Israel."""
    toks = view.toks
    for f in frames:
        if f.noun or f.type not in JUDGING or any(r == "target" for _, r in f.roles.countries) \
                or not all(_dative(view, view.phrases[p]) for p in f.roles.target):
            continue
        for g in frames:
            if not g.noun or g.type not in JUDGED or toks[g.trigger].clause != toks[f.trigger].clause:
                continue
            k = g.trigger - 1
            while k >= 0 and toks[k].text.islower() and is_adjective(toks[k]):
                k -= 1
            if k >= 0 and toks[k].lower in ARTICLES:
                k -= 1
            if k >= 0 and toks[k].lower in preps:
                continue
            hostile = g.type in HOSTILE  # "verurteilte die Angriffe auf Israel": the attacker is judged, not Israel
            for p in g.roles.source + ([] if hostile else g.roles.target):
                if p not in f.roles.source:
                    f.roles.add("target", p)
            f.roles.countries.extend((c, "target") for c, r in g.roles.countries if not hostile or r == "source")
            break
