package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minEllipsisWords is the fewest words each part of a quotation joined by an
// ellipsis must have: shorter parts could be stitched together from
// anywhere in a passage into a quotation it never holds.
const minEllipsisWords = 4

// maxElidedWords is the most words of the passage an ellipsis may stand
// for: across more, the quoted words no longer say what they said to each
// other ("Washington deserves credit for 'abandoning the failed approach …
// with the current political set-up'", where thirteen words stood between,
// about an endgame). On the labelled drafts' tuning sets the one faithful
// quotation with an ellipsis left out nine words; the stitched ones that
// kept to the other rules, six to thirteen.
const maxElidedWords = 10

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
// unless it elides the start of a word ("'til", "'em"; "'80s" starts with
// a digit); it closes one after anything but a space and before a space,
// punctuation or the end. An apostrophe within a word ("it’s") does
// neither. One after a plural ("the sides’ interest") closes nothing
// unless a quotation is open, and then only when no other mark closes it
// before the next one opens: "‘the hardliners’ commitment will grow’" is
// one quotation. A quotation left open is taken for an apostrophe.
func singleQuotations(s string) []string {
	var marks []quoteMark
	prev := ' '
	for i, r := range s {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, size = utf8.DecodeRuneInString(s[i:])
		}
		if r == '\'' || r == '‘' || r == '’' || r == '‛' {
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if i+size == len(s) {
				next = ' '
			}
			m := quoteMark{at: i, size: size}
			m.opens = r != '’' && !isWordRune(prev) && unicode.IsLetter(next) && !elides(s[i+size:])
			m.ends = r != '‘' && !unicode.IsSpace(prev) && !isWordRune(next)
			m.plural = m.ends && (prev == 's' || prev == 'S')
			if m.opens || m.ends {
				marks = append(marks, m)
			}
		}
		prev = r
	}
	var quotes []string
	open := -1
	for k, m := range marks {
		switch {
		case open < 0 && m.opens:
			open = m.at + m.size
		case open >= 0 && m.ends:
			if m.plural && laterEnd(marks[k+1:]) {
				continue // "the hardliners’ commitment…’": a possessive
			}
			quotes = append(quotes, s[open:m.at])
			open = -1
		}
	}
	return quotes
}

// quoteMark is a single quotation mark that may open or close a quotation.
type quoteMark struct {
	at, size    int
	opens, ends bool
	plural      bool // a closing mark right after an "s": maybe a possessive
}

// laterEnd reports whether a mark among marks closes a quotation before
// one opens a new one.
func laterEnd(marks []quoteMark) bool {
	for _, m := range marks {
		if m.ends {
			return true
		}
		if m.opens {
			return false
		}
	}
	return false
}

// elides reports whether the word that rest begins with is one an
// apostrophe shortens at its start ("'til", "'em", "'cause").
func elides(rest string) bool {
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	switch strings.ToLower(rest[:end]) {
	case "til", "em", "cause", "cos", "n", "tis", "twas", "bout", "round", "nuff":
		return true
	}
	return false
}

// quoted reports whether quotation q is a contiguous span of one of the
// passages of ev, as whole words, quotes and case folded. An ellipsis may
// join spans of one sentence of a passage when each has at least
// minEllipsisWords words, they come in the sentence's order and at most
// maxElidedWords words stand between two: spans
// from two sentences make a claim neither makes ("officials in Washington
// and Tehran … torpedoed attempts at resolving tensions").
func quoted(q string, ev *evidence) bool {
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
	in := ev.folded
	if len(kept) > 1 {
		in = ev.foldedSentences
	}
	for _, p := range in {
		if inOrder(p, kept) {
			return true
		}
	}
	return false
}

// inOrder reports whether parts appear in passage p as whole words, each
// after the one before, with at most maxElidedWords words between two.
func inOrder(p string, parts []string) bool {
	off := 0
	for k, part := range parts {
		i := indexWords(p[off:], part)
		if i < 0 || k > 0 && wordCount(p[off:off+i]) > maxElidedWords {
			return false
		}
		off += i + len(part)
	}
	return true
}

// wordCount counts the words of s, not its dashes.
func wordCount(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if hasWord(f) {
			n++
		}
	}
	return n
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

// speakerWords are the words for people who may be given a quotation
// ("a senior official told the author that '…'"), beside names.
var speakerWords = setOf(`official officials ambassador minister secretary president diplomat diplomats ayatollah
leader leaders spokesman spokeswoman spokesperson negotiator negotiators envoy senator senators congressman
congresswoman adviser advisor analyst expert`)

// reportingWords say that the words after them are someone's: only
// where one stands before a quotation does the sentence give it to the
// names before it ("the United States has shown … a real 'dialogue among
// equals'" gives the words to no one).
var reportingWords = setOf(`said says say saying told tells tell telling warned warns warning described describes
describing noted notes noting remarked remarks explained explains argued argues stressed stresses emphasized
emphasised emphasizes emphasises added adds adding put puts wrote writes called calls according quoted quotes
declared declares insisted insists observed observes cautioned cautions recalled recalls urged urges claimed claims
stated asserted asserts maintained maintains suggested suggests contended contends announced announces
predicted predicts advised advises`)

// authorWords stand for the author, who may be given any of the passages'
// words and to whom any quotation may be told.
var authorWords = setOf(`author authors writer writers columnist me`)

