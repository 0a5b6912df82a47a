package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/knowledge"
)

// A claim's polarity is read clause by clause: a negation ("not", "never",
// "no longer", "without", a contraction in n't) reverses the words after it
// up to the end of its clause (punctuation, or a conjunction such as "but"
// or "while"); a second negation in the clause reverses them back ("would
// not be taking place without Obama": "taking place" is denied, Obama's
// involvement is not). Draft and passages are read alike, so a word the
// draft denies and the passages assert, or the reverse, is a contradiction.

// claimTerm is a content word of a text with its polarity.
type claimTerm struct {
	knowledge.Term
	negated bool
	held    bool // a number or name the passages are found to hold: covered
	// reported says the word stands in a view the sentence reports, not
	// its own claim ("pundits portray Iran as if it rivals…"): the
	// passages may deny the view and the sentence still report it.
	reported bool
	// avoided says the word stands in what the sentence says is avoided
	// or prevented ("avoid falling prey to fractious politics"): what
	// does not happen, though no negation says so.
	avoided bool
	// contrasted says the word stands in what "rather than", "instead
	// of" or "far from" sets against the rest ("rather than repeating the
	// failed approach").
	contrasted bool
	// abandoned says the word stands in what the sentence says is
	// abandoned ("abandoning the failed approach of the past").
	abandoned bool
	// conditional says the word stands in a condition the sentence
	// states with a denial ("without their involvement, there would be
	// no diplomacy"), which the passages may word with the denial on
	// another of its words ("diplomacy would not be taking place
	// without…").
	conditional bool
	// phrasal says the word is a verb whose particle may turn its lean
	// round ("play down", "back off"; see phrasalVerbs).
	phrasal bool
	// thanAfter says "than" follows the word: it compares what stands
	// before it with what stands after ("stronger than").
	thanAfter bool
	// active says the word reads as a verb in the active voice (see
	// activeVerb): its doer stands before it, what it is done to after.
	active bool
	// leanless says the word before the one after it leans no way
	// ("critical for success"; see leanlessBefore).
	leanless bool
	// party says the word names one of a pair of parties after "both",
	// "two", "each" or "either" ("both governments", "each side"): see
	// partyNouns.
	party bool
	// clause numbers the clause of its text the word stands in, from 0:
	// punctuation and the words that open a clause ("but", "which",
	// "that") start the next.
	clause int
	// plain are the stems of the plain words a figure of speech the word
	// stands in says ("locked in": "entrenched"; see knowledge.Figures).
	plain []string
}

// leanlessBefore reports whether word leans no way before next:
// "critical for success" and "critical to it" say vital, where "critical
// of" is the criticism the sentiment lexicon rates.
func leanlessBefore(word, next string) bool {
	return (word == "critical" || word == "critically") && (next == "for" || next == "to")
}

// particles make a phrasal verb of the word before them; phrasalVerbs are
// the verbs whose lean such a verb may turn round ("play down", "back
// off"), where "killed off" leans as "killed" does.
var (
	particles    = setOf(`down up out off back`)
	phrasalVerbs = setOf(`play plays played playing talk talks talked talking tone tones toned toning water waters
watered watering scale scales scaled scaling wind winds wound winding back backs backed backing step steps
stepped stepping calm calms calmed calming cool cools cooled cooling`)
)

// token is one word of a text as the polarity reader sees it.
type token struct {
	word     string // lower-case, apostrophes and a possessive 's dropped, dots of an acronym dropped
	clause   bool   // a clause boundary comes right before the word
	opens    bool   // the word opens a sentence after the first
	capital  bool   // the word is written with a capital
	negated  bool   // the word stands in a denied stretch
	negator  bool   // the word is itself a negation
	inClause int    // the clause of its text the word stands in, from 0 (see polarTokens)
	reported bool   // the word stands in a view someone else's portrayal gives (see reportedViews)
	avoided  bool   // the word stands in what a verb of avoiding keeps from happening (see avoidedClauses)
	// contrasted says the word stands in what "rather than", "instead of"
	// or "far from" sets against the rest (see contrast).
	contrasted bool
	// abandoned says the word stands in what a verb of abandoning sets
	// aside (see abandonedClauses).
	abandoned bool
	// conditional says the word stands in a condition and what it
	// conditions ("without X, there would be no Y"; see polarTokens).
	conditional bool
	// possessive says the word was written with a possessive 's: it
	// names whose, and a denial is not of it ("neither in either side's
	// interest" denies the interest, not the side).
	possessive bool
	// quoting says the only boundary right before the word is a
	// quotation's opening mark: the quotation carries on the clause it
	// stands in ("one would think Iran “rivals the former Soviet Union”").
	quoting bool
	// compound says a hyphen joins the word to the one before it: the
	// "through" of "follow-through" is no preposition.
	compound bool
}

// negators deny what follows them in their clause.
var negators = setOf(`not no never neither nor none nobody nothing nowhere without cannot hardly barely scarcely
seldom rarely lack lacks lacked lacking isnt arent wasnt werent dont doesnt didnt wont wouldnt cant couldnt
shouldnt hasnt havent hadnt mustnt neednt aint`)

// lossVerbs lose what follows them; denied right before ("not losing",
// "without losing"), they assert it.
var lossVerbs = setOf(`lose loses losing lost`)

// abilityNouns, lost, deny what "to" after them says can be done: "lose
// their capacity to lash out".
var abilityNouns = setOf(`ability abilities capacity capability capabilities`)

