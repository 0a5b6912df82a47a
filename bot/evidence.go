package bot

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/talksbot/talksbot/knowledge"
)

// polarity records how a passage uses a word: asserted, denied, or both.
type polarity uint8

const (
	asserted polarity = 1 << iota
	denied
)

func polarityOf(negated bool) polarity {
	if negated {
		return denied
	}
	return asserted
}

// evidence is what a set of cited passages says, read for checking the
// claims of a draft sentence that cites them.
type evidence struct {
	folded []string // each passage folded with foldQuote, for quotations
	// foldedSentences are the passages' sentences, each folded, for
	// quotations an ellipsis joins.
	foldedSentences []string
	tokens          [][]token              // each passage's words, for words saying how much
	lower           string                 // the passages lower-cased, for links
	text            string                 // the passages as given, for facts written one way
	stems           map[string]polarity    // every content word's stem and how the passages use it
	bigrams         map[[2]string]polarity // every two content words in a row, numbers aside, and how the passages use them
	seq             []string               // the stems in order, "" between passages, for phrases
	active          []bool                 // whether each of seq is a verb in the active voice
	sentenceSeq     []string               // the stems in order, "" between sentences, for who does what
	numbers         map[string]bool        // every number, as numberKey reads it
	// both says a passage says "both": "the two capitals" for "both
	// capitals", though not "two decades".
	both bool
	// pair says a passage names a pair: "the two leaders" for "Obama and
	// Khamenei".
	pair bool
	// listed holds, as numberKey reads them ("2", "2nd"), the places of
	// the passages' sections in their documents' lists of themes.
	listed map[string]bool
	// setAside holds the stems of what the passages say is abandoned
	// ("abandoning the failed approach of the past").
	setAside map[string]bool
	// changes holds the stems of what the passages say changes along
	// with something else, and which way (knowledge.Direction): "as the
	// seriousness of talks increases, so too does the risk of spoilers
	// lashing out" says the risk increases (see soToo).
	changes map[string]int
	// together holds the stems of each passage sentence that ties two
	// changes together the same way ("as the seriousness of talks
	// increases, so too does the risk…"): see correlation.
	together []map[string]bool
	// dashNames holds what the passages name a noun between dashes ("the
	// likely alternative — war — is…"): see redefined.
	dashNames []dashName
	// leanless says the passages use "critical" where it leans no way
	// ("critical for success"; see leanlessBefore).
	leanless bool
	reverse  map[string]reverseCredit // what the lexicon relates the stems to; see draftCheck.reverse
	// usedLike is the credit of the stems word vectors say are used like
	// the passages' stems; see draftCheck.usedLike.
	usedLike map[string]float64
	// sentences are the passages' sentences, in order, for links of cause.
	sentences []evSentence
	// figures are the plain words the passages' figures of speech say
	// ("making or breaking the peace": "decide"), as the passages use the
	// figures (see addFigures): read for a plain word itself only, not
	// through the lexicon, which would carry a figure's sense on to others.
	figures map[string]polarity
	// plainAt holds, by place in seq, the plain words of the figures of
	// speech of the passage that the word there stands in, one-word
	// figures too ("for all to see": "publicly"), with how the passage
	// uses the word: read for opposites only (see oppositeNear), as
	// one-word figures vouch too loosely for a claim. Figures are known
	// by their words (knowledge.Figures), so each place of a figure's
	// word holds them, in the figure or not.
	plainAt map[int]plainWords
}

// plainWords are the plain words of a figure of speech a passage's word
// stands in, and how the passage uses the word.
type plainWords struct {
	stems []string
	pol   polarity
}

// evSentence is one sentence of the passages: the passage it stands in,
// whether it carries on from the sentence before (see carriesOn) and its
// content words' stems.
type evSentence struct {
	passage   int
	carriesOn bool
	// explains says it carries on by giving the reason for what the
	// sentence before says ("The reality is that…"), not what follows
	// from it (see carriesOn).
	explains bool
	links    bool // the sentence makes a link of its own (see makesLink)
	// denies says the sentence denies or sets aside something in any
	// way: a negation, a verb of failing, avoiding or hiding, a contrast
	// ("rather than", "unlike") (see deniesAny), or a short denial right
	// after it ("Simply put: It doesn't.").
	denies bool
	stems  map[string]bool
	// head and tail are the stems before and after a contrast that joins
	// the sentence's clauses ("A dialogue among equals is critical…, but
	// it should not be confused with…"); nil without one. A sentence
	// after it that gives the reality behind it (explains) explains its
	// tail.
	head, tail map[string]bool
	// causes are the stems on the side of the cause of the sentence's
	// first link whose words tell which side is the cause (see
	// linkCause); nil when it makes none.
	causes map[string]bool
}

