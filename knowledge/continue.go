package knowledge

import (
	"slices"
	"strings"
)

// Continue answers a follow-up that asks about the previous answer itself
// ("is that accurate?", "does that include all of them?", "what came of
// it?") from the paragraph that answer quoted: what a reader asks next is
// most often answered by the sentences around the ones just read. previous
// is the previous answer as shown (its quotes, or a draft's wording); its
// paragraph is the one it quotes word for word, or else the one a question
// made of it finds. Only the question's own words count; q.Context is not
// read.
//
// The sentence of that paragraph not quoted yet that best holds the
// question's words is quoted; when none holds any of them, the one after
// the last quoted (or, at the paragraph's end, the one before the first):
// the continuation of what was read. It declines when every sentence of the
// paragraph was quoted already, when the question names something the
// knowledge base does not know or asks about a kind of thing it knows by
// no form ("which senators…?"; see focusUnknown: two conversations more of
// 1,388 on the tuning sets, none lost), and when the question word asks for what
// the chosen sentence lacks ("when…?" a time, "who…?" a name, "how
// many…?" a number, of what it asks about: "four big picture issues"
// counts no countries). The caller asks it only of a short question that
// refers back and is not answered otherwise.
func (ix *Index) Continue(q Query, previous string) Answer {
	return ix.continueIn(q, previous, false)
}

// ContinueInSection is Continue over the paragraph the previous answer
// quoted and those after it under the same heading: "and in Iran?" after
// a sentence on spoilers in general asks about the side the section names
// next, often in the paragraph after. (The paragraphs before it are left:
// what the section says before the answer read is no continuation of it,
// and on the tuning sets they cost a conversation.)
func (ix *Index) ContinueInSection(q Query, previous string) Answer {
	return ix.continueIn(q, previous, true)
}

func (ix *Index) continueIn(q Query, previous string, section bool) Answer {
	a := Answer{Question: q.Text}
	first, end, quoted := ix.quotedIn(previous)
	if len(quoted) == 0 {
		return a
	}
	if section {
		end = ix.sectionEnd(first)
	}
	s, query := ix.begin(q.Text, "")
	defer ix.release(s)
	a.ContentWords = query.asked
	if query.strangers > 0 || query.unknownFocus {
		return a
	}
	best, bestScore := int32(-1), float32(0)
	for u := first; u < end; u++ {
		if slices.Contains(quoted, u) {
			continue
		}
		var m [maxSlots]float32
		ix.match(query, s, u, m[:len(query.slots)], 1)
		var sc float32
		for i, c := range m[:query.asked] {
			sc += c * query.slots[i].weight
		}
		if sc > bestScore {
			best, bestScore = u, sc
		}
	}
	if best < 0 {
		if query.cue == hasTime && query.asked > 0 && (query.named || query.pronoun) {
			// "When did he serve as ambassador?": a time in the next
			// sentence, which shares none of the question's words, dates
			// something else than what someone did. ("How long has it
			// been since that happened?" asks of what was just read.)
			return a
		}
		if best = nextUnread(first, end, quoted); best < 0 {
			return a
		}
	}
	if query.cue != 0 && !ix.holdsCue(query, best) {
		return a
	}
	if noun := countedNoun(q.Text); query.cue == hasNumber && noun != "" && !ix.counts(best, noun) {
		// "How many countries took part in them?": a number in the
		// sentence read next counts something else ("four big picture
		// issues").
		return a
	}
	if query.later && query.whPos < 0 && !ix.tellsOutcome(query, best) {
		// "Did they end up passing?": a text written before the outcome
		// does not tell it, whatever it says next. ("And what did those
		// end up doing?" asks what they did, which it may tell.)
		return a
	}
	if query.next && !askedNext(unitWords(ix.unitText(best))) || query.ago && !tellsAgo(ix.unitText(best)) {
		// "And where's the next round?": what the text says next is
		// about this round, unless it speaks of the next; "what
		// happened back then?" about no time past, unless it says so.
		return a
	}
	un := ix.unit(best)
	p := ix.passages[un.passage]
	a.Answerable, a.Confidence = true, AnswerThreshold
	a.Quotes = []Quote{{Passage: p, Sentence: int(un.sentence), Score: a.Confidence}}
	if next := best + 1; un.n < shortSentence && next < end && !slices.Contains(quoted, next) {
		// "Simply put: It doesn't." says little without what follows.
		a.Quotes = append(a.Quotes, Quote{Passage: p, Sentence: int(un.sentence) + 1, Score: a.Confidence})
	}
	a.Hits = []Hit{{Passage: p, Score: a.Confidence}}
	return a
}