// lostAbility reports whether toks[i], a verb of losing, loses an ability
// to do what follows: "lose their capacity to lash out", "lost the ability
// to", not "lost capacity to the hardliners" (a preposition before a noun
// phrase or a name).
func lostAbility(toks []token, i int) bool {
	j := i + 1
	if j < len(toks) && determiners[toks[j].word] && !toks[j].clause {
		j++
	}
	return j+2 < len(toks) && abilityNouns[toks[j].word] && toks[j+1].word == "to" && !toks[j].clause && !toks[j+1].clause &&
		!determiners[toks[j+2].word] && !toks[j+2].capital
}

// negatingVerbs deny the verb after them when "to" follows them: "refused
// to talk", "failed to demonstrate", "declining to work"; so do
// "unable" and "unlikely" ("unlikely to keep portraying it as weakness").
// Elsewhere they are words like others ("the failed approach").
var negatingVerbs = setOf(`refuse refuses refused refusing fail fails failed failing decline declines declined declining
unable unlikely`)

// yetToLeads come before "yet to" that denies what follows ("has yet to be
// reaffirmed", "remains yet to"); "and yet to" does not.
var yetToLeads = setOf(`has have had is are was were remain remains remained`)

// notNegations follow a negator to say something else than its denial:
// "not only … but also", "no less important" (just as important).
var notNegations = setOf(`only just merely simply less fewer`)

// merelyWords after a negation say "not only" only where "but" follows
// ("not simply absorb the criticisms, but keep their sights…"); without
// one the negation denies ("should not simply absorb these criticisms, and
// should look beyond…"). "Not only" says it wherever it stands: a
// quotation may stop before its "but also".
var merelyWords = setOf(`just merely simply`)

// butLater reports whether "but" stands in toks from i on, in the same
// sentence.
func butLater(toks []token, i int) bool {
	for ; i < len(toks) && !toks[i].opens; i++ {
		if toks[i].word == "but" {
			return true
		}
	}
	return false
}

// clauseWords open a clause of their own: a negation before them does not
// reach past them. A clause they open says what it says whether or not the
// one around it is denied ("should not obscure the fact that the talks
// would not be happening").
var clauseWords = setOf(`but while although though whereas because since yet however unless
that which who whom whose where when whether if`)

// reasonWords open a clause that gives a reason, which a denial right
// before it (deniesReason) denies: "not because…", "rather than
// because…".
var (
	reasonWords  = setOf(`because since`)
	deniesReason = setOf(`not than never isnt arent wasnt werent dont doesnt didnt aint`)
)

// contrastPairs deny the words after them as a negation does: "a regional
// power rather than a superpower", "far from comprehensive".
var contrastPairs = [][2]string{{"rather", "than"}, {"instead", "of"}, {"far", "from"}}

// claimTerms returns the content words of text, as knowledge.Terms reads
// them, each with its polarity. Negations themselves are left out: their
// meaning is the polarity they give.
func claimTerms(text string) []claimTerm {
	toks := polarTokens(text)
	terms := knowledge.Terms(text)
	out := make([]claimTerm, 0, len(terms))
	setAgainst := doneAndIs(toks)
	next := 0 // the token the next term is looked for from
	for _, t := range terms {
		i := findToken(toks, next, t.Word)
		for ; i >= 0 && next < i; next++ {
			// "for what they do, not for what they are": what someone
			// does or is, set against each other, with no content word.
			if c, ok := wordless(toks, next, setAgainst); ok {
				out = append(out, c)
			}
		}
		if i < 0 {
			// Not found as a token (a word knowledge reads differently):
			// it takes the polarity and clause of where the reading stands.
			c := claimTerm{Term: t}
			if next < len(toks) {
				c.negated, c.clause = toks[next].negated, toks[next].inClause
			}
			out = append(out, c)
			continue
		}
		next = i + 1
		if toks[i].negator {
			continue
		}
		var after string
		if i+1 < len(toks) && !toks[i+1].clause {
			after = toks[i+1].word
		}
		if attributionWords[t.Word] && len(out) == 0 && !toks[i].negated {
			// "The opening paragraph warns that…": who says what, which
			// the passages need not say; "nobody acknowledges that…"
			// denies it, a claim.
			continue
		}
		if attributionWords[t.Word] && !toks[i].negated && saidBy(toks, i) {
			// "…, the author warns, could lead…", "he concedes it is
			// fair…": who says what, wherever the sentence puts it.
			continue
		}
		if voiceVerbs[t.Word] && i > 0 && textVoices[toks[i-1].word] && !toks[i].negated && asAfter(toks, i) {
			// "…, which the author presents as one of the challenges":
			// how the text puts what follows "as", anywhere in the
			// sentence. What it calls something outright ("a fear the
			// author calls unfounded") is the claim.
			continue
		}
		if i > 0 && toks[i-1].word == "de" && !toks[i].clause && knowledge.Direction(t.Stem) != 0 {
			// "de-escalating tensions" reverses "escalating": a word of
			// its own, which changes things the other way.
			t.Stem = "de" + t.Stem
		}
		if _, ok := overAt(toks, i); ok {
			t.Stem = "end" // "the hard part is behind them"
		}
		out = append(out, claimTerm{Term: t, negated: toks[i].negated && !toks[i].possessive, reported: toks[i].reported, avoided: toks[i].avoided, contrasted: toks[i].contrasted, abandoned: toks[i].abandoned, conditional: toks[i].conditional, phrasal: particles[after] && phrasalVerbs[t.Word],
			thanAfter: after == "than", leanless: leanlessBefore(t.Word, after), clause: toks[i].inClause, active: activeVerb(toks, i),
			party: i > 0 && pairWords[toks[i-1].word] && !toks[i].clause && partyNouns[t.Word]})
	}
	for ; next < len(toks); next++ {
		if c, ok := wordless(toks, next, setAgainst); ok {
			out = append(out, c)
		}
	}
	return out
}