// addFigures records the plain words that the figures of speech of a
// passage, figs, say (knowledge.Figures: "making or breaking the peace" says
// "decide"), as the passage uses the figure. Only a figure of two content
// words or more: one word alone ("for all to see") says its plain word
// ("publicly") too loosely to vouch for a claim ("shared by the public").
// Nor a figure a negation reaches: the negation may be the figure's own
// ("no good deed goes unpunished", whose plain words say it whole) or
// deny it, and the two are not told apart here. Chosen on the tuning
// sets: five faithful drafts more kept and a dropped negation more refused
// ("they will not decide whether the peace is made or broken"), none
// lost; with one-word figures, a claim of its own more let through; with
// denied ones and one-word ones, nine faithful drafts fewer kept.
func (e *evidence) addFigures(figs map[string][]string, terms []claimTerm) {
	if figs == nil {
		return
	}
	saying := make(map[string]int) // plain word → the figure words saying it
	for _, plains := range figs {
		for _, plain := range plains {
			saying[plain]++
		}
	}
	for _, t := range terms {
		if t.negated {
			continue
		}
		for _, plain := range figs[t.Word] {
			if saying[plain] < 2 {
				continue
			}
			if e.figures == nil {
				e.figures = make(map[string]polarity)
			}
			e.figures[plain] |= asserted
		}
	}
}

// newEvidence reads passages.
func newEvidence(passages []string) *evidence {
	e := &evidence{stems: make(map[string]polarity), numbers: make(map[string]bool)}
	var lower, text strings.Builder
	for pi, p := range passages {
		e.folded = append(e.folded, foldQuote(p))
		for _, sen := range knowledge.SplitSentences(p) {
			e.addSentence(pi, sen.Text)
		}
		toks := scanTokens(p)
		e.tokens = append(e.tokens, toks)
		for k := 1; k < len(toks); k++ {
			if !toks[k].clause && leanlessBefore(toks[k-1].word, toks[k].word) {
				e.leanless = true
			}
		}
		lower.WriteString(strings.ToLower(p))
		lower.WriteByte('\n')
		text.WriteString(p)
		text.WriteByte('\n')
		terms := claimTerms(p)
		figs := knowledge.Figures(p)
		e.addTerms(terms, figs)
		e.addFigures(figs, terms)
		e.both = e.both || slices.ContainsFunc(toks, func(t token) bool { return t.word == "both" })
		e.pair = e.pair || namesPair(toks)
		e.seq = append(e.seq, "")
		e.active = append(e.active, false)
	}
	e.lower, e.text = lower.String(), text.String()
	return e
}

// addSentence reads one sentence of passage pi: its words in order, for
// who does what, and whether it carries on from the one before, makes a
// link, denies or sets things against each other.
func (e *evidence) addSentence(pi int, sen string) {
	e.foldedSentences = append(e.foldedSentences, foldQuote(sen))
	stoks := scanTokens(sen)
	on, explains := carriesOn(stoks)
	es := evSentence{passage: pi, carriesOn: on, explains: explains, stems: make(map[string]bool)}
	for _, t := range claimTerms(sen) {
		e.sentenceSeq = append(e.sentenceSeq, t.Stem)
		es.stems[t.Stem] = true
	}
	e.addChanges(sen)
	e.addDashNames(sen)
	es.links = makesLink(stoks)
	es.denies = deniesAny(polarTokens(sen))
	if cause, ok := linkCause(stoks); ok {
		es.causes = tokenStems(cause)
	}
	if k := slices.IndexFunc(stoks, func(t token) bool { return t.clause && contrastJoins[t.word] }); k > 0 {
		es.head, es.tail = tokenStems(stoks[:k]), tokenStems(stoks[k:])
	}
	if n := len(e.sentences); n > 0 && e.sentences[n-1].passage == pi && es.denies && len(es.stems) <= maxDenialWords {
		// A short denial ("Simply put: It doesn't.") denies what the
		// sentence before it says.
		e.sentences[n-1].denies = true
	}
	e.sentences = append(e.sentences, es)
	e.sentenceSeq = append(e.sentenceSeq, "")
}

// addTerms reads a passage's content words, terms, in order: how it uses
// each and each pair of neighbours, what it sets aside or avoids, its
// numbers, and the plain words of its figures of speech, figs.
func (e *evidence) addTerms(terms []claimTerm, figs map[string][]string) {
	for i, t := range terms {
		if plain := figs[t.Word]; len(plain) > 0 {
			if e.plainAt == nil {
				e.plainAt = make(map[int]plainWords)
			}
			e.plainAt[len(e.seq)] = plainWords{stems: plain, pol: polarityOf(t.negated)}
		}
		e.stems[t.Stem] |= polarityOf(t.negated)
		if i > 0 && !t.Number && !terms[i-1].Number {
			if e.bigrams == nil {
				e.bigrams = make(map[[2]string]polarity)
			}
			e.bigrams[[2]string{terms[i-1].Stem, t.Stem}] |= polarityOf(terms[i-1].negated) | polarityOf(t.negated)
		}
		if t.abandoned {
			if e.setAside == nil {
				e.setAside = make(map[string]bool)
			}
			e.setAside[t.Stem] = true
		}
		if t.avoided {
			// What a passage says is avoided does not happen: a sentence
			// may deny it ("so the talks do not fall prey to…" for
			// "avoid falling prey to…").
			e.stems[t.Stem] |= denied
		}
		e.seq = append(e.seq, t.Stem)
		e.active = append(e.active, t.active)
		if t.Number {
			k := numberKey(t.Word)
			e.numbers[k] = true
			// "three decades" holds "thirty years" too.
			if n, err := strconv.Atoi(k); err == nil && i+1 < len(terms) && terms[i+1].Stem == "decad" {
				e.numbers[strconv.Itoa(10*n)] = true
			}
		}
	}
}

// soToo finds "…increases, so too does Y": the verb of change before the
// comma, and what changes with it.
var soToo = regexp.MustCompile(`(?i)\b([a-z]+)\s*,\s*so\s+too\s+(?:does|do|did|has|have|will|can)\s+([^.;:!?,]+)`)

// addChanges records what a sentence says changes the way a verb of
// change before "so too" does (see evidence.changes).
func (e *evidence) addChanges(sentence string) {
	if soToo.MatchString(sentence) {
		stems := make(map[string]bool)
		for _, t := range claimTerms(sentence) {
			stems[t.Stem] = true
		}
		e.together = append(e.together, stems)
	}
	for _, m := range soToo.FindAllStringSubmatch(sentence, -1) {
		verb := claimTerms(m[1])
		if len(verb) != 1 {
			continue
		}
		dir := knowledge.Direction(verb[0].Stem)
		if dir == 0 {
			continue
		}
		for _, t := range claimTerms(m[2]) {
			if e.changes == nil {
				e.changes = make(map[string]int)
			}
			e.changes[t.Stem] = dir
		}
	}
}

