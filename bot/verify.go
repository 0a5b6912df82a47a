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
	ErrNoCitation    = errors.New("draft cites no passage")
	ErrBadCitation   = errors.New("draft cites a passage it was not given")
	ErrInventedQuote = errors.New("draft quotes text its passages do not hold")
)

// minQuoteWords is the fewest words a quotation needs to be checked: shorter
// ones ("so-called" terms, names) are ordinary usage, not quotes.
const minQuoteWords = 3

// citeMarker matches a citation marker: [1], [1, 2] or [1,2,3];
// leadingMarker matches one at the start of a string.
var (
	citeMarker    = regexp.MustCompile(markerPattern)
	leadingMarker = regexp.MustCompile(`^` + markerPattern)
)

const markerPattern = `\[\s*\d+(?:\s*,\s*\d+)*\s*\]`

// Verify checks a draft against the passages it was given, numbered from 1.
// The draft must cite at least one passage as [n] (also [1][2] or [1, 2]);
// every cited number must name a given passage; and every quotation of three
// words or more, in straight or curly double quotes, must appear in a passage
// cited in the same sentence, or in any given passage when that sentence
// cites none. Quotations are compared after normalising case, white space,
// curly quotes, apostrophes and dashes; an ellipsis may stand for omitted
// text. The error wraps ErrNoCitation, ErrBadCitation or ErrInventedQuote.
func Verify(text string, passages []Citation) error {
	markers := citeMarker.FindAllString(text, -1)
	if len(markers) == 0 {
		return ErrNoCitation
	}
	for _, m := range markers {
		if _, err := citedNumbers(m, len(passages)); err != nil {
			return err
		}
	}
	normalized := make([]string, len(passages))
	for i, p := range passages {
		normalized[i] = normalizeQuote(p.Text)
	}
	for i, sentence := range splitDraft(text) {
		var cited []int
		for _, m := range citeMarker.FindAllString(sentence, -1) {
			ns, _ := citedNumbers(m, len(passages)) // checked above
			cited = append(cited, ns...)
		}
		for _, q := range quotations(sentence) {
			if len(strings.Fields(q)) < minQuoteWords {
				continue
			}
			if !quoted(q, normalized, cited) {
				// The quotation itself stays out of the error: errors are
				// logged above debug level, draft text is not.
				return fmt.Errorf("%w: sentence %d, a quotation of %d words", ErrInventedQuote, i+1, len(strings.Fields(q)))
			}
		}
	}
	return nil
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
// an ellipsis) appears in one of the cited passages, or in any passage when
// none is cited.
func quoted(q string, passages []string, cited []int) bool {
	candidates := cited
	if len(candidates) == 0 {
		candidates = make([]int, len(passages))
		for i := range passages {
			candidates[i] = i
		}
	}
	parts := strings.FieldsFunc(strings.ReplaceAll(q, "...", "…"), func(r rune) bool { return r == '…' })
	for _, c := range candidates {
		found := true
		for _, part := range parts {
			part = normalizeQuote(strings.TrimFunc(part, isQuoteEdge))
			if part != "" && !strings.Contains(passages[c], part) {
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

// isQuoteEdge reports runes a quotation may carry at its edges that the
// passage need not: punctuation the drafter adds and brackets around an
// ellipsis.
func isQuoteEdge(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(`.,;:!?'"[]()‘’“”`, r)
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
		case '“', '”', '„', '‟', '″':
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

// quotations returns the texts a draft sentence puts in double quotes,
// straight or curly.
func quotations(s string) []string {
	var out []string
	for rest := s; ; {
		i := strings.IndexAny(rest, "\"“")
		if i < 0 {
			return out
		}
		open, size := utf8.DecodeRuneInString(rest[i:])
		closing := "\""
		if open == '“' {
			closing = "”"
		}
		rest = rest[i+size:]
		j := strings.Index(rest, closing)
		if j < 0 {
			return out
		}
		out = append(out, rest[:j])
		rest = rest[j+len(closing):]
	}
}

// splitDraft splits a draft into sentences. A sentence ends at a line break
// or at ., ! or ? followed by white space, outside quotation marks; citation
// markers right after the end ("… sanctions. [1]") belong to the sentence
// they follow.
func splitDraft(s string) []string {
	var out []string
	start := 0
	inQuote := false
	var prev rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next := i + size
		end := false
		switch {
		case r == '\n':
			out = appendSentence(out, s[start:i])
			start, inQuote = next, false
		case r == '“':
			inQuote = true
		case r == '”' || (r == '"' && inQuote):
			inQuote = false
			end = isTerminal(prev)
		case r == '"':
			inQuote = true
		case isTerminal(r) && !inQuote:
			end = true
		}
		if end {
			j := afterMarkers(s, next)
			if j == len(s) || startsWithSpace(s[j:]) {
				out = appendSentence(out, s[start:j])
				start, next = j, j
			}
		}
		prev = r
		i = next
	}
	return appendSentence(out, s[start:])
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

func appendSentence(out []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		out = append(out, s)
	}
	return out
}

// shorten cuts s to at most n runes for an error message.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
