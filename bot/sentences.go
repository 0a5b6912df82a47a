package bot

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/knowledge"
)

// A draft is cut into sentences by knowledge.SplitSentences, the splitter
// that cuts passages, so that a draft sentence and a passage sentence end
// at the same places. Around it, this file handles what only drafts have:
// line breaks (lists, a lead-in on a line of its own) and citation markers
// after the terminal punctuation ("… sanctions. [1]"), which belong to the
// sentence before them.

// citeMarker matches a citation marker: [1], [1, 2] or [1,2,3];
// leadingMarkers matches a run of them, with the spaces between, at the
// start of a string; partialMarker matches what may still become one while
// a draft streams in ("[", "[1", "[1,").
var (
	citeMarker     = regexp.MustCompile(markerPattern)
	leadingMarkers = regexp.MustCompile(`^(?:\s*` + markerPattern + `)+`)
	partialMarker  = regexp.MustCompile(`^\[[\d,\s]*$`)
)

const markerPattern = `\[\s*\d+(?:\s*,\s*\d+)*\s*\]`

// span is a sentence of a draft: draft[start:end], trimmed.
type span struct{ start, end int }

// draftSentences cuts text into sentences: at line breaks, then where
// knowledge.SplitSentences cuts each line. Citation markers opening a
// sentence are moved to the end of the sentence before it on the same line.
// complete is how many of the sentences are known to be finished while the
// text may still grow: every sentence but the last, and not the one before
// a citation marker still being written either.
func draftSentences(text string) (spans []span, complete int) {
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		spans = appendLine(spans, text, start, end)
		start = end + 1
	}
	complete = len(spans) - 1
	if n := len(spans); n >= 2 && partialMarker.MatchString(text[spans[n-1].start:spans[n-1].end]) {
		complete-- // "… sanctions. [": the marker is on its way
	}
	return spans, max(complete, 0)
}

// appendLine appends the sentences of text[start:end], one line.
func appendLine(spans []span, text string, start, end int) []span {
	first := len(spans)
	for _, s := range knowledge.SplitSentences(text[start:end]) {
		from, to := start+s.Start, start+s.End
		if m := leadingMarkers.FindStringIndex(text[from:to]); m != nil && len(spans) > first {
			spans[len(spans)-1].end = from + m[1]
			from = skipSpaces(text, from+m[1], to)
		}
		if from < to {
			spans = append(spans, span{from, to})
		}
	}
	return spans
}

func skipSpaces(s string, i, end int) int {
	for i < end {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}
