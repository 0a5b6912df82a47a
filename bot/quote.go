package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// minEllipsisWords is the fewest words each part of a quotation joined by an
// ellipsis must have: shorter parts could be stitched together from
// anywhere in a passage into a quotation it never holds.
const minEllipsisWords = 4

// quotations returns the texts a draft sentence puts in quotation marks:
// double ones, and single ones outside them ('…' or ‘…’). closed is false
// when the sentence leaves a double quotation open.
func quotations(s string) (quotes []string, closed bool) {
	open := -1 // where the open quotation's text starts
	outside := 0
	for i, r := range s {
		if !isDoubleQuote(r) {
			continue
		}
		if open < 0 {
			quotes = append(quotes, singleQuotations(s[outside:i])...)
			open = i + utf8.RuneLen(r)
			continue
		}
		quotes = append(quotes, s[open:i])
		open, outside = -1, i+utf8.RuneLen(r)
	}
	if open < 0 {
		quotes = append(quotes, singleQuotations(s[outside:])...)
	}
	return quotes, open < 0
}

// singleQuotations returns the texts s puts in single quotation marks. A
// mark opens a quotation after a space or punctuation and before a letter,
// and closes it after anything but a space and before a space,
// punctuation or the end: an apostrophe within a word ("it’s") does
// neither, and one that could only close ("the sides’ interest") closes
// nothing unless a quotation is open. A quotation left open is taken for
// an apostrophe ("’tis").
func singleQuotations(s string) []string {
	var quotes []string
	open := -1
	prev := ' '
	for i, r := range s {
		next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
		if i+utf8.RuneLen(r) == len(s) {
			next = ' '
		}
		switch {
		case r != '\'' && r != '‘' && r != '’' && r != '‛':
		case open < 0 && r != '’' && !isWordRune(prev) && isWordRune(next):
			open = i + utf8.RuneLen(r)
		case open >= 0 && r != '‘' && !unicode.IsSpace(prev) && !isWordRune(next):
			quotes = append(quotes, s[open:i])
			open = -1
		}
		prev = r
	}
	return quotes
}

// quoted reports whether quotation q is a contiguous span of one of
// passages (each folded with foldQuote), as whole words. An ellipsis may
// join spans of one passage when each has at least minEllipsisWords words
// and they come in the passage's order.
func quoted(q string, passages []string) bool {
	parts := strings.FieldsFunc(strings.ReplaceAll(q, "...", "…"), func(r rune) bool { return r == '…' })
	kept := parts[:0]
	for _, part := range parts {
		if part = foldQuote(strings.TrimFunc(part, isQuoteEdge)); part != "" {
			kept = append(kept, part)
		}
	}
	if len(kept) == 0 {
		return true // nothing but punctuation
	}
	if len(kept) > 1 {
		for _, part := range kept {
			if len(strings.Fields(part)) < minEllipsisWords {
				return false
			}
		}
	}
	for _, p := range passages {
		if inOrder(p, kept) {
			return true
		}
	}
	return false
}

// inOrder reports whether parts appear in passage p as whole words, each
// after the one before.
func inOrder(p string, parts []string) bool {
	off := 0
	for _, part := range parts {
		i := indexWords(p[off:], part)
		if i < 0 {
			return false
		}
		off += i + len(part)
	}
	return true
}

// indexWords returns where s holds sub without cutting a word, or -1: where
// sub starts or ends with a letter or digit, s must not continue that word.
func indexWords(s, sub string) int {
	first, _ := utf8.DecodeRuneInString(sub)
	last, _ := utf8.DecodeLastRuneInString(sub)
	for off := 0; off <= len(s); {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return -1
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(sub):])
		if !(isWordRune(first) && i > 0 && isWordRune(before)) &&
			!(isWordRune(last) && i+len(sub) < len(s) && isWordRune(after)) {
			return i
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		off = i + max(size, 1)
	}
	return -1
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool { return strings.IndexFunc(s, isWordRune) >= 0 }

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

// foldQuote lowers case, maps curly quotes and apostrophes to straight
// ones, spaces every dash and collapses white space, so that typography does
// not decide whether a quotation matches.
func foldQuote(s string) string {
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
