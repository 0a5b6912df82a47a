package bot

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// A draft may deny that someone grants what its passages say they grant:
// "they do not accept that it narrowed their options" where the passage
// says they "openly acknowledge" it. Every word of the claim granted may
// stand in the passages, and the denial falls on the verb of granting,
// which the passages may word otherwise ("acknowledge", "admit"). Or it
// may say they come to know only now what the passages say they have
// long known, or that the author does not hold a view the text states, or
// does not dispute one it denies, or that someone accepts what the
// passages say they do not believe. None is an opposite the lexicon knows.

// wholeSentence runs the checks read on a whole sentence, however its
// markers cut it: one party for more, a grant denied, a thing known only
// now, an interest opposed, a view disowned or granted, a claim held
// that the passages say is not, and words of how much or when
// (see quantities).
func (d *draftCheck) wholeSentence(s string, ev *evidence) *Refusal {
	if r := restricted(s, ev); r != nil {
		return r
	}
	if r := d.deniedAssent(s, ev); r != nil {
		return r
	}
	if r := lateKnowing(s, ev); r != nil {
		return r
	}
	if r := againstInterest(s, ev); r != nil {
		return r
	}
	if r := d.viewDisowned(s, ev); r != nil {
		return r
	}
	if r := d.viewGranted(s, ev); r != nil {
		return r
	}
	if r := d.assentDenied(s, ev); r != nil {
		return r
	}
	if r := d.turnedInto(s, ev); r != nil {
		return r
	}
	return d.quantities(s, ev)
}

// turnedInto checks that what the sentence says one thing was turned into
// ("turned cooperation into suspicion") is not what the passages say it was
// turned from ("turned mistrust into cooperation"): the content words
// right before and after "into", or words the lexicon relates to them
// (alike), the other way round, a verb of turning (turnVerbs) standing
// before the first.
func (d *draftCheck) turnedInto(s string, ev *evidence) *Refusal {
	toks := scanTokens(s)
	for i, t := range toks {
		if t.word != "into" || i < 2 || toks[i].clause || !turnedBefore(toks, i) {
			continue
		}
		from, to := prevContent(toks, i), nextContent(toks, i)
		if from == "" || to == "" || from == to {
			continue
		}
		for _, pt := range ev.tokens {
			for j, w := range pt {
				if w.word == "into" && j > 0 && !pt[j].clause && d.alike(to, prevContent(pt, j)) && d.alike(from, nextContent(pt, j)) {
					return &Refusal{Reason: ReasonContradiction, Term: t.word,
						Detail: fmt.Sprintf("%q and %q the other way round about \"into\" from its cited passages", from, to)}
				}
			}
		}
	}
	return nil
}

// prevContent returns the stem of the content word right before toks[i],
// within its clause and the three words before, or "".
func prevContent(toks []token, i int) string {
	for j := i - 1; j >= 0 && j >= i-3 && !toks[j+1].clause; j-- {
		if st := stemOf(toks[j].word); st != "" {
			return st
		}
	}
	return ""
}

// turnVerbs turn one thing into another.
var turnVerbs = setOf(`turn turns turned turning change changes changed changing transform transforms transformed
transforming convert converts converted converting`)

// turnedBefore reports whether a verb of turning stands within the four
// words before toks[i], in its clause.
func turnedBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4 && !toks[j+1].clause; j-- {
		if turnVerbs[toks[j].word] {
			return true
		}
	}
	return false
}

// assentWords grant that something is so.
var assentWords = setOf(`accept accepts accepted acknowledge acknowledges acknowledged admit admits admitted
concede concedes conceded recognise recognises recognised recognize recognizes recognized agree agrees agreed
grant grants granted`)