// shortSentence is the fewest content words a continuation's sentence
// needs to be quoted alone.
const shortSentence = 4

// quotedIn finds the paragraph an answer's text comes from (the units from
// first to end) and the units of it the text quotes word for word; when it
// quotes none so (a draft's wording), the one that answers its text best,
// if it covers enough of it.
func (ix *Index) quotedIn(text string) (first, end int32, quoted []int32) {
	if strings.TrimSpace(text) == "" {
		return 0, 0, nil
	}
	s, q := ix.begin(text, "")
	cands := ix.rank(q, s)
	top, cover := int32(-1), float32(0)
	if len(cands) > 0 {
		top, cover = cands[0].unit, cands[0].coverage
	}
	// An answer opens with its best quote: of the sentences it quotes
	// word for word among the best candidates, the one it quotes first
	// says where it comes from ("Rhetoric… should come as no surprise."
	// before a second quote from another paragraph). On the tuning
	// sets' conversations it changed one outcome, a wrong answer for a
	// decline; "why not?" after such an answer is its case in the tests.
	flat := flatten(text)
	at := -1
	for _, c := range cands[:min(len(cands), maxQuotedCandidates)] {
		if i := strings.Index(flat, flatten(ix.unitText(c.unit))); i >= 0 && (at < 0 || i < at) {
			top, at = c.unit, i
		}
	}
	ix.release(s) // cands belongs to s: nothing of it is read after this
	if top < 0 {
		return 0, 0, nil
	}
	p := ix.unitPassage[top]
	first, end = ix.passFirst[p], int32(ix.numUnits())
	if int(p)+1 < len(ix.passFirst) {
		end = ix.passFirst[p+1]
	}
	for u := first; u < end; u++ {
		if strings.Contains(flat, flatten(ix.passages[p].Sentences[u-first].Text)) {
			quoted = append(quoted, u)
		}
	}
	if len(quoted) == 0 && cover >= minRewordedCover {
		quoted = append(quoted, top)
	}
	return first, end, quoted
}

// maxQuotedCandidates is how many of the best candidates for a previous
// answer quotedIn looks at for the sentence it quotes first.
const maxQuotedCandidates = 8

// minRewordedCover is how much of a previous answer that quotes nothing
// word for word (a draft's wording) the sentence it is taken to come from
// must cover.
const minRewordedCover = 0.5

// nextUnread returns the first unit after the last quoted one in the
// paragraph, or else the last unit before the first quoted one, or -1 when
// every unit of the paragraph was quoted.
func nextUnread(first, end int32, quoted []int32) int32 {
	last, earliest := quoted[len(quoted)-1], quoted[0]
	for u := last + 1; u < end; u++ {
		if !slices.Contains(quoted, u) {
			return u
		}
	}
	for u := earliest - 1; u >= first; u-- {
		if !slices.Contains(quoted, u) {
			return u
		}
	}
	return -1
}

// flatten folds white space to single spaces, for finding a sentence in a
// reply that may wrap it.
func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

// maxMorePassages bounds how many passages More reads past the one an
// answer comes from, looking for where it stopped.
const maxMorePassages = 8

