package knowledge

import "strings"

// Continue answers a follow-up that asks about the previous answer itself
// ("is that accurate?", "does that include all of them?", "what came of
// it?") from the paragraph that answer quoted: what a reader asks next is
// most often answered by the sentences around the ones just read. previous
// is the previous answer as shown (its quotes, or a draft's wording); its
// paragraph is the one it is found in, as a question would find it.
//
// The sentence of that paragraph that best holds the question's own words
// is quoted, preferring one the previous answer did not quote; when none
// holds any of them, the sentence after the last one it quoted (or, at the
// paragraph's end, the one before the first): the continuation of what was
// read. It declines a question that names something the knowledge base
// does not know, or asks outright for a figure, date or name the chosen
// sentence lacks; the caller asks it only of a short question that refers
// back and is not answered otherwise.
func (ix *Index) Continue(q Query, previous string) Answer {
	a := Answer{Question: q.Text}
	first, end, quoted := ix.quotedIn(previous)
	if len(quoted) == 0 {
		return a
	}
	s, query := ix.begin(q.Text, q.Context)
	defer ix.release(s)
	a.ContentWords = query.asked
	if query.strangers > 0 {
		return a
	}
	own := query.asked
	best, bestScore := int32(-1), float32(0)
	for u := first; u < end; u++ {
		var m [maxSlots]float32
		ix.match(query, s, u, m[:len(query.slots)], 1)
		var sc float32
		for i, c := range m[:own] {
			sc += c * query.slots[i].weight
		}
		if isQuoted(quoted, u) {
			sc *= 0.5 // what was just read says it less newly
		}
		if sc > bestScore {
			best, bestScore = u, sc
		}
	}
	if best < 0 {
		best = ix.nextUnread(first, end, quoted)
	}
	if query.strict && (ix.unitFlags[best]&query.cue == 0 || query.cue == hasName && !ix.namesMore(query, best)) {
		return a
	}
	un := ix.unit(best)
	p := ix.passages[un.passage]
	a.Answerable, a.Confidence = true, AnswerThreshold
	a.Quotes = []Quote{{Passage: p, Sentence: int(un.sentence), Score: a.Confidence}}
	if next := int(un.sentence) + 1; un.n < shortSentence && next < len(p.Sentences) {
		// "Simply put: It doesn't." says little without what follows.
		a.Quotes = append(a.Quotes, Quote{Passage: p, Sentence: next, Score: a.Confidence})
	}
	a.Hits = []Hit{{Passage: p, Score: a.Confidence}}
	return a
}

// shortSentence is the fewest content words a continuation's sentence
// needs to be quoted alone.
const shortSentence = 4

// quotedIn finds the paragraph an answer's text comes from (the units from
// first to end) and the units of it the text quotes word for word; when it
// quotes none so (a draft's wording), the one that answers its text best.
func (ix *Index) quotedIn(text string) (first, end int32, quoted []int32) {
	if strings.TrimSpace(text) == "" {
		return 0, 0, nil
	}
	s, q := ix.begin(text, "")
	cands := ix.rank(q, s)
	top := int32(-1)
	if len(cands) > 0 {
		top = cands[0].unit
	}
	ix.release(s)
	if top < 0 {
		return 0, 0, nil
	}
	p := ix.unitPassage[top]
	first, end = ix.passFirst[p], int32(ix.numUnits())
	if int(p)+1 < len(ix.passFirst) {
		end = ix.passFirst[p+1]
	}
	flat := flatten(text)
	for u := first; u < end; u++ {
		if strings.Contains(flat, flatten(ix.passages[p].Sentences[u-first].Text)) {
			quoted = append(quoted, u)
		}
	}
	if len(quoted) == 0 {
		quoted = append(quoted, top)
	}
	return first, end, quoted
}

// nextUnread returns the first unit after the last quoted one in the
// paragraph, or else the last unit before the first quoted one, or else the
// last quoted one.
func (ix *Index) nextUnread(first, end int32, quoted []int32) int32 {
	last, earliest := quoted[len(quoted)-1], quoted[0]
	for u := last + 1; u < end; u++ {
		if !isQuoted(quoted, u) {
			return u
		}
	}
	for u := earliest - 1; u >= first; u-- {
		if !isQuoted(quoted, u) {
			return u
		}
	}
	return last
}

func isQuoted(quoted []int32, u int32) bool {
	for _, q := range quoted {
		if q == u {
			return true
		}
	}
	return false
}

// flatten folds white space to single spaces, for finding a sentence in a
// reply that may wrap it.
func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }
