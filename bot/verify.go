package bot

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reasons Verify rejects a draft; test them with errors.Is.
var (
	ErrNoCitation      = errors.New("draft cites no passage")
	ErrBadCitation     = errors.New("draft cites a passage it was not given")
	ErrInventedQuote   = errors.New("draft quotes text its passages do not hold")
	ErrUncitedSentence = errors.New("draft has a sentence that neither cites nor quotes a passage")
)

// minQuoteWords is the fewest words a quotation needs to be checked: shorter
// ones ("so-called" terms, names) are ordinary usage, not quotes. A sentence
// standing uncited as a verbatim quote needs as many words.
const minQuoteWords = 3

// maxLeadInWords is the most words an uncited lead-in may have: a short
// phrase ending in a colon ("In short:") that introduces the cited sentences
// and claims nothing itself.
const maxLeadInWords = 3

// citeMarker matches a citation marker: [1], [1, 2] or [1,2,3];
// leadingMarker matches one at the start of a string.
var (
	citeMarker    = regexp.MustCompile(markerPattern)
	leadingMarker = regexp.MustCompile(`^` + markerPattern)
)

const markerPattern = `\[\s*\d+(?:\s*,\s*\d+)*\s*\]`

// Verify checks a draft against the passages it was given, numbered from 1,
// sentence by sentence. The draft must cite at least one passage as [n]
// (also [1][2] or [1, 2]), and every cited number must name a given passage.
// Every sentence must either cite a passage or be, as a whole, a verbatim
// quote of one (of three words or more); only a lead-in of at most three
// words ending in a colon ("In short:") and a sentence without a letter or
// digit may stand uncited. Every quotation of three words or more, in double
// quotes of any kind (straight, curly, mixed, „…“ or «…»), must appear in a
// passage its sentence cites; a quotation left open is taken as invented.
// Quotations are compared after normalising case, white space, curly quotes,
// apostrophes and dashes, as whole words; an ellipsis may stand for omitted
// text. A period after an abbreviation ("U.S.", "Dr.", an initial) or before
// a lower-case word does not end a sentence.
//
// The error wraps ErrNoCitation, ErrBadCitation, ErrInventedQuote or
// ErrUncitedSentence and names the sentence, never the draft's text.
func Verify(text string, passages []Citation) error {
	return newChecker(passages).verify(text)
}

// verify is Verify against the checker's passages.
func (c *checker) verify(text string) error {
	if !citeMarker.MatchString(text) {
		return ErrNoCitation
	}
	for i, sp := range draftSentences(text) {
		if _, err := c.sentence(text[sp.start:sp.end]); err != nil {
			return fmt.Errorf("sentence %d: %w", i+1, err)
		}
	}
	return nil
}

// checker verifies draft sentences against a fixed set of passages.
type checker struct {
	passages []string // normalised with normalizeQuote, in the given order
}

func newChecker(passages []Citation) *checker {
	c := &checker{passages: make([]string, len(passages))}
	for i, p := range passages {
		c.passages[i] = normalizeQuote(p.Text)
	}
	return c
}

// sentence checks one draft sentence. cites reports whether it cites a
// passage.
func (c *checker) sentence(s string) (cites bool, err error) {
	var cited []int
	for _, m := range citeMarker.FindAllString(s, -1) {
		ns, err := citedNumbers(m, len(c.passages))
		if err != nil {
			return false, err
		}
		cited = append(cited, ns...)
	}
	quotes, closed := quotations(s)
	if !closed {
		return false, fmt.Errorf("%w: a quotation is left open", ErrInventedQuote)
	}
	for _, q := range quotes {
		if n := len(strings.Fields(q)); n >= minQuoteWords && !quoted(q, c.passages, cited) {
			// The quotation itself stays out of the error: errors are
			// logged above debug level, draft text is not.
			return false, fmt.Errorf("%w: a quotation of %d words", ErrInventedQuote, n)
		}
	}
	switch {
	case len(cited) > 0:
		return true, nil
	case !hasWord(s), leadIn(s):
		return false, nil
	case len(strings.Fields(s)) >= minQuoteWords && quoted(s, c.passages, nil):
		return false, nil // a verbatim quote, with or without quotation marks
	}
	return false, fmt.Errorf("%w: %d words", ErrUncitedSentence, len(strings.Fields(s)))
}

// verifiedPrefix returns the length of the longest prefix of a draft that
// is still being written that consists of whole sentences passing the
// checks of Verify and citing at least one passage; 0 when there is none.
// The last sentence is taken as unfinished: more words or its citation may
// still be on their way.
func (c *checker) verifiedPrefix(text string) int {
	spans := draftSentences(text)
	if len(spans) < 2 {
		return 0
	}
	end, cited := 0, false
	for _, sp := range spans[:len(spans)-1] {
		cites, err := c.sentence(text[sp.start:sp.end])
		if err != nil {
			break
		}
		cited = cited || cites
		if cited {
			end = sp.end
		}
	}
	return end
}

// citedNumbers parses a marker such as "[1, 2]" into 0-based passage
// indexes, each checked against n passages.
func citedNumbers(marker string, n int) ([]int, error) {
	parts := strings.Split(strings.Trim(marker, "[]"), ",")
	idx := make([]int, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		k, err := strconv.Atoi(p)
		if err != nil || k < 1 || k > n {
			return nil, fmt.Errorf("%w: [%s] (%d given)", ErrBadCitation, shorten(p, 12), n)
		}
		idx = append(idx, k-1)
	}
	return idx, nil
}

// quoted reports whether every part of quotation q (parts are separated by
// an ellipsis) appears, as whole words, in one of the cited passages, or in
// any passage when none is cited.
func quoted(q string, passages []string, cited []int) bool {
	candidates := cited
	if len(candidates) == 0 {
		candidates = make([]int, len(passages))
		for i := range passages {
			candidates[i] = i
		}
	}
	parts := strings.FieldsFunc(strings.ReplaceAll(q, "...", "…"), func(r rune) bool { return r == '…' })
	for i, part := range parts {
		parts[i] = normalizeQuote(strings.TrimFunc(part, isQuoteEdge))
	}
	for _, c := range candidates {
		found := true
		for _, part := range parts {
			if part != "" && !containsWords(passages[c], part) {
				found = false
				break
			}
		}
		if found {
			return true
		}
	}
	return false
}

// containsWords reports whether s holds sub without cutting a word: where
// sub starts or ends with a letter or digit, s must not continue that word.
func containsWords(s, sub string) bool {
	first, _ := utf8.DecodeRuneInString(sub)
	last, _ := utf8.DecodeLastRuneInString(sub)
	for off := 0; off <= len(s); {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return false
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(sub):])
		if !(isWordRune(first) && i > 0 && isWordRune(before)) &&
			!(isWordRune(last) && i+len(sub) < len(s) && isWordRune(after)) {
			return true
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		off = i + max(size, 1)
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool { return strings.IndexFunc(s, isWordRune) >= 0 }

// leadIn reports whether s is a short phrase ending in a colon, such as
// "In short:", that introduces what follows and claims nothing.
func leadIn(s string) bool {
	return strings.HasSuffix(s, ":") && len(strings.Fields(s)) <= maxLeadInWords
}

// isDoubleQuote reports the marks that open or close a quotation. Any of
// them closes a quotation any of them opened, so mixed marks ("…” or “…")
// are checked like matched ones.
func isDoubleQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»':
		return true
	}
	return false
}

// isQuoteEdge reports runes a quotation may carry at its edges that the
// passage need not: punctuation the drafter adds and brackets around an
// ellipsis.
func isQuoteEdge(r rune) bool {
	return unicode.IsSpace(r) || isDoubleQuote(r) || strings.ContainsRune(`.,;:!?'[]()‘’`, r)
}

// normalizeQuote lowers case, maps curly quotes and apostrophes to straight
// ones, spaces every dash and collapses white space, so that typography does
// not decide whether a quotation matches.
func normalizeQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	emit := func(r rune) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	for _, r := range s {
		switch r {
		case '‘', '’', '‚', '‛', '′', '`':
			emit('\'')
		case '“', '”', '„', '‟', '″', '«', '»':
			emit('"')
		case '-', '‐', '‑', '‒', '–', '—', '―', '−':
			space = true
			emit('-')
			space = true
		default:
			if unicode.IsSpace(r) {
				space = true
				continue
			}
			emit(unicode.ToLower(r))
		}
	}
	return b.String()
}