// hasKey reports whether the passages hold a lexicon key: a stem, or a
// phrase of stems joined by spaces standing next to one another.
func (e *evidence) hasKey(key string) bool {
	if !strings.Contains(key, " ") {
		return e.stems[key] != 0
	}
	words := strings.Fields(key)
	for i := 0; i+len(words) <= len(e.seq); i++ {
		match := true
		for j, w := range words {
			if e.seq[i+j] != w {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// cardinals and ordinals map number words to the digits that write them, so
// that "three" and "3", "first" and "1st" are one number.
var (
	cardinals = map[string]string{
		"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
		"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
		"fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
		"nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
		"seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000",
		"million": "1000000", "billion": "1000000000", "trillion": "1000000000000", "dozen": "12",
	}
	ordinals = map[string]string{
		"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
		"seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th", "eleventh": "11th",
		"twelfth": "12th", "twentieth": "20th", "hundredth": "100th",
	}
)

// numberKey is how a number word compares: digits for a number word,
// "1st" for "first", the word itself otherwise ("half", "percent").
func numberKey(w string) string {
	if d, ok := cardinals[w]; ok {
		return d
	}
	if d, ok := ordinals[w]; ok {
		return d
	}
	return w
}

// extends returns how the passages use the words whose stem extends stem,
// or that stem extends, by at most maxStemExtra letters, the shorter of
// the two at least minStemPrefix long.
func (e *evidence) extends(stem string) polarity {
	var pol polarity
	if len(stem) < minStemPrefix {
		return 0
	}
	for s, p := range e.stems {
		if extension(s, stem) {
			pol |= p
		}
	}
	return pol
}

// extension reports whether one of two stems extends the other by at most
// maxStemExtra letters, the shorter at least minStemPrefix long.
func extension(a, b string) bool {
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short) >= minStemPrefix && len(long)-len(short) <= maxStemExtra && strings.HasPrefix(long, short)
}

// near reports whether stem stands within roleWindow content words before
// place p of the passages' words, and after it, in the same passage.
func (e *evidence) near(p int, stem string) (before, after bool) {
	for i := p - 1; i >= 0 && i >= p-roleWindow && e.seq[i] != ""; i-- {
		before = before || e.seq[i] == stem
	}
	for i := p + 1; i < len(e.seq) && i <= p+roleWindow && e.seq[i] != ""; i++ {
		after = after || e.seq[i] == stem
	}
	return before, after
}

// doneBy reports whether the passages put doer within agentWindow content
// words before word, in one sentence; alike says which of their words stand
// for either ("the Iranian government" for "Iran's government", "sought"
// for "seek").
func (e *evidence) doneBy(word, doer string, alike func(stem, passage string) bool) bool {
	seq := e.sentenceSeq
	for p, w := range seq {
		if !alike(word, w) {
			continue
		}
		for i := p - 1; i >= 0 && i >= p-agentWindow && seq[i] != ""; i-- {
			if alike(doer, seq[i]) {
				return true
			}
		}
	}
	return false
}

// doneByOther reports whether a passage sentence holds word with none of
// doers before it, and none holds it after one of them.
func (e *evidence) doneByOther(word string, doers []string, alike func(stem, passage string) bool) bool {
	seq, found, start := e.sentenceSeq, false, 0
	for p, w := range seq {
		if w == "" {
			start = p + 1
			continue
		}
		if !alike(word, w) {
			continue
		}
		for _, x := range seq[start:p] {
			if slices.ContainsFunc(doers, func(doer string) bool { return alike(doer, x) }) {
				return false
			}
		}
		found = true
	}
	return found
}

// doersOf reports whether a passage sentence puts one of doers within
// targetWindow content words after a word alike target: "efforts to break
// the impasse by forward-thinking officials" names the officials as doers
// of the efforts.
func (e *evidence) doersOf(target string, doers []string, alike func(stem, passage string) bool) bool {
	seq := e.sentenceSeq
	for p, w := range seq {
		if w == "" || !alike(target, w) {
			continue
		}
		for i := p + 1; i < len(seq) && i <= p+targetWindow && seq[i] != ""; i++ {
			if slices.ContainsFunc(doers, func(doer string) bool { return alike(doer, seq[i]) }) {
				return true
			}
		}
	}
	return false
}

// targetWindow is how many content words after what was done its doer may
// stand.
const targetWindow = 3

// noBefore reports whether a passage denies a word of stem outright:
// "no" right before it ("no surprise"), or "not be" before it where it
// ends its clause ("should not be surprising:"; the latter added on the
// tuning halves: one contradiction more refused, nothing else changed).
func (e *evidence) noBefore(stem string) bool {
	for _, toks := range e.tokens {
		for j := 1; j < len(toks); j++ {
			// "no surprise", or "not be surprising:": a denial right
			// before the word, or before "be" and the word that ends
			// its clause (not "would not be taking place").
			ends := j+1 == len(toks) || toks[j+1].clause
			no := toks[j-1].word == "no" || toks[j-1].word == "be" && j >= 2 && toks[j-2].word == "not" && !toks[j-1].clause && ends
			if !no || toks[j].clause {
				continue
			}
			if ts := knowledge.Terms(toks[j].word); len(ts) > 0 && ts[0].Stem == stem {
				return true
			}
		}
	}
	return false
}

// listAt records the places of the passages' sections in their lists of
// themes (0 for none).
func (e *evidence) listAt(places []int) {
	for _, n := range places {
		if n <= 0 {
			continue
		}
		if e.listed == nil {
			e.listed = make(map[string]bool)
		}
		e.listed[strconv.Itoa(n)] = true
		e.listed[ordinalOf(n)] = true
	}
}

// ordinalOf writes n as numberKey reads an ordinal: "1st", "2nd", "11th".
func ordinalOf(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// namesPair reports whether toks join two names by "and" ("President Obama
// and Ayatollah Khamenei", "Washington and Tehran"): a pair a draft may
// call "the two leaders".
func namesPair(toks []token) bool {
	for k := 1; k+1 < len(toks); k++ {
		if toks[k].word == "and" && toks[k-1].capital && !toks[k-1].opens && toks[k+1].capital && !toks[k+1].clause {
			return true
		}
	}
	return false
}
