package knowledge

import "slices"

// Where in its document a passage stands, for questions that say where in
// the text to look: "per the opening", "in the last paragraph", "how does
// the op-ed end?".
const (
	posStart uint8 = 1 << iota // the opening: the first posSpan passages of its document
	posFirst                   // the first passage
	posEnd                     // the end: the last posSpan passages
	posLast                    // the last passage
)

// posSpan is how many passages the opening or the end of a document spans,
// at most: a document of fewer than twice as many splits its passages
// between the two. minPosWords is the words a passage needs to count, so
// that a trailer ("This article originally appeared in…") or a lone line
// is not the end of the text.
const (
	posSpan     = 2
	minPosWords = 15
)

// markPositions sets passPos: per document, its opening and end among its
// passages of minPosWords words or more.
func (ix *Index) markPositions() {
	ix.passPos = make([]uint8, len(ix.passages))
	from := 0
	for p := 1; p <= len(ix.passages); p++ {
		if p < len(ix.passages) && ix.passages[p].Doc == ix.passages[from].Doc {
			continue
		}
		ix.markDocument(from, p)
		from = p
	}
}

// markDocument marks the opening and the end of the document whose
// passages are ix.passages[from:to]. A document with one such passage has
// it as both; with two or three, the first is the opening and the last
// the end.
func (ix *Index) markDocument(from, to int) {
	var long []int
	for p := from; p < to; p++ {
		if wordCount(ix.passages[p].Text) >= minPosWords {
			long = append(long, p)
		}
	}
	if len(long) == 0 {
		return
	}
	span := max(1, min(posSpan, len(long)/2))
	for i, p := range long[:span] {
		ix.passPos[p] |= posStart
		if i == 0 {
			ix.passPos[p] |= posFirst
		}
	}
	for i, p := range long[len(long)-span:] {
		ix.passPos[p] |= posEnd
		if i == span-1 {
			ix.passPos[p] |= posLast
		}
	}
}