// More answers a request for more of the previous answer ("can you say
// more?", "go on") with what comes after it in its document: the first
// sentence after the last one it quoted, in the paragraph it comes from or
// the ones after it that it quoted too, and the next sentence as well when
// that one is short. It declines when previous holds nothing of the
// knowledge base, word for word or reworded closely enough (see quotedIn),
// and at the end of the document.
func (ix *Index) More(previous string) Answer {
	first, _, quoted := ix.quotedIn(previous)
	return ix.moreAfter(previous, first, quoted)
}

// moreAfter is More for a previous answer already found in the paragraph
// that starts at unit first, quoting the units quoted.
func (ix *Index) moreAfter(previous string, first int32, quoted []int32) Answer {
	var a Answer
	if len(quoted) == 0 {
		return a
	}
	p := ix.unitPassage[first]
	flat := flatten(previous)
	last := quoted[len(quoted)-1]
	// Later passages of the same document that the answer quotes too (a
	// theme's summary quotes several).
	for next := p + 1; int(next) < len(ix.passages) && next <= p+maxMorePassages; next++ {
		if ix.passages[next].Doc != ix.passages[p].Doc {
			break
		}
		nFirst, nEnd := ix.passFirst[next], int32(ix.numUnits())
		if int(next)+1 < len(ix.passFirst) {
			nEnd = ix.passFirst[next+1]
		}
		found := false
		for u := nFirst; u < nEnd; u++ {
			if strings.Contains(flat, flatten(ix.passages[next].Sentences[u-nFirst].Text)) {
				last, found = u, true
			}
		}
		if !found {
			break
		}
	}
	// Past every sentence the answer quoted, within the passages read.
	u := last + 1
	for int(u) < ix.numUnits() && ix.unitPassage[u] <= p+maxMorePassages+1 && strings.Contains(flat, flatten(ix.unitText(u))) {
		u++
	}
	if int(u) >= ix.numUnits() || ix.passages[ix.unitPassage[u]].Doc != ix.passages[p].Doc {
		return a
	}
	un := ix.unit(u)
	pass := ix.passages[un.passage]
	a.Answerable, a.Confidence = true, AnswerThreshold
	a.Quotes = []Quote{{Passage: pass, Sentence: int(un.sentence), Score: a.Confidence}}
	if un.n < shortSentence && int(un.sentence)+1 < len(pass.Sentences) {
		a.Quotes = append(a.Quotes, Quote{Passage: pass, Sentence: int(un.sentence) + 1, Score: a.Confidence})
	}
	a.Hits = []Hit{{Passage: pass, Score: a.Confidence}}
	return a
}

// resultWords say that a sentence tells what something led to ("have not
// only caused the drumbeat of war to intensify", "has presented a unique
// window").
var resultWords = wordSet(`cause caused causes causing led result resulted results resulting produce produced
produces producing create created creates creating yield yielded yields trigger triggered triggers spark sparked
fuel fueled fuelled provide provided provides providing`)

// carryOpeners open a sentence that takes up the one before it as a whole.
var carryOpeners = []string{"this", "these", "in turn", "as a result"}

// Outcome answers a follow-up that asks what the previous answer as a
// whole led to ("what has that realization led to?"), not the things it
// names ("what did those lead to?"): when the answer quoted one sentence
// and the next takes it up as a whole ("This sharpened focus … has
// presented a unique window…" after "…officials now openly acknowledge
// that alternatives … have caused the drumbeat of war to intensify"), the
// next, where the sentence read tells a result of its own; else as
// Consequence. Chosen on the tuning sets: twelve conversations of 2,504
// more answered with the sentence expected, none lost; read so for
// "those" and "they" too, ten were lost.
func (ix *Index) Outcome(previous string) Answer {
	_, end, quoted := ix.quotedIn(previous)
	if len(quoted) == 1 && quoted[0]+1 < end && opensWith(ix.unitText(quoted[0]+1), carryOpeners) {
		return ix.sentenceAnswer(quoted[0] + 1)
	}
	return ix.Consequence(previous)
}

