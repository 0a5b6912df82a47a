package bot

// A draft may narrow to one party what its passages say of two or of all:
// "forward-thinking officials in Tehran alone" where they say "in
// Washington and Tehran", "only President Obama" where they say "President
// Obama and Ayatollah Khamenei", "one side is showing a willingness" where
// they say "both sides … simultaneously". Every word of such a sentence may
// be in the passages, and none denied; the restriction is the claim.

// restrictors narrow what they stand beside to itself: "only X", "X alone".
var restrictors = setOf(`only alone solely exclusively`)

// partyWords name a party the way a capitalised name does: "only one side",
// "the American side alone".
var partyWords = setOf(`side sides party parties`)

// restrictionSkips may stand between "only" and the party it narrows to:
// "only on the Iranian side", "only one side".
var restrictionSkips = setOf(`the a an on in by from among one of`)

// ofPartySkips may stand between "one of" and the parties: "one of the
// two sides".
var ofPartySkips = setOf(`the two both`)

// inclusiveWords say a claim holds of two parties or more.
var inclusiveWords = setOf(`both all every each either simultaneously jointly mutually`)

// restrictionWindow is how many words either side of a party the passages
// are read for its restriction or for a second party beside it.
const restrictionWindow = 3

// restricted refuses a sentence that narrows to one party a claim its
// passages make of more than one, naming the party.
func restricted(s string, ev *evidence) *Refusal {
	toks := polarTokens(s)
	for i, t := range toks {
		var party int
		switch {
		case t.word == "one" && i+1 < len(toks) && partyWords[toks[i+1].word] && !toks[i+1].clause &&
			(i == 0 || toks[i-1].word != "on"):
			// "one side", not "on one side … on the other", which sets two
			// parties side by side.
			party = i + 1
		case t.word == "one" && i+2 < len(toks) && toks[i+1].word == "of" && (i == 0 || toks[i-1].word != "on"):
			// "only one of the two sides", "one of the parties".
			party = -1
			for j := i + 2; j < len(toks) && j <= i+4 && !toks[j].clause; j++ {
				if partyWords[toks[j].word] {
					party = j
					break
				}
				if !ofPartySkips[toks[j].word] {
					break
				}
			}
		case restrictors[t.word] && !t.negated && (i == 0 || toks[i-1].word != "not"):
			party = restrictedParty(toks, i)
		default:
			continue
		}
		if party < 0 || toks[party].negated || coordinated(toks, party) {
			continue
		}
		if ev.includes(toks[party]) {
			return &Refusal{Reason: ReasonContradiction, Term: toks[party].word,
				Detail: "one party where its cited passages say more than one"}
		}
	}
	return nil
}

// restrictedParty returns the index of the party the restrictor at toks[i]
// narrows to ("only the Americans", "Tehran alone", "the Iranian side
// alone"), or -1 when it narrows something else ("only recently", "the
// only pathway").
func restrictedParty(toks []token, i int) int {
	isParty := func(t token) bool { return (t.capital && !t.opens) || partyWords[t.word] }
	if toks[i].word != "alone" {
		for j := i + 1; j < len(toks) && j <= i+restrictionWindow; j++ {
			if toks[j].clause {
				return -1
			}
			if isParty(toks[j]) {
				return partyAt(toks, j)
			}
			if !restrictionSkips[toks[j].word] {
				return -1
			}
		}
		return -1
	}
	if i == 0 || toks[i].clause {
		return -1
	}
	if j := i - 1; isParty(toks[j]) {
		return partyAt(toks, j)
	}
	return -1
}

// partyAt returns the party a run of words starting at toks[j] names: the
// last capitalised word of a title and name ("President Obama"), or the
// name before "side" ("Iranian" of "the Iranian side").
func partyAt(toks []token, j int) int {
	for !partyWords[toks[j].word] && j+1 < len(toks) && !toks[j+1].clause {
		if next := toks[j+1]; partyWords[next.word] || !next.capital {
			return j
		}
		j++
	}
	return j
}

// coordinated reports whether the sentence itself joins the party at
// toks[j] to another ("only Washington and Tehran"): it narrows to both.
func coordinated(toks []token, j int) bool {
	if j+2 < len(toks) && (toks[j+1].word == "and" || toks[j+1].word == "or") && !toks[j+1].clause {
		return true
	}
	return j >= 2 && (toks[j-1].word == "and" || toks[j-1].word == "or") && toks[j-2].capital
}

// includes reports whether the passages make their claim of party t and
// another: "Washington and Tehran" for Tehran, "both sides" or "all sides"
// for a side. A party the passages narrow themselves ("only Tehran") or
// never name is not set beside another.
func (ev *evidence) includes(t token) bool {
	side := partyWords[t.word]
	for _, pt := range ev.tokens {
		for k, w := range pt {
			if side {
				if partyWords[w.word] && k > 0 && inclusiveWords[pt[k-1].word] {
					return true
				}
				continue
			}
			if w.word != t.word || narrowedNear(pt, k) {
				continue
			}
			if joinedNear(pt, k) {
				return true
			}
		}
	}
	return false
}

// narrowedNear reports whether a restrictor stands within
// restrictionWindow words of pt[k].
func narrowedNear(pt []token, k int) bool {
	for j := max(0, k-restrictionWindow); j < min(len(pt), k+restrictionWindow+1); j++ {
		if restrictors[pt[j].word] {
			return true
		}
	}
	return false
}

// joinedNear reports whether "and" joins pt[k] to another capitalised word
// within restrictionWindow words: "Washington and Tehran", "Iranian and
// American officials", "President Obama and Ayatollah Khamenei". The other
// word stands within two words of "and", on its far side from pt[k].
func joinedNear(pt []token, k int) bool {
	for j := max(0, k-restrictionWindow); j < min(len(pt), k+restrictionWindow+1); j++ {
		if pt[j].word != "and" || j == k {
			continue
		}
		step := 1
		if j < k {
			step = -1
		}
		for n := 1; n <= 2; n++ {
			if o := j + n*step; o >= 0 && o < len(pt) && pt[o].capital {
				return true
			}
		}
	}
	return false
}