// deniedAssent refuses a sentence that denies someone grants a claim
// ("…do not accept that X"), or believes it ("they do not believe these
// steps narrowed…", "that" left out), which a passage's sentence says is
// granted (see granted); or that denies someone fears what a passage's
// sentence gives as their fear or concern.
func (d *draftCheck) deniedAssent(s string, ev *evidence) *Refusal {
	toks := polarTokens(s)
	for i, t := range toks {
		if !(assentWords[t.word] || believingWords[t.word]) || !t.negated || i+2 >= len(toks) {
			continue
		}
		from := i + 1
		switch {
		case toks[from].word == "that":
			from++
		case !believingWords[t.word] || toks[from].clause:
			// "do not believe these steps narrowed…" takes its clause
			// without "that"; "do not accept the deal" takes a thing.
			continue
		}
		claim := clauseStems(toks, from)
		if len(claim) < 2 {
			continue
		}
		if d.granted(claim, ev) {
			return &Refusal{Reason: ReasonContradiction, Term: t.word,
				Detail: "denies someone grants what its cited passages say they grant"}
		}
	}
	for i, t := range toks {
		if !concernWords[t.word] || !t.negated || i+2 >= len(toks) || toks[i+1].word != "that" {
			continue
		}
		// "they do not worry that dealing with a stronger interlocutor
		// might threaten regime survival" against "a concern that
		// Iranian hardliners stress: dealing with…".
		claim := clauseStems(toks, i+2)
		if len(claim) >= 2 && d.heldAfter(claim, ev, func(w string) bool { return concernWords[w] }, false) {
			return &Refusal{Reason: ReasonContradiction, Term: t.word,
				Detail: "denies someone fears what its cited passages say they fear"}
		}
	}
	for i, t := range toks {
		if !doubtingVerbs[t.word] || t.negated || i+3 >= len(toks) || toks[i+1].word != "that" && toks[i+1].word != "whether" {
			continue
		}
		if slices.ContainsFunc(toks[max(0, i-3):i], func(u token) bool { return grantingDoubt[u.word] }) {
			continue
		}
		// "many observers doubt that spoilers exist on all sides"
		// against "The very real presence of spoilers on all sides is
		// widely acknowledged".
		claim := clauseStems(toks, i+2)
		if len(claim) >= 2 && (d.granted(claim, ev) || d.grantedPassive(claim, ev)) {
			return &Refusal{Reason: ReasonContradiction, Term: t.word,
				Detail: "doubts what its cited passages say is granted"}
		}
	}
	return nil
}

// doubtingVerbs doubt or deny that something is so.
var doubtingVerbs = setOf(`doubt doubts doubted doubting dispute disputes disputed disputing deny denies denied denying
question questions questioned questioning`)

// grantedPassive reports whether a passage sentence grants claim in the
// passive: half the claim's words or more, alike, before a verb of
// assentWords in -ed after a form of "be" and perhaps an adverb, no
// negation reaching it ("The very real presence of spoilers on all sides
// is widely acknowledged").
func (d *draftCheck) grantedPassive(claim []string, ev *evidence) bool {
	pt := polarTokens(ev.text)
	start := 0
	for k, t := range pt {
		if t.opens {
			start = k
		}
		if !assentWords[t.word] || !strings.HasSuffix(t.word, "ed") || t.negated {
			continue
		}
		j := k - 1
		if j >= 0 && strings.HasSuffix(pt[j].word, "ly") {
			j--
		}
		if j < 0 || !beForms[pt[j].word] {
			continue
		}
		held := make(map[string]bool)
		for _, st := range contentStems(pt[start:j]) {
			held[st] = true
		}
		if d.cover(claim, held) >= minSideCover {
			return true
		}
	}
	return false
}

// concernWords say that someone fears a thing may happen.
var concernWords = setOf(`worry worries worried concern concerns concerned fear fears feared`)

// clauseStems returns the content stems of toks from from to the end of
// the clause it opens: the claim a verb of granting or holding takes.
func clauseStems(toks []token, from int) []string {
	return contentStems(toks[from:clauseEnd(toks, from)])
}

// granted reports whether the passages grant claim: a verb of assentWords
// no negation reaches, followed in its sentence by half the claim's words
// or more, alike ("…openly acknowledge that alleged alternatives… have
// narrowed the remaining escalatory options").
func (d *draftCheck) granted(claim []string, ev *evidence) bool {
	return d.heldAfter(claim, ev, func(w string) bool { return assentWords[w] }, false)
}

// heldAfter reports whether the passages give claim after a verb: a word
// verb accepts, which a negation reaches if denied and does not otherwise,
// followed in its sentence by half the claim's words or more, alike.
func (d *draftCheck) heldAfter(claim []string, ev *evidence, verb func(string) bool, denied bool) bool {
	pt := polarTokens(ev.text)
	for k, t := range pt {
		if !verb(t.word) || t.negated != denied {
			continue
		}
		end := k + 1
		for end < len(pt) && !pt[end].opens {
			end++
		}
		held := make(map[string]bool)
		for _, st := range contentStems(pt[k+1 : end]) {
			held[st] = true
		}
		if d.cover(claim, held) >= minSideCover {
			return true
		}
	}
	return false
}