// attributed reports whether the speaker sentence s gives quotation q (a
// span of the passages; see quoted) is one the passages give it to. Where a
// reporting word (reportingWords) stands between the end of the quotation
// before q, or the sentence's start, and q, the names and words for people
// (speakerWords) of its clause before it — after it for "according to" —
// are the speaker: each name must stand in the passage's sentence that
// holds q, outside q, or in the sentence before when q opens it; a word for
// a person may be another such word ("diplomat" for "official"). "A senior
// Western official told the author that 'Diplomacy is like remodeling a
// house'" is refused where the passage gives those words to Ambassador
// Limbert, and "Limbert warned that 'it won't be easy'" where they are the
// author's; the author may be given any of the passages' words. Someone
// else's must be a quotation in the passages too (see quotedInPassage). A
// quotation after another with no reporting word between is the same
// speaker's ("X said … 'A' and that 'B'"). A quotation whose first part no
// single sentence holds is not checked.
func attributed(s, q string, ev *evidence) bool {
	at := quoteAt(s, q)
	if at < 0 {
		return true
	}
	lead := s[:at]
	if i := strings.LastIndexFunc(strings.TrimRightFunc(lead, isQuoteEdge), isDoubleQuote); i >= 0 {
		_, size := utf8.DecodeRuneInString(lead[i:])
		lead = lead[i+size:]
	}
	toks := scanTokens(lead)
	names, roles := speakerOf(toks)
	if len(names) == 0 && len(roles) == 0 && len(lead) < at && carriesQuote(toks) {
		// "X said … 'A' and that 'B'", "'A' and are keeping 'B'": B is
		// X's too.
		names, roles = speakerOf(scanTokens(s[:at]))
	}
	if len(names) == 0 && len(roles) == 0 {
		return true
	}
	first := strings.FieldsFunc(strings.ReplaceAll(q, "...", "…"), func(r rune) bool { return r == '…' })
	if len(first) == 0 {
		return true
	}
	part := foldQuote(strings.TrimFunc(first[0], isQuoteEdge))
	if part == "" {
		return true
	}
	found := false
	for i, sen := range ev.foldedSentences {
		at := indexWords(sen, part)
		if at < 0 {
			continue
		}
		found = true
		outside := sen[:at] + " " + sen[at+len(part):]
		if k := i - 1; k >= 0 && ev.sentences[k].passage == ev.sentences[i].passage && !hasWord(sen[:at]) {
			outside += " " + ev.foldedSentences[k]
		}
		stems := make(map[string]bool)
		anyRole := false
		for _, t := range claimTerms(outside) {
			stems[t.Stem] = true
			anyRole = anyRole || speakerWords[t.Word]
		}
		if !slices.ContainsFunc(names, func(st string) bool { return !stems[st] }) &&
			(len(roles) == 0 || anyRole || !slices.ContainsFunc(roles, func(st string) bool { return !stems[st] })) &&
			quotedInPassage(ev, ev.sentences[i].passage, part) {
			return true
		}
	}
	return !found
}

// quotedInPassage reports whether passage p of ev quotes part: whether one
// of its quotations, in double or single marks, holds it ("We're in the
// business of…" in a quotation the sentence before opened). Words the
// passages say in their own voice ("Zarif and Kerry have emphasized that
// win-win solutions…") are no one's to be quoted as saying.
func quotedInPassage(ev *evidence, p int, part string) bool {
	qs, _ := quotations(ev.folded[p])
	for _, q := range qs {
		if indexWords(q, part) >= 0 {
			return true
		}
	}
	return false
}

// carriesQuote reports whether the words between two quotations, as
// toks, carry the first one's speaker on to the second: nothing, a joiner,
// or a joiner before "that" or an auxiliary ("and that", "and are
// keeping"), not a subject of their own ("and both sides are now
// demonstrating", "while opponents portray").
func carriesQuote(toks []token) bool {
	i := 0
	for i < len(toks) && quoteJoiners[toks[i].word] {
		i++
	}
	return i == len(toks) || i > 0 && (toks[i].word == "that" || auxiliaries[toks[i].word])
}

// quoteJoiners join a quotation to the one before it.
var quoteJoiners = setOf(`and or also then`)

// quoteAt returns where quotation q stands in s right after a quotation
// mark, or -1: not inside a word ("war" in "warned").
func quoteAt(s, q string) int {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], q)
		if i < 0 {
			return -1
		}
		i += off
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); isDoubleQuote(r) || r == '\'' || r == '‘' {
			return i
		}
		off = i + 1
	}
	return -1
}

// speakerOf returns the stems of the names and of the words for people
// that the last reporting word of toks gives words to: those of its clause
// before it, or after "according to". Words for the author are no one's.
func speakerOf(toks []token) (names, roles []string) {
	r := -1
	for i, t := range toks {
		if reportingWords[t.word] {
			r = i
		}
	}
	if r < 0 {
		return nil, nil
	}
	from, to := r, r
	if toks[r].word == "according" {
		from, to = r+1, r+1
		for to < len(toks) && (to == from || !toks[to].clause) {
			to++
		}
	} else {
		for from > 0 && !toks[from].clause {
			from--
		}
	}
	for _, t := range toks[from:to] {
		if authorWords[t.word] || reportingWords[t.word] {
			continue
		}
		for _, ct := range claimTerms(t.word) {
			switch {
			case speakerWords[t.word]:
				roles = append(roles, ct.Stem)
			case t.capital:
				names = append(names, ct.Stem)
			}
		}
	}
	return names, roles
}
