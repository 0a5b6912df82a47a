package main

import (
	"slices"
	"strings"

	"github.com/kljensen/snowball/english"

	"github.com/talksbot/talksbot/knowledge/internal/wordlist"
)

// term is a lemma as the knowledge package would see it in running text.
type term struct {
	stem    string // the stems of its content words, joined by single spaces
	phrase  bool   // more than one content word
	acronym bool   // "US", "U.S.", "IAEA"
}

// termOf normalises a WordNet lemma the way knowledge's scanWords and stem
// do, and reports false for a lemma that cannot be a key or a target: a stop
// word, a number, a single letter, or a phrase of fewer than two content words.
func termOf(raw string) (term, bool) {
	if letters, ok := acronymLetters(raw); ok {
		// Knowledge keeps "US" (an acronym spelling a stop word) unstemmed and
		// stems other acronyms written in capitals ("IAEA", "USA").
		s := strings.ToLower(letters)
		if !stopWords[s] {
			s = english.Stem(s, true)
		}
		if !usable(s) {
			return term{}, false
		}
		return term{stem: s, acronym: true}, true
	}
	if len(raw) <= 2 && isUpper(raw[0]) {
		return term{}, false // "Eu", "Fe": a chemical symbol, not a word
	}
	words := splitWords(raw)
	var stems []string
	for _, w := range words {
		if !stopWords[w] {
			stems = append(stems, english.Stem(w, true))
		}
	}
	switch {
	case len(words) == 1 && len(stems) == 1:
		// "willing" stems to "will", "Mays" to "may": a stem that spells a
		// stop word would never be looked up.
		if !usable(stems[0]) || stopWords[stems[0]] {
			return term{}, false
		}
		return term{stem: stems[0]}, true
	case len(stems) >= 2:
		if slices.ContainsFunc(stems, func(s string) bool { return !usable(s) }) {
			return term{}, false
		}
		return term{stem: strings.Join(stems, " "), phrase: true}, true
	}
	return term{}, false
}

// usable reports whether a stem may be a key or a target: not a number and
// not a single letter.
func usable(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			return true
		}
	}
	return false
}

// splitWords splits a lemma into lower-case words as scanWords would:
// underscores, dashes, dots and other punctuation separate words; a
// possessive 's is dropped and other apostrophes are removed ("o'clock" →
// "oclock"). A word with a letter outside a–z is dropped.
func splitWords(raw string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(raw), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '\'')
	}) {
		w = strings.Trim(w, "'")
		if strings.HasSuffix(w, "'s") {
			w = w[:len(w)-2]
		}
		w = strings.ReplaceAll(w, "'", "")
		if w != "" {
			words = append(words, w)
		}
	}
	return words
}

// acronymLetters reports whether raw is an acronym — two to eight capital
// letters or digits, at least two of them letters ("US", "IAEA", "G8"), or a
// dotted one ("U.S.", "U.S.A.") — and returns its letters without dots.
func acronymLetters(raw string) (string, bool) {
	if strings.Contains(raw, ".") {
		// Dotted: single letters each followed by a dot.
		var b strings.Builder
		for i := 0; i < len(raw); i += 2 {
			if i+1 >= len(raw) || raw[i+1] != '.' || !isUpper(raw[i]) && !isLower(raw[i]) {
				return "", false
			}
			b.WriteByte(raw[i])
		}
		s := b.String()
		return strings.ToUpper(s), len(s) >= 2 && strings.ToUpper(s) == s
	}
	if len(raw) < 2 || len(raw) > 8 {
		return "", false
	}
	letters := 0
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case isUpper(c):
			letters++
		case '0' <= c && c <= '9':
		default:
			return "", false
		}
	}
	return raw, letters >= 2
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

// initials returns the capitalised first letters of a multi-word lemma's
// words: all of them, and those of its content words ("United_States_of_America"
// → "USOA", "USA").
func initials(raw string) (all, content string) {
	var a, c strings.Builder
	for _, w := range splitWords(raw) {
		i := strings.ToUpper(w[:1])
		a.WriteString(i)
		if !stopWords[w] {
			c.WriteString(i)
		}
	}
	return a.String(), c.String()
}

// stopWords are knowledge's stop words and its question words, which
// knowledge drops from queries as well.
var stopWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(wordlist.Stop + " " + wordlist.Question) {
		m[w] = true
	}
	return m
}()