// wordless reads toks[i], a stop word, as a claim term when it makes a
// claim of its own: what someone does or is (whatDoneOrIs), or something
// over or behind (overAt).
func wordless(toks []token, i int, setAgainst bool) (claimTerm, bool) {
	if c, ok := whatDoneOrIs(toks, i, setAgainst); ok {
		return c, true
	}
	return overAt(toks, i)
}

// overAt reads toks[i] as "end" when it says something is over: "over" or
// "behind" after a form of "be" (an adverb of time between), closing its
// clause or before whom it is behind ("the hard part is behind them"),
// against "the hard part begins".
func overAt(toks []token, i int) (claimTerm, bool) {
	if w := toks[i].word; w != "over" && w != "behind" || toks[i].clause {
		return claimTerm{}, false
	}
	k := i - 1
	for k >= 0 && !toks[k+1].clause && overAdverbs[toks[k].word] {
		k--
	}
	if k < 0 || toks[k+1].clause || !beForms[toks[k].word] {
		return claimTerm{}, false
	}
	if i+1 < len(toks) && !toks[i+1].clause && !behindWhom[toks[i+1].word] {
		return claimTerm{}, false // "is over the limit", "is behind the deal"
	}
	return claimTerm{Term: knowledge.Term{Word: toks[i].word, Stem: "end"}, negated: toks[i].negated, clause: toks[i].inClause}, true
}

var (
	beForms     = setOf(`is are was were be been being`)
	overAdverbs = setOf(`now already finally largely mostly all long well`)
	behindWhom  = setOf(`us them you me both everyone`)
)

// whatDoneOrIs reads toks[i] as "do" or "be" when it closes "what" and a
// pronoun ("what they do", "what it is") and setAgainst says the text has
// both: what someone does and what they are, set against each other
// ("challenged for what they do, not for what they are"), are claims of
// their own. One alone ("seen for what it is") claims nothing.
func whatDoneOrIs(toks []token, i int, setAgainst bool) (claimTerm, bool) {
	if !setAgainst || i < 2 || toks[i-2].word != "what" || !subjectPronouns[toks[i-1].word] || toks[i-1].clause || toks[i].clause {
		return claimTerm{}, false
	}
	if i+1 < len(toks) && !toks[i+1].clause && !clauseWords[toks[i+1].word] && !joiners[toks[i+1].word] {
		return claimTerm{}, false // "what they do next", "what it is worth"
	}
	var stem string
	switch toks[i].word {
	case "do", "does", "did":
		stem = "do"
	case "is", "are", "was", "were", "am":
		stem = "be"
	default:
		return claimTerm{}, false
	}
	return claimTerm{Term: knowledge.Term{Word: toks[i].word, Stem: stem}, negated: toks[i].negated, clause: toks[i].inClause}, true
}

var subjectPronouns = setOf(`i you he she it we they`)

// joiners may follow "what they do" and set it against what comes next.
var joiners = setOf(`and or not rather instead`)

// doneAndIs reports whether toks hold both "what … do" and "what … is"
// (see whatDoneOrIs).
func doneAndIs(toks []token) bool {
	var do, be bool
	for i := range toks {
		if c, ok := whatDoneOrIs(toks, i, true); ok {
			do = do || c.Stem == "do"
			be = be || c.Stem == "be"
		}
	}
	return do && be
}

// attributionWords say who says what, or where, in a summary ("The
// opening paragraphs warn…", "It closes by acknowledging that…"): first
// among a sentence's content words, or anywhere right after a word for
// the text or its author (see saidBy), and not denied, they attribute the
// claim that follows and claim nothing the passages must hold. None takes
// a stance of its own: "the author denies" is no attribution; "predicts",
// "advice", "sees", "view" and "frames" are words for saying ("the
// author's advice is…", "the author sees a rare chance…", "the author
// frames what lies ahead around…": six faithful summaries and paraphrases
// more kept on the tuning halves, no unsupported draft the more). Framing
// words ("the author argues") are none of a sentence's terms already.
var attributionWords = setOf(`warn warns warned warning caution cautions cautioned cautioning
stress stresses stressed stressing emphasize emphasizes emphasized emphasizing emphasise emphasises
emphasised emphasising insist insists insisted insisting conclude concludes concluded concluding
add adds added adding observe observes observed observing suggest suggests suggested suggesting
contend contends contended maintain maintains maintained acknowledge acknowledges acknowledged
acknowledging admit admits admitted admitting recognise recognises recognised recognize recognizes
recognized point points pointed pointing open opens opened opening close closes closed closing
indicate indicates indicated indicating identify identifies identified identifying concede concedes
conceded conceding grant grants granted granting
paragraph paragraphs passage passages
highlight highlights highlighted highlighting underline underlines underlined underlining
note notes noted noting section sections introduction intro
predict predicts predicted predicting prediction predictions advise advises advised advising advice
recommend recommends recommended recommending recommendation recommendations
see sees saw seeing view views viewed viewing frame frames framed framing`)