// knowingWords say someone knows or comes to know something.
var knowingWords = setOf(`know knows knew known knowing learn learns learned learnt learning discover discovers
discovered discovering realise realises realised realising realize realizes realized realizing understand
understands understood understanding find finds found finding`)

// lateWords, after "only" or "just", say a thing happens late or newly:
// "only now discovering", "just recently learned".
var lateWords = setOf(`now recently lately`)

// lateKnowing refuses a sentence saying someone comes to know something
// only now ("both sides are only now discovering that diplomacy is
// costly") where its passages say they have long known it ("Both sides
// have long known this to be true").
func lateKnowing(s string, ev *evidence) *Refusal {
	toks := polarTokens(s)
	late := false
	for i, t := range toks {
		if t.clause {
			late = false
		}
		if (t.word == "only" || t.word == "just") && i+1 < len(toks) && lateWords[toks[i+1].word] && !t.negated {
			late = true
		}
		if late && knowingWords[t.word] && ev.longKnown() {
			return &Refusal{Reason: ReasonContradiction, Term: t.word,
				Detail: "says someone knows only now what its cited passages say they have long known"}
		}
	}
	return nil
}

// longKnown reports whether the passages say someone has long known
// something: "long" right before a word of knowing, no negation reaching
// it.
func (ev *evidence) longKnown() bool {
	pt := polarTokens(ev.text)
	for k := 1; k < len(pt); k++ {
		if knowingWords[pt[k].word] && pt[k-1].word == "long" && !pt[k].clause && !pt[k].negated {
			return true
		}
	}
	return false
}

// disowned finds a view a sentence says the text or its author does not
// hold: "…, though he does not think they will determine whether the peace
// is made or broken", the view to the end of its clause.
var disowned = regexp.MustCompile(`(?i)\b(?:the\s+(?:author|writer|article|piece)|he|she)\s+(?:does\s+not|doesn't|doesn’t|did\s+not|didn't|didn’t)\s+` +
	`(?:think|believe|consider|expect|regard|see|view)\s+(?:that\s+)?([^.;:!?()\[\]—–]*)`)

// viewDisowned refuses a sentence that says the author does not hold a
// view (disowned) which a sentence of the passages, the author's own
// text, states and denies nothing of: the view's words stand there as much
// as coverage needs. A view named by a word pointing back ("…, although
// the author does not consider that focus justified") is the one the
// sentence gives before it. A sentence that denies something may be the
// author's denial of the view ("Simply put: It doesn't."), which the
// sentence then reports right.
func (d *draftCheck) viewDisowned(s string, ev *evidence) *Refusal {
	for _, m := range disowned.FindAllStringSubmatchIndex(s, -1) {
		view := viewOf(s, m)
		if view == nil {
			continue
		}
		for _, sen := range ev.sentences {
			if !sen.denies && d.cover(view, sen.stems) >= minCoverage {
				return &Refusal{Reason: ReasonContradiction, Term: "not",
					Detail: "says the text does not hold a view its cited passages state"}
			}
		}
	}
	return nil
}

// viewOf returns the stems of the view a match of disowned or undisputed
// (m, its indexes in s) gives: its group's words, or, when they are too
// few to be a view ("that portrayal"), the words of the sentence before
// the match; nil when those are too few as well.
func viewOf(s string, m []int) []string {
	view := contentStems(scanTokens(s[m[2]:m[3]]))
	if len(view) < minReportedTerms {
		view = contentStems(scanTokens(s[:m[0]]))
	}
	if len(view) < minReportedTerms {
		return nil
	}
	return view
}

// undisputed finds a view a sentence says the text or its author does not
// dispute, or agrees with ("…, and the author does not dispute that
// portrayal", "the author agrees with those who portray…"): the words after
// the verb to the end of their clause.
var undisputed = regexp.MustCompile(`(?i)\b(?:the\s+(?:author|writer|article|piece)|he|she)\s+(?:(?:does\s+not|doesn't|doesn’t|did\s+not|didn't|didn’t)\s+` +
	`(?:dispute|question|challenge|contest|reject|deny|doubt)|agrees\s+with|shares|endorses|accepts)\s+(?:that\s+)?([^.;:!?()\[\]—–]*)`)

