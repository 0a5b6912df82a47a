package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = setOf(`mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep pres
amb rev hon fr no nos vs etc e.g i.e cf al approx dept est inc ltd co corp jan feb mar apr jun jul aug
sep sept oct nov dec fig vol ch art`)

// numberAbbreviations abbreviate only before a number ("No. 5", "Fig. 2"):
// elsewhere they are words ending a sentence ("No.", "Art.").
var numberAbbreviations = setOf(`no nos vol ch fig art`)

// splitSentences splits a paragraph into sentences. It survives dotted
// abbreviations ("U.S.", "e.g."), titles ("Dr."), initials ("John F. Kennedy"),
// sentence-final punctuation inside quotation marks and brackets, and it does
// not split inside a quotation unless the quotation runs on very long.
func splitSentences(text string) []Sentence {
	var out []Sentence
	start := skipSpace(text, 0)
	depth := 0        // curly quotation depth
	straight := false // inside a straight "..." quotation
	quoteStart := 0
	for i := start; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“':
			if depth == 0 && !straight {
				quoteStart = i
			}
			depth++
		case '”':
			if depth > 0 {
				depth--
			}
		case '"':
			straight = !straight
			if straight {
				quoteStart = i
			}
		}
		i += size
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		// Absorb runs of terminal punctuation and closing quotes/brackets.
		end := i
		for end < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[end:])
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '”' || r2 == '’' || r2 == ')' || r2 == ']' || r2 == '\'' {
				if r2 == '”' && depth > 0 {
					depth--
				}
				end += s2
				continue
			}
			if r2 == '"' && straight {
				straight = false
				end += s2
				continue
			}
			break
		}
		next := skipSpace(text, end)
		if next == end && end < len(text) {
			i = end
			continue // no space after the period: "3.5", "U.S.A", a URL
		}
		if (depth > 0 || straight) && end-quoteStart < 400 {
			i = end
			continue // a full stop inside a quotation
		}
		if r == '.' && !endsSentence(text[start:i-1], text[next:]) {
			i = end
			continue
		}
		out = appendSentence(out, text, start, end)
		start = next
		i = next
	}
	if start < len(text) {
		out = appendSentence(out, text, start, len(text))
	}
	return out
}

func appendSentence(out []Sentence, text string, start, end int) []Sentence {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if end <= start {
		return out
	}
	return append(out, Sentence{Text: text[start:end], Start: start, End: end})
}

// endsSentence decides whether a period after before ends a sentence, given
// the text that follows it.
func endsSentence(before, after string) bool {
	if after == "" {
		return true
	}
	// The token the period closes.
	j := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '“' || r == '"' })
	tok := before[j+1:]
	lower := strings.ToLower(strings.TrimRight(tok, "."))
	first, _ := utf8.DecodeRuneInString(after)
	if numberAbbreviations[lower] {
		// "No. 5" abbreviates; "No. The author…" answers.
		return !unicode.IsDigit(first)
	}
	if abbreviations[lower] {
		return false
	}
	// A dotted acronym or an initial ("U.S", "F") ends a sentence only
	// when what follows could not continue it: a capital after "U.S." is more
	// often a name ("the U.S. Congress") than a new sentence.
	if strings.Contains(tok, ".") || utf8.RuneCountInString(tok) == 1 && unicode.IsUpper([]rune(tok)[0]) {
		return false
	}
	// A lower-case continuation is not a new sentence.
	return !unicode.IsLower(first)
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}
