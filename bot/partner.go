package bot

import "slices"

// partnerSwapped refuses a sentence that names as the one doing a thing
// with another the one its cited passages name as the other: "the Iranian
// government has demonstrated that it is willing to have a real dialogue
// among equals with the U.S." against "the U.S. has demonstrated … that it
// is willing to have a real dialogue among equals with the Iranian
// government". The doer is the nearest name before "with", the sentence's
// first word too when capitalised, the partner the name right after it
// (an article or possessive between them aside); the passages must name
// them so the other way round, and never this way. A verb whose two sides
// do the same ("Iran met with Russia", "negotiated with") is left alone.
func (d *draftCheck) partnerSwapped(s string, ev *evidence) *Refusal {
	toks := scanTokens(s)
	for i, t := range toks {
		if t.word != "with" {
			continue
		}
		partner, doer := nameAfter(toks, i), nameBefore(toks, i)
		if partner < 0 || doer < 0 || slices.ContainsFunc(toks[doer+1:i], func(t token) bool { return mutualVerbs[t.word] }) {
			continue
		}
		a, b := nameStem(toks[doer].word), nameStem(toks[partner].word)
		if d.alike(a, b) {
			continue
		}
		if d.withPartner(ev, b, a) && !d.withPartner(ev, a, b) {
			return &Refusal{Reason: ReasonContradiction, Term: toks[doer].word,
				Detail: "the one doing a thing with another the other way round from its cited passages"}
		}
	}
	return nil
}

// withPartner reports whether a passage sentence names doer before "with"
// and partner right after it.
func (d *draftCheck) withPartner(ev *evidence, doer, partner string) bool {
	for _, pt := range ev.tokens {
		start := 0
		for j, u := range pt {
			if u.opens {
				start = j
			}
			if u.word != "with" {
				continue
			}
			if p := nameAfter(pt, j); p < 0 || !d.alike(partner, nameStem(pt[p].word)) {
				continue
			}
			for k := j - 1; k >= start; k-- {
				if pt[k].capital && d.alike(doer, nameStem(pt[k].word)) {
					return true
				}
			}
		}
	}
	return false
}

// nameAfter returns the place of the name right after toks[i], an article
// or possessive between them aside, or -1.
func nameAfter(toks []token, i int) int {
	j := i + 1
	if j < len(toks) && objectOpeners[toks[j].word] && !toks[j].clause {
		j++
	}
	if j < len(toks) && toks[j].capital && !toks[j].clause {
		return j
	}
	return -1
}

// nameBefore returns the place of the nearest name before toks[i], or -1.
func nameBefore(toks []token, i int) int {
	for k := i - 1; k >= 0; k-- {
		if toks[k].capital {
			return k
		}
	}
	return -1
}

// mutualVerbs say that two sides do the same with each other: "Iran met
// with Russia" says that Russia met with Iran.
var mutualVerbs = setOf(`meet meets met meeting talk talks talked talking negotiate negotiates negotiated negotiating
agree agrees agreed agreeing cooperate cooperates cooperated cooperating speak speaks spoke speaking deal deals dealt
dealing engage engages engaged engaging clash clashes clashed clashing`)

// nameStem is the stem of a name's word, or the word when it has none
// ("us" of "U.S." is a stop word).
func nameStem(w string) string {
	if s := stemOf(w); s != "" {
		return s
	}
	return w
}