// Consequence answers a follow-up that asks what the previous answer led
// to ("what effect have they had?", "what came of it?"): the answer's own
// first sentence when it tells a result itself ("alternatives to diplomacy
// … have not only caused the drumbeat of war to intensify"), else the
// sentence after next when that one tells a result and the next does not,
// else what comes after the answer (More): a text tells what something led
// to right after it. It declines as More does. Chosen on the tuning sets:
// the sentence after next gave three conversations more of 1,144, none
// lost.
func (ix *Index) Consequence(previous string) Answer {
	first, end, quoted := ix.quotedIn(previous)
	if len(quoted) == 0 {
		return Answer{}
	}
	tells := func(u int32) bool {
		told := false
		scanWords(ix.unitText(u), func(w word) { told = told || resultWords.has(w) })
		return told
	}
	// The first sentence quoted that tells a result: "By backing the
	// interim deal, they provided an unprecedented foundation…" after
	// "…openly supported President Obama and Ayatollah Khamenei".
	pick := quoted[0]
	if i := slices.IndexFunc(quoted, tells); i >= 0 {
		pick = quoted[i]
	}
	if !tells(pick) {
		// The sentence after next, in the paragraph, when it tells a
		// result and the next does not ("Washington deserves credit
		// for…" before "The results have been clear…"); else the next.
		if u := quoted[len(quoted)-1] + 2; u < end && tells(u) && !tells(u-1) {
			pick = u
		} else if u, ok := ix.resultAfterOther(previous, first, end, tells); ok {
			// The answer quotes another paragraph too, and there the
			// sentence after its quote tells a result: "Washington
			// deserves credit for…", the answer's second quote, before
			// "The results have been clear…". Chosen on the tuning sets:
			// a conversation more of 1,760, none lost.
			pick = u
		} else {
			return ix.moreAfter(previous, first, quoted)
		}
	}
	return ix.sentenceAnswer(pick)
}

// Reason answers a follow-up that asks why of the previous answer ("why is
// that needed?", "why not?", "why would that even work?") from the
// sentences beside it, where a text gives its reasons: the sentence before
// the answer's first when that one says it follows from it ("To that end,
// securing a final deal will require…" after "…it will be necessary to
// provide political cover"), else the sentence after the answer's last
// when that one goes on to explain it ("But words should not overshadow
// facts: …" after "…should come as no surprise", "In turn, this will
// ensure…"). It declines otherwise, and as More does.
func (ix *Index) Reason(previous string) Answer {
	first, end, quoted := ix.quotedIn(previous)
	if len(quoted) == 0 {
		return Answer{}
	}
	pick := int32(-1)
	if u := quoted[0]; u > first && opensWith(ix.unitText(u), followPhrases) && !slices.Contains(quoted, u-1) {
		pick = u - 1
	} else if u := quoted[len(quoted)-1] + 1; u < end && opensWith(ix.unitText(u), explainPhrases) {
		pick = u
	}
	if pick < 0 {
		return Answer{}
	}
	return ix.sentenceAnswer(pick)
}

// Named answers a follow-up that asks who or where of the previous answer
// itself ("who came up with it?", "where was the author when they heard
// that?") with the sentence the answer quotes first, when that sentence
// names a person (person set: "Ambassador John Limbert beautifully
// described…") or else a place or any other name ("…upon arriving in
// Vienna"): a text says who said a thing, or where, in the sentence that
// says it. It declines otherwise, and as More does.
func (ix *Index) Named(previous string, person bool) Answer {
	_, _, quoted := ix.quotedIn(previous)
	if len(quoted) == 0 {
		return Answer{}
	}
	u := quoted[0]
	var buf [64]int32
	for _, id := range ix.termsOf(ix.unit(u), buf[:0]) {
		if person && ix.persons[id] {
			return ix.sentenceAnswer(u)
		}
	}
	if !person {
		first := true
		named := false
		scanWords(ix.unitText(u), func(w word) {
			named = named || w.capital && !first
			first = false
		})
		if named {
			return ix.sentenceAnswer(u)
		}
	}
	return Answer{}
}