// wordCount counts the words of text, up to minPosWords.
func wordCount(text string) int {
	n, in := 0, false
	for i := 0; i < len(text) && n < minPosWords; i++ {
		space := text[i] == ' ' || text[i] == '\n' || text[i] == '\t'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// Words that say where in a text to look.
var (
	// posLeads come before a place: "per the opening", "in the intro".
	posLeads = wordSet(`per in at near towards toward`)
	// textStarts and textEnds name the opening and the end of a text and
	// little else; timeStarts and timeEnds name a time as often ("from
	// the start", "at the end of the week"), so a question that does not
	// speak of the text must say whose start or end.
	textStarts = wordSet(`opening intro introduction`)
	textEnds   = wordSet(`conclusion ending outro`)
	timeStarts = wordSet(`beginning start`)
	timeEnds   = wordSet(`end close finish`)
	// partNouns are a text's parts: "the first paragraph", "the last line".
	partNouns   = wordSet(`paragraph paragraphs para line lines sentence sentences bit part parts section passage quote quotation`)
	firstAdjs   = wordSet(`first opening`)
	lastAdjs    = wordSet(`last final closing concluding`)
	startVerbs  = wordSet(`start starts begin begins open opens`)
	endVerbs    = wordSet(`end ends conclude concludes close closes finish finishes wrap wraps`)
	posDets     = wordSet(`the its this his her`)
	oneSentence = wordSet(`line sentence`)
	// tellVerbs, besides the framing words ("say", "discuss", "explain"),
	// say what a part of a text does: "what does the intro focus on?".
	tellVerbs = wordSet(`talk talks focus focuses cover covers claim claims state states suggest suggests`)
)

// textPos is where a question asks to look: a position (posStart…), and
// whether it asks for one sentence there ("the last line").
type textPos struct {
	at       uint8
	sentence bool
}

// posAsked returns where in the text the question asks to look, and
// marks the words that say so as stop words, which name no topic. Three
// shapes say it: a place after a preposition or as the subject ("per the
// opening", "at the end of the article", "what does the conclusion
// say?", "what metaphor is used near the end?"); a part of the text
// ("the first paragraph", "its closing lines", "the closing quote"); and
// a text that starts or ends ("how does the piece end?").
func posAsked(words []word) textPos {
	framed := false // the question speaks of the text, its author or its quotations
	for _, w := range words {
		framed = framed || textNouns.has(w) && w.text != "this" && w.text != "it" || authorNouns.has(w) || w.class&classQuote != 0 ||
			figureWords.has(w)
	}
	for i := range words {
		if p, ok := placeNamed(words, i, framed); ok {
			return p
		}
		if p, ok := partNamed(words, i); ok {
			return p
		}
		if p, ok := textEnding(words, i); ok {
			return p
		}
	}
	return textPos{}
}

// placeNamed reads "per the opening", "in the intro", "at the end of the
// article", and "the conclusion says", "summarize the introduction" at
// words[i]: not "at the end of the talks", nor "in the end", nor a time
// ("from the start", "at the end") unless the question speaks of the text
// or its author ("what does the writer say at the end?"), nor "how did
// Iran respond to the opening?".
func placeNamed(words []word, i int, framed bool) (textPos, bool) {
	lead := posLeads.has(words[i]) || accordingTo(words, i)
	j := i // the determiner
	if lead {
		j++
	} else if i > 0 && (posLeads.has(words[i-1]) || accordingTo(words, i-1)) {
		return textPos{}, false // read at the lead: "in the end"
	}
	if j+1 >= len(words) || !posDets.has(words[j]) {
		return textPos{}, false
	}
	noun := words[j+1].text
	end := j + 2
	var at uint8
	switch {
	case textStarts.has(words[j+1]), timeStarts.has(words[j+1]):
		at = posStart
	case textEnds.has(words[j+1]), timeEnds.has(words[j+1]) && !(words[i].text == "in" && noun == "end"):
		at = posEnd
	case noun == "wrap" && end < len(words) && words[end].text == "up":
		at, end = posEnd, end+1 // "per the wrap-up"
	default:
		return textPos{}, false
	}
	switch {
	case end < len(words) && words[end].text == "of":
		if !ofText(words, end) {
			return textPos{}, false // "at the end of the talks"
		}
		end = min(end+3, len(words))
	case !lead && !subjectOfTelling(words, i, end):
		// "The opening session", "the end result", "respond to the
		// opening": a subject must tell something, or be what is
		// summarized.
		return textPos{}, false
	case (timeStarts.has(words[j+1]) || timeEnds.has(words[j+1])) && !framed:
		return textPos{}, false // "were the talks hard from the start?"
	}
	markStop(words[i:end])
	return textPos{at: at}, true
}

// accordingTo reports whether words[i] is the "to" of "according to",
// which leads to a place as "per" does ("according to the conclusion").
func accordingTo(words []word, i int) bool {
	return i > 0 && words[i].text == "to" && words[i-1].text == "according"
}

// subjectOfTelling reports whether the place named at words[i:end] (a
// determiner and a noun) tells something, "what does the conclusion
// say?", "what does the intro focus on?", or is what is summarized,
// "summarize the introduction".
func subjectOfTelling(words []word, i, end int) bool {
	if end < len(words) {
		next := words[end]
		return next.class&classFraming != 0 || tellVerbs.has(next)
	}
	return i > 0 && words[i-1].class&classWhole != 0
}

// ofText reports whether words[at:] read "of the article" (a determiner
// and a noun for a text), or "of this" or "of it" ending the question, not
// "of the talks".
func ofText(words []word, at int) bool {
	if at >= len(words) || words[at].text != "of" {
		return false
	}
	if at+2 == len(words) && (words[at+1].text == "this" || words[at+1].text == "it") {
		return true
	}
	return at+2 < len(words) && posDets.has(words[at+1]) && textNouns.has(words[at+2])
}

// partNamed reads "the first paragraph", "its closing lines", "the last
// sentence" at words[i], not "the last line of defense".
func partNamed(words []word, i int) (textPos, bool) {
	if i+2 >= len(words) || !posDets.has(words[i]) || !partNouns.has(words[i+2]) {
		return textPos{}, false
	}
	var at uint8
	switch adj := words[i+1]; {
	case firstAdjs.has(adj):
		at = posFirst
	case lastAdjs.has(adj):
		at = posLast
	default:
		return textPos{}, false
	}
	end := i + 3
	if end < len(words) && words[end].text == "of" {
		if !ofText(words, end) {
			return textPos{}, false
		}
		end = min(end+3, len(words))
	}
	markStop(words[i:end])
	return textPos{at: at, sentence: oneSentence.has(words[i+2])}, true
}

// textEnding reads "how does the piece end?", "how does the op-ed wrap
// up?", "how does this open?", "how did the writer close?" at words[i]:
// the verb last (or "wrap up"), or only words of the text's tone after it
// ("…wrap up — optimistic or pessimistic?"), so that "how does it end up
// helping…?" and "how does the piece close the gap?" ask something else.
func textEnding(words []word, i int) (textPos, bool) {
	if words[i].text != "how" || i+3 >= len(words) || words[i+1].text != "does" && words[i+1].text != "did" {
		return textPos{}, false
	}
	j := i + 2 // the text or its author
	if posDets.has(words[j]) && words[j].text != "this" {
		j++
	}
	if j+1 < len(words) && words[j].text == "op" && words[j+1].text == "ed" {
		j++ // "op-ed"
	}
	if j+1 >= len(words) || !textNouns.has(words[j]) && !authorNouns.has(words[j]) || words[j].text == "it" {
		return textPos{}, false
	}
	verb, end := words[j+1].text, j+2
	if verb == "wrap" || verb == "wraps" {
		if end >= len(words) || words[end].text != "up" {
			return textPos{}, false
		}
		end++
	}
	for _, w := range words[end:] {
		// "How does the author wrap up — optimistic or pessimistic?":
		// the text's tone asked of its ending, nothing else.
		if !stanceWords.has(w) && w.class&classStop == 0 {
			return textPos{}, false
		}
	}
	var at uint8
	switch {
	case startVerbs.has(words[j+1]):
		at = posFirst
	case endVerbs.has(words[j+1]):
		at = posLast
	default:
		return textPos{}, false
	}
	markStop(words[i+2 : end])
	return textPos{at: at}, true
}

// markStop marks words as stop words.
func markStop(words []word) {
	for i := range words {
		words[i].class |= classStop
	}
}

// posSentences is how many sentences a question about a place in the text
// and nothing else ("what does the conclusion say?") is answered with.
const posSentences = 2

// posAnswer answers a question about a place in the text and nothing else
// with the place's sentences: the first two of the opening or of the first
// paragraph; the first two of the end (where the conclusion starts) or of
// the last paragraph, or its last two when the document has one passage,
// which opens it too; one for "the first line" or "the last sentence".
// With a cue ("who is quoted at the end?"), the place's first sentence
// that holds what it asks for. The index holds one document: with
// several, which is meant the question does not say.
func (ix *Index) posAnswer(a *Answer, pos textPos, cue uint8) {
	n := posSentences
	if pos.sentence || cue != 0 {
		n = 1
	}
	a.Quotes = make([]Quote, 0, n)
	for p, at := range ix.passPos {
		if at&pos.at == 0 {
			continue
		}
		pass := ix.passages[p]
		sentences := len(pass.Sentences)
		order := func(k int) int { return k }
		if cue == 0 && pos.at&(posEnd|posLast) != 0 && (pos.sentence || at&posStart != 0) {
			order = func(k int) int { return sentences - 1 - k } // the end of the end
		}
		for k := range sentences {
			si := order(k)
			if cue != 0 && ix.unitFlags[ix.passFirst[p]+int32(si)]&cue == 0 {
				continue
			}
			a.Quotes = append(a.Quotes, Quote{Passage: pass, Sentence: si, Score: 1})
			if len(a.Quotes) == n {
				break
			}
		}
		if len(a.Quotes) > 0 {
			slices.SortFunc(a.Quotes, func(x, y Quote) int { return x.Sentence - y.Sentence })
			a.Hits = []Hit{{Passage: pass, Score: 1}}
			a.Answerable, a.Confidence = true, 1
			return
		}
	}
}
