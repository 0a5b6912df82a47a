package bot

import "slices"

// A draft may turn someone away from what its passages say they keep their
// focus on: "both sides will shift their attention away from their actual
// interests" where the passage says "keep their sights firmly focused on
// their actual interests". No word of the lexicon is the other's opposite:
// "away from" and "focused on" are.

// focusWords keep attention on what follows "on" after them.
var focusWords = setOf(`focus focused focuses focusing focussed focussing sights attention eyes eye`)

// shiftVerbs move attention from one thing ("from X to Y", "from X
// toward Y").
var shiftVerbs = setOf(`shift shifts shifted shifting turn turns turned turning move moves moved moving
divert diverts diverted diverting redirect redirects redirected redirecting steer steers steered steering
draw draws drew drawn drawing pull pulls pulled pulling`)

// maxFocusGap is how many words may stand between a word of focusWords and
// its "on" ("sights firmly focused on", "eyes squarely on"), or between a
// verb of shiftVerbs and its "from" ("shift their attention from").
const maxFocusGap = 3

// maxFocusObject is how many words after "on" or "from" name what the
// focus is on: "their actual interests".
const maxFocusObject = 4

// turnedAway refuses a sentence that turns someone away from what its
// passages say is kept in focus: "away from X", or "from X to Y" after a
// verb of shifting, where a passage sentence puts a word of focus on X
// (a content word in common). A turn denied, set against the rest
// ("rather than drifting away from their interests"), avoided, under a
// condition or reported is none; nor is one the text makes ("the article
// moves from the details to the bigger picture") or one that only may
// happen ("criticisms that could pull them away from…").
func turnedAway(s string, ev *evidence) *Refusal {
	toks := polarTokens(s)
	for i, t := range toks {
		if t.word != "from" || t.negated || t.contrasted || t.avoided || t.conditional || t.reported ||
			textTurns(toks[:i]) || slices.ContainsFunc(toks[:i], func(u token) bool { return hedgedTurn[u.word] }) {
			continue
		}
		if !(i > 0 && toks[i-1].word == "away" || shiftedFrom(toks, i)) {
			continue
		}
		away := tokenStems(focusObject(toks, i+1))
		if len(away) == 0 {
			continue
		}
		for _, pt := range ev.tokens {
			for k, w := range pt {
				if w.word != "on" && w.word != "upon" || w.negated || !focusedBefore(pt, k) {
					continue
				}
				for st := range tokenStems(focusObject(pt, k+1)) {
					if away[st] {
						return &Refusal{Reason: ReasonContradiction, Term: toks[i+1].word,
							Detail: "turned away from what its cited passages keep in focus"}
					}
				}
			}
		}
	}
	return nil
}

// shiftedFrom reports whether toks[i], "from", follows a verb of
// shiftVerbs within maxFocusGap words of its clause, and a "to" or
// "toward" follows it in the clause: "shift their attention from their
// interests to answering…".
func shiftedFrom(toks []token, i int) bool {
	shifted := false
	for j := i - 1; j >= max(0, i-maxFocusGap-1); j-- {
		if toks[j+1].clause {
			return false
		}
		if shiftVerbs[toks[j].word] {
			shifted = true
			break
		}
	}
	if !shifted {
		return false
	}
	for j := i + 1; j < len(toks) && !toks[j].clause; j++ {
		if toks[j].word == "to" || toks[j].word == "toward" || toks[j].word == "towards" {
			return true
		}
	}
	return false
}

// focusedBefore reports whether a word of focusWords stands among the
// maxFocusGap+1 words before toks[k], in its clause ("sights firmly
// focused on").
func focusedBefore(toks []token, k int) bool {
	for j := k - 1; j >= max(0, k-maxFocusGap-1); j-- {
		if focusWords[toks[j].word] {
			return true
		}
		if toks[j].clause {
			return false
		}
	}
	return false
}

// objectEnds end the words naming what a focus is on.
var objectEnds = setOf(`and or to toward towards`)

// focusObject returns the words naming what stands after "on" or "from"
// at toks[from:]: up to maxFocusObject words, to a clause boundary, "and",
// "to" or "toward".
func focusObject(toks []token, from int) []token {
	end := from
	for end < len(toks) && end-from < maxFocusObject && (end == from || !toks[end].clause) && !objectEnds[toks[end].word] {
		end++
	}
	return toks[from:end]
}

// textTurns reports whether the words before a turn, toks, make the text
// the one turning: a word for the text or its writer with no verb of
// saying or "that" after it ("the article moves from…", "the opening
// paragraph shifts the focus from…"; not "the author says both sides will
// shift…").
func textTurns(toks []token) bool {
	v := -1
	for j, u := range toks {
		if textVoices[u.word] || u.word == "paragraph" {
			v = j
		}
	}
	return v >= 0 && !slices.ContainsFunc(toks[v+1:], func(u token) bool { return reportVerb(u.word) || u.word == "that" })
}

// hedgedTurn, before a turn away, make it a possibility, not what the
// sentence says happens: "criticisms that could pull them away from…".
var hedgedTurn = setOf(`could might may threaten threatens risk risks`)