// NamesAhead answers a follow-up that asks for the names of the people
// the previous answer speaks of ("any names?", "who does it name?") with
// the first sentence of its paragraph, from the one it quotes first on,
// that names a person the question before (asked) did not name, the
// answer's own sentence included: "Support at the top has helped create a trickle-down
// effect, producing… officials" is followed by "Foreign Minister Zarif,
// Secretary Kerry and members of their respective negotiating teams…". It
// declines when no such sentence follows in the paragraph.
func (ix *Index) NamesAhead(previous, asked string) Answer {
	_, end, quoted := ix.quotedIn(previous)
	if len(quoted) == 0 {
		return Answer{}
	}
	named := make(map[string]bool)
	for _, t := range Terms(asked) {
		named[t.Stem] = true
	}
	var buf [64]int32
	for u := quoted[0]; u < end; u++ {
		for _, id := range ix.termsOf(ix.unit(u), buf[:0]) {
			if ix.persons[id] && !named[ix.stem(id)] {
				return ix.sentenceAnswer(u)
			}
		}
	}
	return Answer{}
}

// sentenceAnswer answers with unit u alone, at the threshold's confidence:
// a follow-up's sentence found by where it stands, not by its words.
func (ix *Index) sentenceAnswer(u int32) Answer {
	un := ix.unit(u)
	p := ix.passages[un.passage]
	a := Answer{Answerable: true, Confidence: AnswerThreshold}
	a.Quotes = []Quote{{Passage: p, Sentence: int(un.sentence), Score: a.Confidence}}
	a.Hits = []Hit{{Passage: p, Score: a.Confidence}}
	return a
}

// followPhrases open a sentence that follows from the one before it, which
// gives its reason; explainPhrases one that goes on to explain the one
// before it.
var (
	followPhrases  = []string{"to that end", "to this end", "for that reason", "for this reason", "that is why", "this is why", "as a result", "therefore", "thus", "hence", "so"}
	explainPhrases = []string{"but", "in turn", "after all", "that is because", "this is because"}
)

// opensWith reports whether sentence opens with one of phrases.
func opensWith(sentence string, phrases []string) bool {
	var first []string
	scanWords(sentence, func(w word) {
		if len(first) < 4 {
			first = append(first, w.text)
		}
	})
	lead := strings.Join(first, " ") + " "
	for _, p := range phrases {
		if strings.HasPrefix(lead, p+" ") {
			return true
		}
	}
	return false
}

// maxRemedyAhead bounds how many sentences past the previous answer Remedy
// reads for what the text says is to be done.
const maxRemedyAhead = 8

// Remedy answers a follow-up that asks what is to be done about what the
// previous answer told ("how do you deal with them?", "so what are they
// supposed to do about it?"): the first sentence after the answer, in its
// section and at most maxRemedyAhead sentences on, that says what must,
// needs to or is the only way to be done ("The only way to neutralize them
// is…", "…will need to lower expectations publicly…"), the answer's own
// sentences passed over; else what comes right after it (More).
func (ix *Index) Remedy(previous string) Answer {
	first, _, quoted := ix.quotedIn(previous)
	if len(quoted) == 0 {
		return Answer{}
	}
	p := ix.unitPassage[first]
	inSection := func(u int32) bool {
		q := ix.unitPassage[u]
		return ix.passages[q].Doc == ix.passages[p].Doc && ix.passSec[q] == ix.passSec[p]
	}
	if u, ok := ix.firstAhead(previous, quoted, maxRemedyAhead, inSection, prescribes); ok {
		return ix.sentenceAnswer(u)
	}
	return ix.moreAfter(previous, first, quoted)
}