// quotations returns the texts a draft sentence puts in double quotes.
// closed is false when the sentence leaves a quotation open.
func quotations(s string) (quotes []string, closed bool) {
	open := -1 // where the open quotation's text starts
	for i, r := range s {
		if !isDoubleQuote(r) {
			continue
		}
		if open < 0 {
			open = i + utf8.RuneLen(r)
			continue
		}
		quotes = append(quotes, s[open:i])
		open = -1
	}
	return quotes, open < 0
}

// span is a sentence of a draft: draft[start:end], trimmed.
type span struct{ start, end int }

// draftSentences splits a draft into sentences. A sentence ends at a line
// break, or at ., ! or ? followed by white space outside quotation marks (a
// closing quotation mark right after one ends it too). Citation markers
// right after the end ("… sanctions. [1]") belong to the sentence they
// follow. A period does not end a sentence after an abbreviation, an initial
// or a list number, nor before a lower-case word; see continues.
func draftSentences(s string) []span {
	var out []span
	start := 0
	inQuote := false
	var prev rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next := i + size
		end := false
		switch {
		case r == '\n':
			out = appendSpan(out, s, start, i)
			start, inQuote = next, false
		case isDoubleQuote(r):
			inQuote = !inQuote
			end = !inQuote && isTerminal(prev)
		case isTerminal(r) && !inQuote:
			end = true
		}
		if end {
			j := afterMarkers(s, next)
			if (j == len(s) || startsWithSpace(s[j:])) && (j > next || !continues(s[start:next], s[j:])) {
				out = appendSpan(out, s, start, j)
				start, next = j, j
			}
		}
		prev = r
		i = next
	}
	return appendSpan(out, s, start, len(s))
}

// abbreviations end with a period that rarely ends a sentence. "No" and
// "etc" are left out: a draft is likelier to end a sentence with them.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true, "st": true,
	"gen": true, "col": true, "lt": true, "gov": true, "sen": true, "rep": true, "pres": true, "amb": true,
	"rev": true, "vs": true, "cf": true, "approx": true, "dept": true, "inc": true, "ltd": true, "corp": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "fig": true, "vol": true, "ch": true, "art": true,
}

// continues reports whether a sentence fragment ending in a period goes on
// in rest: the period closes an abbreviation ("U.S.", "e.g.", "Dr."), an
// initial ("John F. Kennedy") or a list number ("1."), or a lower-case word
// follows it.
func continues(fragment, rest string) bool {
	if !strings.HasSuffix(fragment, ".") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(rest, unicode.IsSpace)); unicode.IsLower(r) {
		return true
	}
	body := strings.TrimSuffix(fragment, ".")
	tok := body[strings.LastIndexFunc(body, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || isDoubleQuote(r)
	})+1:]
	switch {
	case tok == "":
		return false
	case strings.Contains(tok, "."): // U.S, e.g, i.e
		return true
	case utf8.RuneCountInString(tok) == 1 && unicode.IsUpper([]rune(tok)[0]): // an initial
		return true
	case tok == strings.TrimSpace(body) && strings.Trim(tok, "0123456789") == "": // "1." opening a list item
		return true
	}
	return abbreviations[strings.ToLower(tok)]
}

func isTerminal(r rune) bool { return r == '.' || r == '!' || r == '?' }

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// afterMarkers returns the position after the citation markers (and the
// spaces before them) that start at s[i:], or i when there are none.
func afterMarkers(s string, i int) int {
	for {
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		loc := leadingMarker.FindStringIndex(s[j:])
		if loc == nil {
			return i
		}
		i = j + loc[1]
	}
}

// appendSpan appends s[start:end], trimmed, unless it is blank.
func appendSpan(out []span, s string, start, end int) []span {
	for start < end {
		r, size := utf8.DecodeRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if start < end {
		out = append(out, span{start, end})
	}
	return out
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