// saidBy reports whether toks[i] follows a word for the text or its
// author, or "he" or "she", maybe with an adverb between: "the author
// rightly notes".
func saidBy(toks []token, i int) bool {
	j := i - 1
	if j > 0 && strings.HasSuffix(toks[j].word, "ly") {
		j--
	}
	if j < 0 || toks[j].clause {
		return false
	}
	return voiceWord(toks[j].word)
}

// voiceWord reports whether w names the text, its writer or one of them by
// a pronoun: "author", "article", "he".
func voiceWord(w string) bool { return textVoices[w] || w == "he" || w == "she" }

// voiceVerbs say how a text puts what it says, right after a word for the
// text or its author and before "as" ("the author presents … as", "the
// article describes it as"); textVoices are those words.
var (
	voiceVerbs = setOf(`presents presented calls called describes described frames framed casts cast
characterizes characterized characterises characterised sees saw views viewed considers considered
treats treated regards regarded labels labelled labeled`)
	textVoices = setOf(`author authors writer article piece essay column op ed`)
)

// asAfter reports whether "as" follows toks[i] within three words, in its
// clause: "presents it as", "describes the talks as".
func asAfter(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+3 && !toks[k].clause; k++ {
		if toks[k].word == "as" {
			return true
		}
	}
	return false
}

// subjectAfter reports whether toks[i] opens a subject of its own: a
// determiner, up to six words, then an auxiliary ("and the gap between
// technical and political solutions may be too wide"), so that what comes
// after is a claim of its own.
func subjectAfter(toks []token, i int) bool {
	if !determiners[toks[i].word] || toks[i].word == "that" {
		return false
	}
	for j := i + 2; j < min(len(toks), i+8); j++ {
		if toks[j].clause {
			return false
		}
		if auxiliaries[toks[j].word] {
			return true
		}
	}
	return false
}

// turnAdverbs, right after "and", open a claim of its own: "had not
// worked and now seeks…".
var turnAdverbs = setOf(`now instead then`)

// findToken returns the first token from toks[from] on that is word, or -1.
func findToken(toks []token, from int, word string) int {
	for i := from; i < len(toks); i++ {
		if toks[i].word == word {
			return i
		}
	}
	return -1
}

// polarTokens splits text into words and marks each with its polarity.
func polarTokens(text string) []token {
	toks := scanTokens(text)
	negated, inContrast, beforeContrast, contrastDet := false, false, false, false
	tooTo := false // the word after "too … to" is denied
	clause := 0
	for i := range toks {
		t := &toks[i]
		if i > 0 && (t.clause || clauseWords[t.word] && !t.negator && !(reasonWords[t.word] && deniesReason[toks[i-1].word]) &&
			!(t.word == "yet" && auxiliaries[toks[i-1].word]) && !(t.word == "that" && toks[i-1].word == "not")) {
			// Punctuation and the words that open a clause end what a
			// negation denies; "yet" after "not" is part of the negation,
			// and so is a reason right after a denial ("not because…",
			// "rather than because…"), and the clause of "not that…"
			// ("…, though not that it threatens regime survival"); "yet"
			// after an auxiliary ("neither has yet shown") is an adverb.
			negated, inContrast = false, false
			clause++
		}
		t.inClause = clause
		if !inContrast && (t.word == "and" || t.word == "or") && i+1 < len(toks) && !toks[i+1].clause && (auxiliaries[toks[i+1].word] || subjectAfter(toks, i+1) || turnAdverbs[toks[i+1].word]) {
			// "does not rival the Soviet Union and is a regional power":
			// a verb of its own after "and" is a claim of its own, which
			// the denial before it does not reach; so is a subject of its
			// own ("won't be easy and the gap may be too wide": one
			// faithful draft more kept, nothing lost). Chosen on the tuning
			// sets: a merged draft more kept and a dropped negation more
			// refused ("…and is no longer even a regional power"), none
			// lost.
			negated = false
		}
		switch {
		case t.word == "nor":
			t.negator = true
			negated = true // "neither … nor …" denies both
			continue
		case t.word == "anything" && i+1 < len(toks) && toks[i+1].word == "but" && !toks[i+1].clause:
			// "anything but minor" is not minor.
			t.negator, toks[i+1].negator = true, true
			negated = !negated
			continue
		case negatingVerbs[t.word] && i+1 < len(toks) && toks[i+1].word == "to" && !toks[i+1].clause,
			t.word == "yet" && i > 0 && yetToLeads[toks[i-1].word] && i+1 < len(toks) && toks[i+1].word == "to" && !toks[i+1].clause:
			// "has yet to be reaffirmed" is not reaffirmed.
			t.negator = true
			negated = !negated
			continue
		case lossVerbs[t.word] && lostAbility(toks, i) && !(i > 0 && toks[i-1].negator):
			// "spoilers lose their capacity to lash out" can no
			// longer lash out.
			t.negator = true
			negated = !negated
			continue
		case lossVerbs[t.word] && i > 0 && toks[i-1].negator && !t.clause:
			// "without losing sight of their interests" keeps sight of
			// them: a loss denied reverses the denial.
			t.negator = true
			negated = !negated
			continue
		case negators[t.word]:
			t.negator = true
			if i+1 < len(toks) && !toks[i+1].clause && (notNegations[toks[i+1].word] && (!merelyWords[toks[i+1].word] || butLater(toks, i+2)) ||
				t.word == "nothing" && (toks[i+1].word == "short" || toks[i+1].word == "but")) {
				continue // "not only", "no less", "nothing short of", "nothing but"
			}
			if t.word == "no" && i+1 < len(toks) && toks[i+1].word == "longer" && !(i+2 < len(toks) && toks[i+2].word == "than") ||
				i+1 < len(toks) && !toks[i+1].clause && toks[i+1].word == "yet" {
				// "no longer", "not yet"; "no longer than" denies "longer".
				toks[i+1].negator = true
			}
			if t.word == "without" && (i == 0 || t.opens || t.clause || clauseWords[toks[i-1].word]) && conditionLater(toks, i) {
				// "Without their involvement the talks would not be
				// happening": a condition, which the later negation
				// reverses as "would not be happening without their
				// involvement" does. Which of its words the negation
				// falls on ("no diplomacy would be taking place") is
				// the wording's, not the claim's.
				for j := i; j < len(toks) && (j == i || !toks[j].opens); j++ {
					toks[j].conditional = true
				}
				continue
			}
			if i > 0 && !t.clause && (toks[i-1].word == "and" || toks[i-1].word == "or") {
				// "serves neither side and cannot be sustained": a
				// denial joined to another denies too.
				negated = true
				continue
			}
			negated = !negated
			continue
		case contrast(toks, i):
			t.negator, toks[i+1].negator = true, true
			negated, inContrast, beforeContrast = !negated, true, negated
			contrastDet = i+2 < len(toks) && determiners[toks[i+2].word]
			continue
		case inContrast && (t.word == "and" || t.word == "or") && i+1 < len(toks) &&
			(auxiliaries[toks[i+1].word] || negators[toks[i+1].word] || determiners[toks[i+1].word] != contrastDet):
			// "a regional power rather than a superpower and does not
			// rival…", "…and rivals…": a verb of its own, or a phrase
			// unlike the one set against, ends what the contrast denies;
			// "rather than talks or compromise", "rather than a
			// superpower or a rival" deny both.
			negated, inContrast = beforeContrast, false
		}
		t.negated = negated
		t.contrasted = inContrast && negated
		if tooTo && !t.clause && !auxiliaries[t.word] && !fillerAdverbs[t.word] {
			// "too wide to bridge", "too wide to be bridged": it cannot
			// be bridged.
			t.negated, tooTo = !negated, false
		}
		if t.clause {
			tooTo = false
		}
		if t.word == "to" && !t.clause && tooBefore(toks, i) && i+1 < len(toks) && !toks[i+1].capital && !determiners[toks[i+1].word] {
			// Not "too close to Tehran", "too close to the hardliners":
			// "to" before a name or a noun phrase is a preposition.
			tooTo = true
		}
		if reportingVerbs[t.word] || hidingVerbs[t.word] && !t.capital {
			// "do not believe the systems must be entrenched": the belief
			// is denied, not what it is about; "should not obscure the
			// interest" denies the hiding, not the interest.
			negated = false
		}
	}
	everyNo(toks)
	deniedBack(toks)
	reportedViews(toks)
	endorsedViews(toks)
	avoidedClauses(toks)
	abandonedClauses(toks)
	difficultClauses(toks)
	return toks
}