// firstAhead returns the first of the next limit sentences after the last
// one quoted of previous, those previous quotes passed over and while
// within holds, whose text ok accepts.
func (ix *Index) firstAhead(previous string, quoted []int32, limit int, within func(u int32) bool, ok func(text string) bool) (int32, bool) {
	flat := flatten(previous)
	for u, n := quoted[len(quoted)-1]+1, 0; int(u) < ix.numUnits() && n < limit && within(u); u++ {
		text := ix.unitText(u)
		if strings.Contains(flat, flatten(text)) {
			continue
		}
		n++
		if ok(text) {
			return u, true
		}
	}
	return 0, false
}

// prescriptionWords say what must or needs to be done.
var prescriptionWords = wordSet(`must need needs necessary require requires required essential ought`)

// prescribes reports whether text says what must or needs to be done: a
// word of prescriptionWords, or "the only way".
func prescribes(text string) bool {
	found, prev := false, ""
	scanWords(text, func(w word) {
		found = found || prescriptionWords.has(w) || prev == "only" && w.text == "way"
		prev = w.text
	})
	return found
}

// maxCaveatAhead bounds how many sentences past the previous answer Caveat
// reads for the catch the text puts to it.
const maxCaveatAhead = 2

// Caveat answers a follow-up that asks for the catch in what the previous
// answer told ("what's the downside though?", "any risk in that?"): the
// first of the next maxCaveatAhead sentences after the answer, in its
// paragraph, that opens with a turn ("However, an overemphasis on this
// skepticism risks…" after "A degree of skepticism… is understandable")
// or speaks of a risk or danger; or such a sentence the answer itself
// quoted after its first. It declines otherwise, and as More does.
func (ix *Index) Caveat(previous string) Answer {
	catch := func(text string) bool { return opensWith(text, turnPhrases) || warns(text) }
	return ix.answeredBy(previous, maxCaveatAhead, catch)
}

// Rebuttal answers a follow-up that challenges the previous answer ("then
// why keep going?", "so what's the reality then?", "is the writer saying
// that's wrong?"): of the two sentences right after the answer, in its
// paragraph, the first that opens with a turn ("However, the likely
// alternative — war — is a stark reminder…" after "…may be too wide to
// bridge"; "However, the bigger picture is no less important…" after
// "…has rightly focused on the various technical details…" and "Indeed,
// the devil is in the details."); or such a sentence the answer itself
// quoted after its first. It declines otherwise, and as More does. Two
// sentences, not one, chosen on the tuning sets: two conversations more,
// none lost.
func (ix *Index) Rebuttal(previous string) Answer {
	return ix.answeredBy(previous, 2, func(text string) bool { return opensWith(text, turnPhrases) })
}

// answeredBy answers with the first sentence after the answer's first that
// the answer itself quoted and ok accepts (an answer of several sentences
// may hold what is asked already: "…is understandable. … However, an
// overemphasis…"), else the first of the next limit sentences after it, in
// its paragraph, that ok accepts. It declines otherwise.
func (ix *Index) answeredBy(previous string, limit int, ok func(text string) bool) Answer {
	_, end, quoted := ix.quotedIn(previous)
	if len(quoted) == 0 {
		return Answer{}
	}
	for _, u := range quoted[1:] {
		if ok(ix.unitText(u)) {
			return ix.sentenceAnswer(u)
		}
	}
	inParagraph := func(u int32) bool { return u < end }
	if u, found := ix.firstAhead(previous, quoted, limit, inParagraph, ok); found {
		return ix.sentenceAnswer(u)
	}
	return Answer{}
}

// turnPhrases open a sentence that turns against the one before it.
var turnPhrases = []string{"however", "but", "yet", "still", "that said", "even so", "nevertheless", "nonetheless"}

// riskWords speak of what may go wrong.
var riskWords = wordSet(`risk risks risking danger dangers dangerous threat threaten threatens pitfall pitfalls`)

