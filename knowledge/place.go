package knowledge

// Where in its document a passage stands, for questions that say where
// to look: "per the opening", "in the last paragraph", "at the end".
const (
	placeStart uint8 = 1 << iota // among the first placeSpan passages of its document
	placeFirst                   // the first
	placeEnd                     // among the last placeSpan
	placeLast                    // the last
)

// placeSpan is how many passages the opening or the end of a document
// spans; minPlaceWords the words a passage needs to count, so that a
// trailer ("This article originally appeared in…") or a lone line is not
// the end of the text.
const (
	placeSpan     = 2
	minPlaceWords = 15
)

// markPlaces sets passPlace: per document, its first and last passages
// of minPlaceWords words or more.
func (ix *Index) markPlaces() {
	ix.passPlace = make([]uint8, len(ix.passages))
	start := 0
	for p := 1; p <= len(ix.passages); p++ {
		if p < len(ix.passages) && ix.passages[p].Doc == ix.passages[start].Doc {
			continue
		}
		ix.markDoc(start, p)
		start = p
	}
}

// markDoc marks the opening and the end of the document whose passages
// are ix.passages[from:to].
func (ix *Index) markDoc(from, to int) {
	n := 0
	for p := from; p < to && n < placeSpan; p++ {
		if wordCount(ix.passages[p].Text) >= minPlaceWords {
			ix.passPlace[p] |= placeStart
			if n == 0 {
				ix.passPlace[p] |= placeFirst
			}
			n++
		}
	}
	n = 0
	for p := to - 1; p >= from && n < placeSpan; p-- {
		if wordCount(ix.passages[p].Text) >= minPlaceWords {
			ix.passPlace[p] |= placeEnd
			if n == 0 {
				ix.passPlace[p] |= placeLast
			}
			n++
		}
	}
}

// wordCount counts the words of text, up to minPlaceWords.
func wordCount(text string) int {
	n, in := 0, false
	for i := 0; i < len(text) && n < minPlaceWords; i++ {
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
	placeLeads = wordSet(`per in at from near towards toward by`)
	startNouns = wordSet(`opening intro introduction beginning start outset top`)
	endNouns   = wordSet(`end ending conclusion close finish bottom`)
	partNouns  = wordSet(`paragraph paragraphs para line lines sentence sentences bit part parts section passage`)
	firstAdjs  = wordSet(`first opening`)
	lastAdjs   = wordSet(`last final closing concluding`)
	startVerbs = wordSet(`start starts begin begins open opens`)
	endVerbs   = wordSet(`end ends conclude concludes close closes finish finishes wrap wraps`)
	placeDets  = wordSet(`the its this his her`)
)

// placeAsked returns where the question asks to look (placeStart,
// placeFirst, placeEnd or placeLast; 0 for nowhere) and marks the words
// that say so as stop words, which name no topic:
//
//   - "per the opening", "in the intro", "at the end", "in the
//     conclusion", "at the start of the article" (not "at the end of the
//     talks", nor "in the end");
//   - "the first paragraph", "its closing lines", "the last bit";
//   - "how does the piece end?", "how does the op-ed wrap up?" (its last
//     paragraph; "how does it open?", its first).
func placeAsked(words []word) uint8 {
	for i := range words {
		t := words[i].text
		switch {
		case placeLeads[t] && i+2 < len(words) && placeDets[words[i+1].text]:
			noun := words[i+2].text
			var place uint8
			switch {
			case startNouns[noun]:
				place = placeStart
			case endNouns[noun] && !(t == "in" && noun == "end"):
				place = placeEnd
			default:
				continue
			}
			end := i + 3
			if end < len(words) && words[end].text == "of" {
				// "At the end of the article", not "at the end of the talks".
				if end+2 >= len(words) || !placeDets[words[end+1].text] || !textNouns[words[end+2].text] {
					continue
				}
				end += 3
			}
			markStop(words[i:end])
			return place
		case placeDets[t] && i+2 < len(words) && partNouns[words[i+2].text] &&
			(firstAdjs[words[i+1].text] || lastAdjs[words[i+1].text]):
			place := placeFirst
			if lastAdjs[words[i+1].text] {
				place = placeLast
			}
			markStop(words[i : i+3])
			return place
		case t == "how" && i+3 < len(words) && (words[i+1].text == "does" || words[i+1].text == "did"):
			// "How does the piece end?", "how does it wrap up?"
			j := i + 2
			if placeDets[words[j].text] && j+1 < len(words) {
				j++
			}
			if j+1 < len(words) && words[j].text == "op" && words[j+1].text == "ed" {
				j++ // "op-ed"
			}
			if !textNouns[words[j].text] || j+1 >= len(words) {
				continue
			}
			verb := words[j+1].text
			if startVerbs[verb] || endVerbs[verb] {
				markStop(words[i+2 : j+1]) // the text, asked about: no topic
			}
			switch {
			case startVerbs[verb]:
				markStop(words[j+1 : j+2])
				return placeFirst
			case endVerbs[verb]:
				markStop(words[j+1 : j+2])
				if j+2 < len(words) && words[j+2].text == "up" {
					markStop(words[j+2 : j+3])
				}
				return placeLast
			}
		}
	}
	return 0
}

// markStop marks words as stop words.
func markStop(words []word) {
	for i := range words {
		words[i].class |= classStop
	}
}

// placeSentences is how many sentences a question about a place and
// nothing else ("what does the conclusion say?") is answered with.
const placeSentences = 2

// placeAnswer answers a question about a place in the text and nothing
// else with the place's first sentences: the opening's, the end's, or
// the first or last paragraph's, of the first document that has one.
func (ix *Index) placeAnswer(a *Answer, place uint8) {
	for p, at := range ix.passPlace {
		if at&place == 0 {
			continue
		}
		pass := ix.passages[p]
		for si := range min(placeSentences, len(pass.Sentences)) {
			a.Quotes = append(a.Quotes, Quote{Passage: pass, Sentence: si, Score: 1})
		}
		a.Hits = append(a.Hits, Hit{Passage: pass, Score: 1})
		a.Answerable, a.Confidence = true, 1
		return
	}
}
