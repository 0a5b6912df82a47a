package bot

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
// before toks[i] (see interestBefore).
func opposedBefore(toks []token, i int) bool {
	j := interestBefore(toks, i)
	return j >= 0 && (toks[j].word == "against" || toks[j].word == "to" && j > 0 && toks[j-1].word == "contrary")
}

// inBefore reports whether "in" stands right before toks[i] (see
// interestBefore).
func inBefore(toks []token, i int) bool {
	j := interestBefore(toks, i)
	return j >= 0 && toks[j].word == "in"
}

// interestBefore returns the place of the word before toks[i], an interest,
// but for a possessive and a determiner ("against either side's
// interests", "in the interest of"), or -1.
func interestBefore(toks []token, i int) int {
	j := i - 1
	if j >= 0 && toks[j].possessive {
		j--
	}
	if j >= 0 && interestDeterminers[toks[j].word] {
		j--
	}
	return j
}

// interestDeterminers may stand between a preposition and "interest".
var interestDeterminers = setOf(`the their its his her our your both either each`)

// inInterest reports whether the passages put something in an interest:
// "in" right before it, but for a determiner.
func (ev *evidence) inInterest() bool {
	pt := polarTokens(ev.text)
	for k, w := range pt {
		if interestWords[w.word] && !w.negated && inBefore(pt, k) {
			return true
		}
	}
	return false
}

// minInterestShared is how many content words a clause denying that
// something is against an interest must share with the passages' clause
// denying that it is in one: the thing itself ("the status quo").
const minInterestShared = 2

// deniedInInterest reports whether the passages deny that something is in
// an interest ("neither in their interests") in a clause sharing
// minInterestShared of stems, the interest's word aside.
func (ev *evidence) deniedInInterest(stems map[string]bool) bool {
	pt := polarTokens(ev.text)
	for k, w := range pt {
		if !interestWords[w.word] || !w.negated || !inBefore(pt, k) {
			continue
		}
		shared := 0
		for s := range interestClauseStems(pt, w.inClause) {
			if stems[s] {
				shared++
			}
		}
		if shared >= minInterestShared {
			return true
		}
	}
	return false
}

// interestClauseStems returns the stems of the content words in clause c
// of toks, those of an interest aside.
func interestClauseStems(toks []token, c int) map[string]bool {
	var clause []token
	for _, t := range toks {
		if t.inClause == c && !interestWords[t.word] {
			clause = append(clause, t)
		}
	}
	return tokenStems(clause)
}