// warns reports whether text speaks of a risk or danger.
func warns(text string) bool {
	found := false
	scanWords(text, func(w word) { found = found || riskWords.has(w) })
	return found
}

// Quotation answers a follow-up that asks for the words the previous
// answer quoted someone as saying ("what were his exact words?", "what was
// the rest of the quote?"): the first sentence the answer quoted that holds
// a quotation, which the splitter keeps whole ("…told me: “We’re not in
// the business of doing favors. We’re in the business of pursuing our
// interests.”"). It declines when the answer quoted no quotation, and as
// More does.
func (ix *Index) Quotation(previous string) Answer {
	_, _, quoted := ix.quotedIn(previous)
	for _, u := range quoted {
		if ix.unitFlags[u]&hasQuote != 0 {
			return ix.sentenceAnswer(u)
		}
	}
	return Answer{}
}

// resultAfterOther finds, in a previous answer that quotes sentences of
// more than one paragraph, a sentence it quotes outside the paragraph
// first..end, telling no result itself, whose next sentence in its own
// paragraph tells one (tells) and is not quoted; it returns that next
// sentence. It looks among the best candidates for the answer's text, as
// quotedIn does.
func (ix *Index) resultAfterOther(previous string, first, end int32, tells func(int32) bool) (int32, bool) {
	s, q := ix.begin(previous, "")
	defer ix.release(s)
	cands := ix.rank(q, s)
	flat := flatten(previous)
	for _, c := range cands[:min(len(cands), maxQuotedCandidates)] {
		u := c.unit
		if u >= first && u < end || !strings.Contains(flat, flatten(ix.unitText(u))) {
			continue
		}
		p := ix.unitPassage[u]
		pend := int32(ix.numUnits())
		if int(p)+1 < len(ix.passFirst) {
			pend = ix.passFirst[p+1]
		}
		if u+1 < pend && !tells(u) && tells(u+1) && !strings.Contains(flat, flatten(ix.unitText(u+1))) {
			return u + 1, true
		}
	}
	return 0, false
}

// sectionEnd returns the end of the units of the section unit u stands
// in: the first unit after the paragraphs of its document under the same
// heading.
func (ix *Index) sectionEnd(u int32) int32 {
	p := ix.unitPassage[u]
	at := ix.passages[p]
	next := p + 1
	for int(next) < len(ix.passages) && ix.passages[next].Doc == at.Doc && ix.passages[next].SectionNo == at.SectionNo {
		next++
	}
	if int(next) < len(ix.passFirst) {
		return ix.passFirst[next]
	}
	return int32(ix.numUnits())
}

// countedNoun returns the word after "how many" in question, the noun
// whose count it asks for; "" when there is none ("how many of them…?").
func countedNoun(question string) string {
	var prev, noun string
	var afterMany bool
	scanWords(question, func(w word) {
		if afterMany && noun == "" && !isStop(w) {
			noun = w.text
		}
		afterMany = afterMany || prev == "how" && w.text == "many"
		if afterMany && noun == "" && isStop(w) && w.text != "many" {
			afterMany = false
		}
		prev = w.text
	})
	return noun
}

// countWindow is how many words after a number the noun it counts may
// stand: "four big picture issues".
const countWindow = 3

// counts reports whether a number in unit u counts noun: the noun, or a
// word the lexicon gives for it, stands within countWindow words after it.
func (ix *Index) counts(u int32, noun string) bool {
	want := map[string]bool{stem(noun): true}
	ix.Related(stem(noun), func(related string, credit float64) bool {
		if credit >= 0.75 {
			want[related] = true
		}
		return true
	})
	found, since := false, countWindow+1
	scanWords(ix.unitText(u), func(w word) {
		if since < countWindow && want[stem(w.text)] {
			found = true
		}
		since++
		if w.class&classNumber != 0 || w.text[0] >= '0' && w.text[0] <= '9' {
			since = 0
		}
	})
	return found
}