// everyNo reads "no X goes unY" as saying that every X is Y: "No good
// deed goes unpunished" denies no good deed, and says it is punished.
// The words between "no" and the verb are not denied; the word in un- is,
// which asserts what it makes the opposite of.
func everyNo(toks []token) {
	for i := range toks {
		if toks[i].word != "no" || !toks[i].negator {
			continue
		}
		for j := i + 1; j+1 < len(toks) && toks[j].inClause == toks[i].inClause; j++ {
			if !goesVerbs[toks[j].word] || !deniedByUn(toks[j+1].word) || toks[j+1].clause {
				continue // not "no official goes under scrutiny"
			}
			for k := i + 1; k <= j; k++ {
				toks[k].negated = !toks[k].negated
			}
			break
		}
	}
}

// goesVerbs say how a thing ends up: "goes unpunished", "remains
// unanswered".
var goesVerbs = setOf(`go goes went gone going remain remains remained stay stays stayed`)

// difficultClauses marks as conditional the words of a clause that says
// how hard something is ("the gap may be hard to bridge", "the real
// difficulty may be bridging technical and political solutions",
// "bridging them may be impossible"): it claims the thing neither done
// nor undone, so it denies nothing a text says cannot be done ("may be
// too wide to bridge"). Chosen on the tuning sets: four faithful
// summaries more kept, no unsupported draft let through.
func difficultClauses(toks []token) {
	for i := range toks {
		w := toks[i].word
		if !difficultyWords[w] {
			continue
		}
		predicate := w == "difficulty" || i > 0 && (auxiliaries[toks[i-1].word] || toks[i-1].word == "been" || toks[i-1].word == "too") ||
			i+1 < len(toks) && toks[i+1].word == "to"
		if !predicate {
			continue // "the hard part begins" says nothing of how hard a thing is to do
		}
		c := toks[i].inClause
		for j := range toks {
			if toks[j].inClause == c && j != i {
				toks[j].conditional = true
			}
		}
	}
}

// difficultyWords say how hard something is to do.
var difficultyWords = setOf(`hard difficult difficulty impossible tough tricky`)

// avoidedClauses marks the words after a verb of avoiding, up to the end
// of its clause: "to successfully avoid falling prey to fractious
// domestic politics" keeps the falling from happening.
func avoidedClauses(toks []token) {
	markAfter(toks, avoidVerbs, false, func(t *token) { t.avoided = true })
}

// abandonedClauses marks the words of what a verb of abandoning sets
// aside, to the end of its clause or an "and": "abandoning the failed
// approach of the past and instead working toward…".
func abandonedClauses(toks []token) {
	markAfter(toks, abandonVerbs, true, func(t *token) { t.abandoned = true })
}

