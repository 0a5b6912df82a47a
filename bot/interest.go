package bot

import "github.com/talksbot/talksbot/knowledge"

// A draft may set against someone's interest what its passages say is in
// it: "a peaceful solution runs against the interests of both sides" where
// they say "It is in the interest of both sides to develop a peaceful,
// diplomatic solution". No word of the lexicon is the other's opposite:
// the prepositions are.

// interestWords name an interest.
var interestWords = setOf(`interest interests`)

// againstInterest refuses a sentence that puts something against, or
// contrary to, an interest ("against the interest of", "contrary to their
// interests") where its passages put it in one ("in the interest of",
// "in their interest"), no negation reaching either.
func againstInterest(s string, ev *evidence) *Refusal {
	toks := polarTokens(s)
	for i, t := range toks {
		if t.negated && interestWords[t.word] && opposedBefore(toks, i) && ev.deniedInInterest(interestClauseStems(toks, t.inClause)) {
			// "the status quo is not against either side's interests"
			// where the passages say "the status quo is neither in
			// their interests nor sustainable".
			return &Refusal{Reason: ReasonContradiction, Term: t.word,
				Detail: "not against an interest where its cited passages deny it is in it"}
		}
		if t.negated || !interestWords[t.word] || !opposedBefore(toks, i) {
			continue
		}
		if ev.inInterest() {
			return &Refusal{Reason: ReasonContradiction, Term: t.word,
				Detail: "against an interest where its cited passages say in it"}
		}
	}
	return nil
}

// opposedBefore reports whether "against" or "contrary to" stands right
// before toks[i], but for a determiner and a possessive ("either side's").
func opposedBefore(toks []token, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].possessive {
		j-- // "against either side's interests"
	}
	if j >= 0 && interestDeterminers[toks[j].word] {
		j--
	}
	return j >= 0 && (toks[j].word == "against" || toks[j].word == "to" && j > 0 && toks[j-1].word == "contrary")
}

// interestDeterminers may stand between a preposition and "interest".
var interestDeterminers = setOf(`the their its his her our your both either each`)

// inInterest reports whether the passages put something in an interest:
// "in" right before it, but for a determiner.
func (ev *evidence) inInterest() bool {
	pt := polarTokens(ev.text)
	for k, w := range pt {
		if !interestWords[w.word] || w.negated {
			continue
		}
		j := k - 1
		if j >= 0 && interestDeterminers[pt[j].word] {
			j--
		}
		if j >= 0 && pt[j].word == "in" {
			return true
		}
	}
	return false
}

// deniedInInterest reports whether the passages deny that something is in
// an interest ("neither in their interests") in a clause holding one of
// stems, the interest's word aside.
func (ev *evidence) deniedInInterest(stems map[string]bool) bool {
	pt := polarTokens(ev.text)
	for k, w := range pt {
		if !interestWords[w.word] || !w.negated {
			continue
		}
		j := k - 1
		if j >= 0 && interestDeterminers[pt[j].word] {
			j--
		}
		if j < 0 || pt[j].word != "in" {
			continue
		}
		for s := range interestClauseStems(pt, w.inClause) {
			if stems[s] {
				return true
			}
		}
	}
	return false
}

// interestClauseStems returns the stems of the content words in clause c of toks,
// those of an interest aside.
func interestClauseStems(toks []token, c int) map[string]bool {
	stems := make(map[string]bool)
	for _, t := range toks {
		if t.inClause != c || interestWords[t.word] {
			continue
		}
		for _, term := range knowledge.Terms(t.word) {
			stems[term.Stem] = true
		}
	}
	return stems
}
