package knowledge

import (
	"slices"
	"strconv"
	"strings"
)

// A question may ask for an item of the document's own list by its place:
// "What's the second big issue the author lists?", "What is the last of
// the four points about?". A document whose sections are its themes ("1)
// Handling the Spoilers", "2) …") is such a list, and the answer is the
// summary of that theme.

// ordinals are the words that name a place in a list; -1 is the last.
var ordinals = mapOf(map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
	"last": -1, "final": -1,
})

// numbered are the numbers that name a place in a list after its noun:
// "section 2", "point four", "issue #3".
var numbered = map[string]int{
	"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "10": 10,
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

// headingWords ask for an item's heading rather than name a topic: "what
// is section 2 called?", "the title of the fourth point".
var headingWords = wordSet(`title titled titles heading headed headings called name named entitled label
labelled labeled`)

// listItems are nouns for the items of a text's list.
var listItems = wordSet(`issue issues point points section sections theme themes part parts factor
factors challenge challenges topic topics item items heading headings lesson lessons pillar pillars
element elements area areas reason reasons step steps takeaway takeaways consideration considerations
problem problems principle principles question questions`)

// listVerbs say what an author does with a list's items: "the second issue
// the author raises".
var listVerbs = wordSet(`list lists listed raise raises raised identify identifies identified
highlight highlights highlighted name names named give gives gave lay lays laid set sets out cover
covers covered address addresses addressed mention mentions mentioned bring brings brought flag flags
flagged discuss discusses discussed offer offers offered present presents presented structured organized
organised arranged walk walks walked through built around`)

// stakeWords say what a list's items decide ("how many factors will
// determine success or failure?", "…whether peace holds?"), and
// itemAdjectives how they rank ("how many broad themes…?"): what is at
// stake and how much the items weigh, not which list.
var (
	stakeWords = wordSet(`decide decides decided determine determines determined shape shapes settle
settles dictate dictates outcome outcomes fate result results success failure succeed succeeds fail
fails hold holds whether`)
	itemAdjectives = wordSet(`broad main major key overarching big biggest central core principal primary
headline general important crucial overall top numbered`)
)

// ordinalTheme returns the theme a question asks for by its place in its
// document's list, or -1. The question must hold an ordinal and, after it
// and at most three words that say more than "of the four big", a noun for
// a list's item ("the fourth and final big issue", "the first of the four
// big-picture issues"), or the noun followed by its number ("section 2").
// Every other word must say nothing of a topic (a stop, framing, generic or
// number word, a verb of listing, a word asking for a heading) or come from
// the title of the document, which describes the list ("big-picture
// issues"). Among the documents with that many themes whose titles hold
// those words, exactly one must remain.
//
// In a conversation, the noun may come from the previous turn instead
// ("How many issues does the author raise?" then "What's the first?", "and
// the third one?"), when the question holds nothing but an ordinal and
// words that say nothing of a topic.
func (ix *Index) ordinalTheme(words []word, context string) int {
	place, at := 0, -1
	if context != "" && nextOnly(words) {
		t, listed := ix.nextTheme(context)
		if t < 0 && listed {
			return pastList // "and the next?" after the last theme
		}
		return t
	}
	if context != "" && ordinalOnly(words) && ix.contextLists(context) {
		for i, w := range words {
			if n, ok := ordinals.get(w); ok {
				place, at = n, i
			}
		}
	}
	for i, w := range words {
		if place != 0 {
			break
		}
		if n := numberedItem(words, i); n >= 0 {
			// "section 2", "point four".
			place, at = numbered[words[n].text], n
			break
		}
		n, ok := ordinals.get(w)
		if !ok {
			continue
		}
		// The item's noun follows within a few words that say more than
		// "of the four big": "the first of the four big-picture issues".
		more := 0
		for _, next := range words[i+1:] {
			if listItems.has(next) {
				place, at = n, i
				break
			}
			if !isStop(next) && next.class&(classGeneric|classNumber) == 0 {
				if more++; more > 3 {
					break
				}
			}
		}
		if place != 0 {
			break
		}
	}
	if place == 0 {
		return -1
	}
	// The words left must describe the list, not a topic.
	var titleWords []string
	for i, w := range words {
		_, isOrdinal := ordinals.get(w)
		switch {
		case i == at || isOrdinal || listItems.has(w) || listVerbs.has(w) || headingWords.has(w):
		case isStop(w) || w.class&(classGeneric|classWhole|classNumber) != 0:
		default:
			titleWords = append(titleWords, stem(w.text))
		}
	}
	return ix.themeAt(place, func(doc *Document) bool { return titleHolds(doc.Title, titleWords) })
}

// themeAt returns the theme at place in its document's list (-1 the last)
// of the one document with such a theme that ok accepts; -1 when none
// has, or two could be meant.
func (ix *Index) themeAt(place int, ok func(*Document) bool) int {
	found := -1
	for _, doc := range ix.docs {
		themes := ix.docThemes(doc.ID)
		if len(themes) == 0 || place > len(themes) || !ok(doc) {
			continue
		}
		if found >= 0 {
			return -1 // two documents could be meant
		}
		if place < 0 {
			found = themes[len(themes)-1]
		} else {
			found = themes[place-1]
		}
	}
	return found
}

// numberedItem returns the place of the number that follows words[i], a
// list's item, when the number closes the phrase ("section 2 called",
// "point four about", "point no. 2 on the list"), or -1: not for "point one
// thing" ("at this point one thing is sure") nor "Question 2:", which
// numbers the asker's questions.
func numberedItem(words []word, i int) int {
	if !listItems.has(words[i]) || words[i].text == "question" || words[i].text == "questions" || i+1 >= len(words) {
		return -1
	}
	at := i + 1
	if numberMarks.has(words[at]) && at+1 < len(words) {
		// "point no. 2", "issue number 4".
		at++
	}
	if numbered[words[at].text] == 0 {
		return -1
	}
	if at+1 == len(words) {
		return at
	}
	// "section 2 called", "point four about", "section 2 is about", "point
	// 2 on the list"; not "one of the four", "issue one should know",
	// "part one of the talks".
	switch next := words[at+1]; {
	case headingWords.has(next) || listVerbs.has(next) || next.class&classFraming != 0:
		return at
	case next.text == "about" || next.text == "is" || next.text == "was" || next.text == "on" || next.text == "in":
		return at
	case next.class&classQuestion != 0 || next.text == "whats":
		// "section 2 — what's it called?": a question about it follows.
		return at
	}
	return -1
}

// numberMarks stand between an item's noun and its number: "point no. 2".
var numberMarks = wordSet(`no number num nr`)

// ordinalOnly reports whether words hold an ordinal and otherwise only
// function words and "one" ("what's the first?", "and the third one?").
func ordinalOnly(words []word) bool {
	return placeOnly(words, func(w string) bool { _, ok := ordinals.getText(w); return ok })
}

// nextOnly reports whether words ask for the next item and nothing else:
// "and the next?", "what's the next one?".
func nextOnly(words []word) bool {
	return placeOnly(words, func(w string) bool { return w == "next" })
}

// placeOnly reports whether words hold a word that place says names a
// place, and otherwise only function words and "one".
func placeOnly(words []word, place func(string) bool) bool {
	found := false
	for _, w := range words {
		switch {
		case place(w.text):
			found = true
		case w.text == "one" || isStop(w):
		default:
			return false
		}
	}
	return found
}

// nextTheme returns the theme after the one the turns before asked for by
// its place, or -1, and whether they asked for one at all: past the
// document's last theme it returns -1 and true. context holds those turns,
// each ending in "?": the place is found in the last that asks for one
// ("What's the first big issue?", or "what's the first?" after "How many
// issues does the author raise?"), and each "and the next?" after it moves
// one on.
func (ix *Index) nextTheme(context string) (int, bool) {
	t, listed, before := -1, false, ""
	for seg := range strings.SplitAfterSeq(context, "?") {
		words := make([]word, 0, 16)
		scanWords(seg, func(w word) { words = append(words, writtenOut(w, len(words) == 0)) })
		switch {
		case len(words) == 0:
		case listed && nextOnly(words):
			t = ix.themeAfter(t)
		case !nextOnly(words):
			if u := ix.ordinalTheme(words, before); u >= 0 {
				t, listed = u, true
			}
		}
		before += seg
	}
	return ix.themeAfter(t), listed
}

// pastList is what ordinalTheme returns for "and the next?" after the last
// item of the list: no theme, and no topic to look for either.
const pastList = -2

// themeAfter returns the theme after theme t in its document, or -1.
func (ix *Index) themeAfter(t int) int {
	if t < 0 || t+1 >= len(ix.themes) || ix.themes[t+1].Doc != ix.themes[t].Doc {
		return -1
	}
	return t + 1
}

// contextLists reports whether a previous turn spoke of a document's list
// of themes: it asked for one of them ("the second big issue"), or named
// their noun with a number or a verb of listing, its other words
// describing the list as ordinalTheme wants ("how many big picture issues
// does the author go through?"); not "What steps did Iran take?" nor "What
// issues does Congress raise?".
func (ix *Index) contextLists(context string) bool {
	var words []word
	scanWords(context, func(w word) { words = append(words, writtenOut(w, len(words) == 0)) })
	if ix.ordinalTheme(words, "") >= 0 {
		return true
	}
	item, list := false, false
	var title []string
	for _, w := range words {
		_, ordinal := ordinals.get(w)
		switch {
		case listItems.has(w):
			item = true
		case ordinal || listVerbs.has(w) || w.class&classNumber != 0 || w.text == "many":
			list = true
		case isStop(w) || w.class&(classGeneric|classWhole) != 0 || headingWords.has(w):
		default:
			title = append(title, stem(w.text))
		}
	}
	if !item || !list {
		return false
	}
	return slices.ContainsFunc(ix.docs, func(d *Document) bool {
		return len(ix.docThemes(d.ID)) > 0 && titleHolds(d.Title, title)
	})
}

// docThemes returns the indexes into ix.themes of a document's themes, in
// order.
func (ix *Index) docThemes(doc string) []int {
	var out []int
	for i, th := range ix.themes {
		if th.Doc == doc {
			out = append(out, i)
		}
	}
	return out
}

// titleHolds reports whether title holds every one of the stems.
func titleHolds(title string, stems []string) bool {
	if len(stems) == 0 {
		return true
	}
	var have []string
	scanWords(title, func(w word) { have = append(have, stem(w.text)) })
	for _, s := range stems {
		if !slices.Contains(have, s) {
			return false
		}
	}
	return true
}

// themeAnswer answers with the summary of theme i.
func (ix *Index) themeAnswer(a *Answer, i int) {
	sum := ix.Summarize(ix.themes[i])
	for _, q := range sum.Quotes {
		a.Quotes = append(a.Quotes, q)
		if !slices.ContainsFunc(a.Hits, func(h Hit) bool { return h.Passage == q.Passage }) {
			a.Hits = append(a.Hits, Hit{Passage: q.Passage, Score: 1})
		}
	}
	if len(a.Quotes) > 0 {
		a.Answerable, a.Confidence = true, 1
		t := ix.themes[i] // a copy: the index's own stays as it is
		a.Theme = &t
	}
}

// countAsked returns the index of the document whose list of themes a
// question asks the length of, or -1: "how many" before a noun for the
// items of a list, every other word describing the list as ordinalTheme
// wants ("How many overarching themes does the writer lay out?", "how many
// big-picture issues are there?"); not "how many officials back the
// talks?". Exactly one document with themes must have a title holding the
// describing words. On the tuning sets it saved three false declines of
// 3,021 covered questions ("themes" asks about a text as a whole, and the
// text says "issues"), and changed no other answer.
func (ix *Index) countAsked(words []word) int {
	many, item := -1, false
	for i, w := range words {
		if w.text == "many" && i > 0 && words[i-1].text == "how" {
			many = i
		}
		item = item || many >= 0 && i > many && listItems.has(w)
	}
	if !item {
		return -1
	}
	return ix.listOf(words, func(i int, w word) bool { return i == many || i == many-1 })
}

// listAsked reports whether a question asks for the items of a text's list
// themselves, which the overview gives: a plural noun for the items after
// "what are", "which are" or a word asking for a summary or a list ("What
// are the four big issues the writer lays out?", "sum up the four main
// issues he raises", "list the main points the author covers", "brief
// overview of the four factors"), or between "what" and a form of "do"
// ("what big-picture issues does the writer walk through?"), every other
// word describing the list as countAsked wants. Chosen on the tuning sets:
// seven questions more answered with the overview they expect, nothing
// else changed.
func (ix *Index) listAsked(words []word) bool {
	item, opener, wh := -1, false, -1
	for i, w := range words {
		if askedFor(w.text) != 0 {
			return false // "what is the number of issues…?"
		}
		if listItems.has(w) && strings.HasSuffix(w.text, "s") {
			item = i
			break
		}
		if (w.text == "what" || w.text == "which") && wh < 0 {
			wh = i
		}
		opener = opener || listOpeners.has(w) && !listNoun(words, i) || (w.text == "what" || w.text == "which") && i+1 < len(words) && copulas.has(words[i+1])
	}
	if item < 0 {
		return false
	}
	if !opener && wh >= 0 && item+2 < len(words) && doForms.has(words[item+1]) {
		// "What big-picture issues does the article walk through?" asks
		// for the items as "what are…?" does; "what factors could make
		// or break peace?" asks what they do.
		opener = true
	}
	if !opener {
		return false
	}
	return ix.listOf(words, func(_ int, w word) bool { return listOpeners.has(w) || copulas.has(w) }) >= 0
}

// listOpeners ask for a summary or a list of what follows them.
var listOpeners = wordSet(`summarize summarise summarizing summarising sum recap outline list break name give run
overview rundown summary`)

// listNoun reports whether words[i], a list opener, is the noun "list"
// ("right before the numbered list, …"), which asks for nothing.
func listNoun(words []word, i int) bool {
	if words[i].text != "list" || i == 0 {
		return false
	}
	b := words[i-1]
	return b.text == "the" || b.text == "a" || b.text == "this" || b.text == "that" || itemAdjectives.has(b)
}

// listOf returns the index of the one document with themes whose title
// holds every word of words that does not describe a list ("issues",
// "raises", "titled", "main", "decide"), nor is one skip allows; -1 when
// none or several do.
func (ix *Index) listOf(words []word, skip func(i int, w word) bool) int {
	var titleWords []string
	for i, w := range words {
		switch {
		case skip(i, w) || listItems.has(w) || listVerbs.has(w) || headingWords.has(w) || stakeWords.has(w) ||
			itemAdjectives.has(w):
		case isStop(w) || w.class&(classGeneric|classWhole|classNumber) != 0 || isDigits(w.text):
		default:
			titleWords = append(titleWords, stem(w.text))
		}
	}
	found := -1
	for d, doc := range ix.docs {
		if len(ix.docThemes(doc.ID)) < 2 || !titleHolds(doc.Title, titleWords) {
			continue
		}
		if found >= 0 {
			return -1 // two documents could be meant
		}
		found = d
	}
	return found
}

// countAnswer answers how many themes document d lists with the sentence
// before them that says so: the last sentence ahead of the first theme's
// section that writes their number, in words or digits ("Looking ahead,
// four big picture issues will…"). A document that never says leaves a
// unanswered.
func (ix *Index) countAnswer(a *Answer, d int) {
	doc := ix.docs[d]
	themes := ix.docThemes(doc.ID)
	n := strconv.Itoa(len(themes))
	first := ix.themes[themes[0]].Section
	var found *Passage
	at := -1
	for _, p := range ix.passages[ix.docStart[doc.ID]:] {
		if p.Doc != doc.ID || p.SectionNo >= first {
			break
		}
		for i, sen := range p.Sentences {
			says := false
			scanWords(sen.Text, func(w word) { says = says || w.text == n || w.text == spelledNumbers[n] })
			if says {
				found, at = p, i
			}
		}
	}
	if found == nil {
		return
	}
	a.Quotes = append(a.Quotes, Quote{Passage: found, Sentence: at, Score: 1})
	a.Hits = append(a.Hits, Hit{Passage: found, Score: 1})
	a.Answerable, a.Confidence = true, 1
}

// sectionAsked returns the theme a question says to look in by its number
// or its place ("in section 3, what should each side prioritise?", "what
// quote closes out the fourth section?"), where ordinalTheme finds none
// because the question's other words ask about a topic, not the section;
// -1 for none, or when more than one document has themes. The words that
// name the section are marked as stop words: they name no topic.
func (ix *Index) sectionAsked(words []word) int {
	for i := range words {
		place, num := 0, -1
		if n := numberedItem(words, i); n >= 0 && sectionNouns.has(words[i]) {
			place, num = numbered[words[n].text], n
		} else if k, ok := ordinals.get(words[i]); ok && i+1 < len(words) && sectionNouns.has(words[i+1]) {
			place, num = k, i+1
		} else {
			continue
		}
		found := ix.themeAt(place, func(*Document) bool { return true })
		if found >= 0 {
			for k := min(i, num); k <= max(i, num); k++ {
				words[k].class |= classStop
			}
		}
		return found
	}
	return -1
}

// sectionNouns name a part of the text that a number or a place picks out.
var sectionNouns = wordSet(`section sections part parts issue issues point points theme themes`)

// inTheme reports whether unit u stands in theme t's section.
func (ix *Index) inTheme(u int32, t int) bool {
	p := ix.passages[ix.unitPassage[u]]
	th := &ix.themes[t]
	return p.Doc == th.Doc && p.SectionNo == th.Section
}