// markAfter marks, after each of verbs that no denial reaches, the words
// to the end of its clause or a "but" (or an "and", when atAnd).
func markAfter(toks []token, verbs map[string]bool, atAnd bool, mark func(*token)) {
	for i := range toks {
		if !verbs[toks[i].word] || toks[i].negated {
			continue
		}
		for j := i + 1; j < len(toks); j++ {
			if toks[j].clause || toks[j].opens || clauseWords[toks[j].word] || toks[j].word == "but" || atAnd && toks[j].word == "and" {
				break
			}
			mark(&toks[j])
		}
	}
}

// abandonVerbs set aside what follows them.
var abandonVerbs = setOf(`abandon abandons abandoned abandoning`)

// avoidVerbs keep what follows them from happening.
var avoidVerbs = setOf(`avoid avoids avoided avoiding prevent prevents prevented preventing`)

// reportedViews marks the words of a view that a sentence reports as a
// portrayal, a likeness or a supposition, not as its own claim, up to the
// end of its clause or a "but": "pundits portray Iran as if it rivals the
// Soviet Union, but…", "despite portrayals likening it to the Soviet
// Union", "one would think that it rivals…", "rejects the idea that Iran
// rivals…". A text may deny such a view ("Simply put: It doesn't.")
// where a sentence reporting it says it all the same. A quotation's
// opening mark ends no view: 'one would think Iran “rivals the former
// Soviet Union”' reports the quoted words (two faithful drafts more kept
// on the tuning sets, no unsupported one let through).
func reportedViews(toks []token) {
	for i := range toks {
		n := viewOpener(toks, i)
		if n == 0 {
			continue
		}
		for j := i + n; j < len(toks); j++ {
			if j > i+n && toks[j].clause && !toks[j].quoting || toks[j].word == "but" || toks[j].opens {
				break
			}
			toks[j].reported = true
		}
	}
}

// endorsedViews takes back the report of a view that a later clause of
// its sentence endorses: "some portray Iran as rivaling the Soviet Union,
// and the author agrees that it does", "…, a view the author shares", "…,
// which cannot be ruled out" claim the view as the sentence's own. An
// endorsement the sentence denies ("a view the author does not share")
// endorses nothing.
func endorsedViews(toks []token) {
	for i := 1; i < len(toks); i++ {
		if !toks[i-1].reported || toks[i].reported || toks[i].opens {
			continue
		}
		end := i
		for end < len(toks) && !toks[end].opens {
			end++
		}
		if !endorses(toks[i:end]) {
			continue
		}
		for j := i - 1; j >= 0 && toks[j].reported; j-- {
			toks[j].reported = false
		}
	}
}

// endorses reports whether toks, the rest of a sentence after a view it
// reports, endorse that view: a verb of agreeing not denied, the text's
// voice among the three words before it, or "cannot be ruled out".
func endorses(toks []token) bool {
	for k, t := range toks {
		if t.clause && k > 0 && t.word == "but" {
			return false
		}
		if endorsingVerbs[t.word] && !t.negated && slices.ContainsFunc(toks[max(0, k-3):k], func(u token) bool { return endorsers[u.word] }) {
			return true
		}
		if wordsAt(toks, k, []string{"ruled", "out"}) && k > 1 && toks[k-1].word == "be" && toks[k-2].negator {
			return true
		}
	}
	return false
}

// endorsers are the subjects whose agreeing endorses a view the sentence
// reports: the text's voice ("the author agrees", "a view he shares"), not
// anyone else ("both sides share an interest", "a mutually agreed
// endgame").
var endorsers = setOf(`author writer article piece he she`)

// endorsingVerbs say their subject holds a view too.
var endorsingVerbs = setOf(`agree agrees agreed agreeing share shares shared sharing endorse endorses endorsed endorsing
concur concurs concurred`)

// viewOpener is how many words open a reported view at toks[i], 0 for
// none: see reportedViews.
func viewOpener(toks []token, i int) int {
	if portrayalWords[toks[i].word] {
		return 1
	}
	for _, p := range viewPhrases {
		if wordsAt(toks, i, p) {
			return len(p)
		}
	}
	return 0
}

// portrayalWords report a view as someone's picture of a thing, and
// viewPhrases as a supposition or an idea.
var (
	portrayalWords = setOf(`portray portrays portrayed portraying portrayal portrayals depict depicts depicted
depicting depiction depictions liken likens likened likening`)
	viewPhrases = phrases(`as if`, `as though`, `would think`, `lead one to believe`, `leads one to believe`,
		`idea that`, `notion that`, `make it sound`, `makes it sound`, `made it sound`, `make it look`, `makes it look`,
		`made it look`)
)

// conditionLater reports whether the clause toks[i], "without", opens
// states a condition by what the clause right after it says: it is denied
// before any word that opens a clause of its own, or after the
// condition's clause joins another ("Without their involvement, there
// would be no diplomacy"; not "…, efforts went ahead and did not
// falter"), or it says what would, could or might happen, or what is
// risked ("Without political cover for both leaders, the negotiations
// risk falling prey to…", the need for what it lacks, as "it will be
// necessary to provide political cover" says). Within the condition's own
// clause a denial counts too ("Without X the talks would not happen").
func conditionLater(toks []token, i int) bool {
	breaks := 0
	for _, t := range toks[i+1:] {
		if t.opens {
			return false
		}
		if t.clause {
			if breaks++; breaks > 1 {
				return false
			}
		}
		if clauseWords[t.word] || breaks > 0 && (t.word == "and" || t.word == "or") {
			// "Without Obama and Khamenei…" names two in the condition;
			// after it, "and" joins a claim of its own.
			return false
		}
		if negators[t.word] || breaks == 1 && riskWords[t.word] {
			return true
		}
	}
	return false
}