// viewGranted refuses a sentence that says the author does not dispute a
// view, or agrees with it (undisputed), which a sentence of the passages
// gives only for a short denial right after it to deny ("…one would think
// that it rivals the former Soviet Union… Simply put: It doesn't."). A
// view named by a word pointing back ("that portrayal") is the one the
// sentence gives before it.
func (d *draftCheck) viewGranted(s string, ev *evidence) *Refusal {
	for _, m := range undisputed.FindAllStringSubmatchIndex(s, -1) {
		view := viewOf(s, m)
		if view == nil {
			continue
		}
		for k, sen := range ev.sentences {
			if d.cover(view, sen.stems) >= minSideCover && deniedAfter(ev.sentences, k) {
				return &Refusal{Reason: ReasonContradiction, Term: "not",
					Detail: "says the text does not dispute a view its cited passages deny"}
			}
		}
	}
	return nil
}

// deniedAfter reports whether a short denial follows sentences[k] in its
// passage ("Simply put: It doesn't.").
func deniedAfter(sentences []evSentence, k int) bool {
	if k+1 >= len(sentences) {
		return false
	}
	next := sentences[k+1]
	return next.passage == sentences[k].passage && next.denies && len(next.stems) <= maxDenialWords
}

// believingWords hold something to be so, as assentWords grant it: to be
// convinced of it or to insist on it too (three contradictions more
// refused on the tuning halves, nothing lost).
var believingWords = setOf(`believe believes believed believing think thinks thought thinking accepting
agreeing conceding acknowledging admitting recognising recognizing convinced insist insists insisted insisting`)

// assentDenied refuses a sentence that says someone holds a claim ("…as
// accepting that the political systems… must be entrenched in permanent
// confrontation") which a sentence of the passages says they do not hold
// ("…that do not believe the political systems… must be entrenched…"):
// see heldNot.
func (d *draftCheck) assentDenied(s string, ev *evidence) *Refusal {
	toks := polarTokens(s)
	for i, t := range toks {
		if !assentWords[t.word] && !believingWords[t.word] || t.negated || i+2 >= len(toks) {
			continue
		}
		from := i + 1
		if toks[from].word == "that" {
			from++
		}
		claim := clauseStems(toks, from)
		if len(claim) < minReportedTerms {
			continue
		}
		if d.heldNot(claim, ev) {
			return &Refusal{Reason: ReasonContradiction, Term: t.word,
				Detail: "says someone holds what its cited passages say they do not"}
		}
	}
	return nil
}

// heldNot reports whether the passages say someone does not hold claim: a
// verb of assentWords or believingWords that a negation reaches, followed
// in its sentence by half the claim's words or more, alike.
func (d *draftCheck) heldNot(claim []string, ev *evidence) bool {
	return d.heldAfter(claim, ev, func(w string) bool { return assentWords[w] || believingWords[w] }, true)
}

// viewClaimed refuses a sentence that claims, as so, a view the passages
// give only for a short denial right after it to deny ("Iran poses a
// threat comparable to the former Soviet Union" against "…one would think
// that it rivals the former Soviet Union… Simply put: It doesn't."): three
// of its words or more, and half of them, stand in that view. A sentence
// that reports or weighs the view (viewWords), or denies or sets aside
// anything, is left to the other checks.
func (d *draftCheck) viewClaimed(s string, terms []claimTerm, ev *evidence) *Refusal {
	for _, t := range terms {
		if t.negated || t.reported || t.contrasted || viewWords[strings.ToLower(t.Word)] {
			return nil
		}
	}
	var stems []string
	for _, t := range terms {
		if !t.Number && !connectives[t.Word] {
			stems = append(stems, t.Stem)
		}
	}
	for k, sen := range ev.sentences {
		if !deniedAfter(ev.sentences, k) {
			continue
		}
		held := 0
		for _, st := range stems {
			if sen.stems[st] {
				held++
			}
		}
		if held >= minReportedTerms && 2*held >= len(stems) {
			return &Refusal{Reason: ReasonContradiction, Term: s,
				Detail: "claims as so a view its cited passages give only to deny"}
		}
	}
	return nil
}

// viewWords report or weigh a view rather than claim it.
var viewWords = setOf(`portray portrays portrayed portraying portrayal portrayals depict depicts depicted depiction
pundit pundits policymaker policymakers view views idea notion claim claims claimed suggest suggests suggested
think thinks thought picture comparison comparisons compare compares compared liken likens likened overblown
exaggerated exaggeration reject rejects rejected dismiss dismisses dismissed myth caricature rhetoric some
critics hawks commentators analysts imagine imagines fear fears would`)

// grantingDoubt, among the three words before a verb of doubting, make
// the doubt small, past or hard to hold: "few doubt that…", "there is
// little doubt that…", "it is hard to deny that…", "who once denied
// that…".
var grantingDoubt = setOf(`few little hardly scarcely barely once hard difficult impossible`)