// riskWords say what would or might happen.
var riskWords = setOf(`risk risks risking would could might`)

// deniedBack reverses the last clause of a sentence that the next one
// denies by an ellipsis, from after its subject: "one would think that it
// rivals the Soviet Union. Simply put: It doesn't." denies the rivalry;
// "some say that Congress wants war. It doesn't." denies the wanting, not
// Congress. So does a clause of the same sentence that a clause word opens,
// after "but": "as though it rivaled the Soviet Union, but it does not".
func deniedBack(toks []token) {
	for j := range toks {
		from, mid := j-1, false
		switch {
		case toks[j].opens && ellipticDenial(toks[j:]):
		case j > 1 && toks[j-1].word == "but" && !toks[j].opens && !toks[j].clause && bareDenial(clauseFrom(toks, j)):
			// "…as though it rivaled the Soviet Union, but it does not."
			from, mid = j-2, true
		default:
			continue
		}
		for from > 0 && !toks[from].clause && !clauseWords[toks[from].word] && !toks[from].opens {
			from--
		}
		if mid && !clauseWords[toks[from].word] {
			// Within a sentence only a clause of its own ("as though…",
			// "that…") is what the denial takes back, not the sentence
			// that reports it ("Pundits portray Iran as…, but…").
			continue
		}
		// The clause's subject: a pronoun, a name, or a determiner and
		// the noun after it ("the hardliners").
		for from < j && (clauseWords[toks[from].word] || denialSubjects[toks[from].word] || toks[from].capital) {
			from++
		}
		if from < j && determiners[toks[from].word] {
			from++
			for from < j && toks[from].capital {
				from++
			}
			if from < j {
				from++
			}
		}
		for k := from; k < j; k++ {
			if !toks[k].negator {
				toks[k].negated = !toks[k].negated
			}
		}
	}
}

// determiners open a noun phrase: "far from the capital", "the Congress".
var determiners = setOf(`the a an its their his her our this that these those some`)

// ellipticDenial reports whether the sentence toks open is a bare denial of
// the one before, after any lead-in ending in a colon: a pronoun and a
// negated auxiliary ("It doesn't.", "They are not.").
func ellipticDenial(toks []token) bool {
	end := 1
	for end < len(toks) && !toks[end].opens {
		end++
	}
	s := toks[:end]
	for i := len(s) - 1; i > 0; i-- {
		if s[i].clause {
			s = s[i:] // "Simply put: it doesn't."
			break
		}
	}
	return bareDenial(s)
}

// bareDenial reports whether toks are a pronoun and a negated auxiliary
// and nothing else: "it doesn't", "they are not".
func bareDenial(s []token) bool {
	switch {
	case len(s) == 2:
		return denialSubjects[s[0].word] && negators[s[1].word] && strings.HasSuffix(s[1].word, "nt")
	case len(s) == 3:
		return denialSubjects[s[0].word] && auxiliaries[s[1].word] && s[2].word == "not"
	}
	return false
}

// clauseFrom returns the tokens from toks[j] up to the end of its clause.
func clauseFrom(toks []token, j int) []token {
	end := j + 1
	for end < len(toks) && !toks[end].clause && !toks[end].opens {
		end++
	}
	return toks[j:end]
}

// denialSubjects and auxiliaries make up a bare denial: "It doesn't.",
// "They are not."; auxiliaries also open a question ("Is…?") and end a
// contrast ("…and does not rival…").
var (
	denialSubjects = setOf(`it they he she that this we you one i`)
	auxiliaries    = setOf(`is are was were be do does did has have had will would can could should must may might`)
)

// reportingVerbs take a clause of their own as object, often without
// "that": a negation before them denies the verb, not its clause.
var reportingVerbs = setOf(`believe believes believed think thinks thought say says said expect expects expected
suppose supposes supposed claim claims claimed argue argues argued agree agrees agreed know knows knew
feel feels felt hope hopes hoped`)

// tooBefore reports whether "too" stands up to three words before toks[i],
// in its clause, with a word between: "too wide to", "too far apart to".
func tooBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if toks[j+1].clause {
			return false
		}
		if toks[j].word == "too" {
			// "Officials too are prepared to…": "too" for "also".
			return j < i-1 && !auxiliaries[toks[j+1].word] && !linkingVerbs[toks[j+1].word]
		}
	}
	return false
}

// fillerAdverbs may stand between "too … to" and the verb it denies ("too
// wide to ever bridge").
var fillerAdverbs = setOf(`ever even really fully quite`)

// linkingVerbs after "too" say it means "also": "officials too seem
// prepared".
var linkingVerbs = setOf(`seem seems seemed appear appears appeared look looks looked`)

// hidingVerbs hide, pass over or put something above what they act on: a
// negation before them denies that, and so asserts their object ("should
// not obscure the interest", "words should not overshadow facts", "should
// not outweigh facts").
var hidingVerbs = setOf(`obscure obscures obscured obscuring overshadow overshadows overshadowed overshadowing
overlook overlooks overlooked overlooking ignore ignores ignored ignoring hide hides hid hidden hiding
eclipse eclipses eclipsed eclipsing neglect neglects neglected neglecting forget forgets forgot forgotten
forgetting mask masks masked masking outweigh outweighs outweighed outweighing trump trumps trumped trumping
override overrides overrode overridden overriding`)

// contrast reports whether toks[i] opens a pair such as "rather than".
// "Far from" before a name says where, not what is not: "far from
// Washington"; "far from the only pathway" denies.
func contrast(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].clause {
		return false
	}
	if toks[i].word == "far" && (i+2 >= len(toks) || toks[i+2].capital) {
		return false
	}
	for _, p := range contrastPairs {
		if toks[i].word == p[0] && toks[i+1].word == p[1] {
			return true
		}
	}
	return false
}

// pluralPossessive reports whether the word of text ending at end is a
// plural written possessive by an apostrophe alone, a noun after it
// ("both sides' interests").
func pluralPossessive(text string, end int) bool {
	if end == 0 || text[end-1] != 's' {
		return false
	}
	rest, ok := strings.CutPrefix(text[end:], "'")
	if !ok {
		if rest, ok = strings.CutPrefix(text[end:], "’"); !ok {
			return false
		}
	}
	// A noun follows: "sides' interests", not a closing quotation mark
	// ("…doing favors' [1].").
	rest, ok = strings.CutPrefix(rest, " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return ok && unicode.IsLetter(r)
}

// scanTokens splits text into words: runs of letters and digits, with
// apostrophes inside a word and the dots of an acronym ("U.S.") kept, and
// notes where punctuation ends a clause.
func scanTokens(text string) []token {
	var toks []token
	clause, opens, quoting, compound := false, false, false, false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			before, _ := utf8.DecodeLastRuneInString(text[:i])
			compound = r == '-' && len(toks) > 0 && !clause && isWordRune(before) && isWordRune(next)
			brk := clauseBreak(text, i, r, size)
			if brk {
				// An opening quotation mark carries the clause on only
				// where no other break stands before the word.
				quoting = !clause && (r == '“' || r == '"') && !endsQuote(text, i)
			}
			clause = clause || brk
			opens = opens || brk && (r == '.' || r == '!' || r == '?')
			i += size
			continue
		}
		word, end := scanWord(text, i)
		raw := text[i:end]
		possessive := strings.HasSuffix(raw, "'s") || strings.HasSuffix(raw, "’s") || pluralPossessive(text, end)
		toks = append(toks, token{word: word, clause: clause, quoting: quoting, opens: opens && len(toks) > 0, capital: unicode.IsUpper(r), possessive: possessive, compound: compound})
		clause, opens, quoting, compound = false, false, false, false
		i = end
	}
	return toks
}

// scanWord reads the word at text[start:] and returns it as knowledge.Terms
// writes it (lower-case, apostrophes and a possessive 's dropped, the dots
// of an acronym dropped) and where it ends.
func scanWord(text string, start int) (word string, end int) {
	var b strings.Builder
	i := start
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		switch {
		case isWordRune(r):
			b.WriteRune(unicode.ToLower(r))
		case (r == '\'' || r == '’') && isWordRune(next):
			b.WriteByte('\'')
		case r == '.' && unicode.IsLetter(next) && acronymDot(text[start:i]):
		default:
			return fold(b.String()), i
		}
		i += size
	}
	return fold(b.String()), i
}

// fold drops a possessive 's, a contraction's verb ("it'll") and the
// apostrophes of a contraction ("won't" is "wont"), as knowledge reads
// words.
func fold(w string) string { return knowledge.Fold(w) }

// acronymDot reports whether a dot after word continues an acronym: every
// part before it is a single letter ("U", "U.S").
func acronymDot(word string) bool {
	for part := range strings.SplitSeq(word, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// acronymEnd reports whether text ends in an acronym written with dots,
// its last dot left off ("the U.S").
func acronymEnd(text string) bool {
	start := strings.LastIndexFunc(text, func(r rune) bool { return !isWordRune(r) && r != '.' })
	word := text[start+1:]
	return strings.Contains(word, ".") && acronymDot(word)
}

// lowerAfter reports whether the first word of text, after white space,
// opens in lower case: a sentence goes on.
func lowerAfter(text string) bool {
	rest := strings.TrimLeftFunc(text, unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(rest)
	return len(rest) < len(text) && unicode.IsLower(r)
}

// clauseBreak reports whether the punctuation r at text[i:] ends a clause:
// brackets, quotation marks and dashes always do; a period, comma, colon,
// semicolon or mark of exclamation or question does when white space or the
// end follows it (not in "3.5", "1,000" or a URL), but not the dot closing
// an acronym that a word in lower case follows ("the U.S. government").
func clauseBreak(text string, i int, r rune, size int) bool {
	switch r {
	case '(', ')', '[', ']', '–', '—', '―', '"', '“', '”', '«', '»', '„':
		return true
	case '.', ',', ':', ';', '!', '?', '…':
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		if r == '.' && acronymEnd(text[:i]) && lowerAfter(text[i+size:]) {
			return false // "the U.S. government"
		}
		return i+size == len(text) || unicode.IsSpace(next) || isDoubleQuote(next) || next == ')'
	case '-':
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		return unicode.IsSpace(prev) && unicode.IsSpace(next) // a dash, not a hyphen
	}
	return false
}

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// endsQuote reports whether the straight double quotation mark at text[i]
// closes a quotation rather than opens one: a word ends right before it.
func endsQuote(text string, i int) bool {
	if text[i] != '"' {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return isWordRune(prev) || prev == '.' || prev == ',' || prev == '?' || prev == '!'
}
