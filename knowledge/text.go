package knowledge

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/talksbot/talksbot/knowledge/internal/wordlist"
)

// word is one token of running text, normalised for matching.
type word struct {
	text    string // lower-cased, quotes folded, possessive 's dropped
	keep    bool   // an acronym such as "U.S." or "US": never a stop word, never stemmed
	capital bool   // written with a capital letter in the source
	dashed  bool   // written right after a dash or slash that follows a word ("Iran" in "US–Iran")
	owner   bool   // written with a possessive 's ("Iran's"), which text drops
	class   uint16 // the word's classes (classStop, classQuestion, …), looked up once
	listed  uint16 // the word's number among the words of the word lists, or 0: see wordList
}

// setText gives w the text t, with t's classes and number in place of its
// own; how w was written (kept, capital, dashed, owner) stays. A word made
// by hand takes its text so, or no list holds it.
func (w *word) setText(t string) {
	e := wordEntries[t]
	w.text, w.class, w.listed = t, e.class, e.listed
}

// Word classes: what a word says (or doesn't) about a question's topic.
const (
	classStop     uint16 = 1 << iota // a function word
	classQuestion                    // what, who, when…: a cue to the answer wanted
	classFraming                     // "article", "say": framing of a question about a text
	classGeneric                     // an everyday word saying little about the topic
	classNumber                      // a number word
	classTime                        // a date or time word
	classPronoun                     // a personal pronoun standing for someone named elsewhere
	classIdiom                       // the first word of an idiom in the lexicon
	classQuote                       // "quote", "adage": the question asks for a quotation
	classWhole                       // "gist", "thesis", "main": the question may ask about a text as a whole
	classCalendar                    // a month or a day of the week: a date
	classSummary                     // a word of an idiom asking for a summary: "the bottom line"
	classFigure                      // the first word of a figure of speech, as written or inflected: see figureTerms
)

// wordEntry is what the package knows of a word before reading any text.
type wordEntry struct {
	class  uint16 // the word's classes
	listed uint16 // its number among the words of the word lists, or 0: see wordList
}

// wordEntries maps a lower-case word to its entry; one lookup per word.
// The word lists add their words' numbers as they are made (see wordSet).
var wordEntries = func() map[string]wordEntry {
	m := make(map[string]wordEntry)
	for _, c := range []struct {
		class uint16
		words string
	}{
		{classStop, stopWords}, {classQuestion, questionWords}, {classFraming, framingWords},
		{classGeneric, genericWords}, {classNumber, numberWords}, {classTime, timeWords},
		{classPronoun, personalPronouns}, {classQuote, quoteWords}, {classFraming, quoteWords},
		{classWhole, wholeWords}, {classCalendar, calendarWords},
	} {
		for _, w := range strings.Fields(c.words) {
			e := m[w]
			e.class |= c.class
			m[w] = e
		}
	}
	return m
}()

// classOf returns the classes of the word t.
func classOf(t string) uint16 { return wordEntries[t].class }

// addClass gives the word t the classes c as well as its own.
func addClass(t string, c uint16) {
	e := wordEntries[t]
	e.class |= c
	wordEntries[t] = e
}

// scanWords splits s into words: runs of letters and digits, with internal
// apostrophes ("won't") and dotted acronyms ("U.S.") kept together. Curly
// quotes are folded to ASCII and dashes separate words. The words' texts
// share one string per call, so a caller that keeps one should clone it.
func scanWords(s string, emit func(w word)) {
	type span struct {
		from, to                     int
		keep, capital, dashed, owner bool
		will                         bool // a contracted "will" followed: "what'll"
	}
	var bufStack [256]byte
	var spanStack [32]span
	buf, spans := bufStack[:0], spanStack[:0]
	// Text in capitals throughout says nothing about acronyms.
	shouting := strings.IndexFunc(s, unicode.IsLower) < 0
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && !asciiWord[c] {
			i++ // the common case of a space or punctuation, without decoding
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		from := len(buf)
		capital := unicode.IsUpper(r) && !opensQuote(s[:i])
		dashed := dashBefore(s[:i])
		upper, letters, dots, apostrophes := 0, 0, 0, 0
		for i < len(s) {
			// ASCII letters and digits, the bulk of any text, take a short path.
			if c := s[i]; c < utf8.RuneSelf && asciiWord[c] {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
					upper++
				}
				if c > '9' {
					letters++
				}
				buf = append(buf, c)
				i++
				continue
			}
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			switch {
			case isWordRune(r):
				if r < utf8.RuneSelf {
					if 'A' <= r && r <= 'Z' {
						r += 'a' - 'A'
						upper++
					}
					if r > '9' {
						letters++
					}
					buf = append(buf, byte(r))
				} else {
					if unicode.IsUpper(r) {
						upper++
					}
					if unicode.IsLetter(r) {
						letters++
					}
					buf = utf8.AppendRune(buf, unicode.ToLower(r))
				}
				i += size
				continue
			case r == '\'' || r == '’' || r == '‘':
				// An apostrophe inside a word: "won't", "Rouhani's".
				if next, _ := utf8.DecodeRuneInString(s[i+size:]); isWordRune(next) {
					apostrophes++
					buf = append(buf, '\'')
					i += size
					continue
				}
			case r == '.':
				// A dotted acronym: "U.S." — a single letter, a dot, a letter.
				if len(buf) > from && lastRunLen(buf[from:]) == 1 && i+1 < len(s) && isLetterByte(s[i+1]) && (i+2 == len(s) || s[i+2] == '.') {
					dots++
					buf = append(buf, '.')
					i += size
					continue
				}
			}
			break
		}
		keep := false
		if dots > 0 {
			buf = append(buf[:from], bytes.ReplaceAll(buf[from:], []byte("."), nil)...)
			keep = true
		} else if !shouting && letters >= 2 && upper == letters && classOf(string(buf[from:]))&classStop != 0 {
			keep = true // "US", "IT": an acronym that spells a stop word
		} else if !shouting && upper >= 2 && upper == letters-1 && bytes.HasSuffix(buf[from:], []byte("'s")) &&
			classOf(string(buf[from:len(buf)-2]))&classStop != 0 {
			keep = true // "US's": one with a possessive after it
		}
		owner, will := false, false
		if apostrophes > 0 {
			owner = bytes.HasSuffix(buf[from:], []byte("'s"))
			will = bytes.HasSuffix(buf[from:], []byte("'ll"))
			buf = append(buf[:from], foldApostrophe(buf[from:])...)
		}
		if len(buf) > from {
			spans = append(spans, span{from: from, to: len(buf), keep: keep, capital: capital, dashed: dashed, owner: owner, will: will})
		}
	}
	text := string(buf)
	prev := ""
	for k, sp := range spans {
		t := text[sp.from:sp.to]
		if t == "us" && !sp.keep && (prev == "the" || k+1 < len(spans) && spans[k+1].dashed && !pronounPairs[text[spans[k+1].from:spans[k+1].to]]) {
			// "the us", "us-iran talks": the U.S. in lower case, as chat
			// writes it; the pronoun never follows "the", and joins a
			// word by a hyphen only in a pair such as "us-versus-them".
			sp.keep = true
		}
		prev = t
		e := wordEntries[t]
		will := sp.will
		if unapostrophed.keys.holds(e.listed) {
			will = will || strings.HasSuffix(t, "ll")
			t = unapostrophed.values[t]
			e = wordEntries[t]
		}
		if sp.dashed && dashSuffixes[t] {
			// "shakespeare-ish": a suffix set apart, not a word.
			continue
		}
		emit(word{text: t, keep: sp.keep, capital: sp.capital, dashed: sp.dashed, owner: sp.owner, class: e.class, listed: e.listed})
		if will {
			// "what'll the critics say?" asks what they will say: the
			// contracted "will", with its apostrophe or without
			// ("itll"), is a word of its own, as written out.
			w := wordEntries["will"]
			emit(word{text: "will", class: w.class, listed: w.listed})
		}
	}
}

// pronounPairs follow "us" and a hyphen or a slash in pairs of the
// pronoun: "us-versus-them", "us/them".
var pronounPairs = map[string]bool{"versus": true, "vs": true, "them": true, "and": true, "or": true}

// dashSuffixes are suffixes that chat sets apart with a hyphen
// ("shakespeare-ish", "kafka-esque"): they make the word before an
// adjective and say nothing of their own.
var dashSuffixes = map[string]bool{"ish": true, "esque": true}

// dashBefore reports whether s, the text before a word, ends with a
// hyphen, an en dash or a slash right after a word or an acronym's dot:
// "US–Iran", "U.S.-Iran", "DIY/remodel". An em dash is punctuation.
func dashBefore(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	if r != '-' && r != '–' && r != '/' {
		return false
	}
	s = s[:len(s)-size]
	before, size := utf8.DecodeLastRuneInString(s)
	if before == '.' {
		before, _ = utf8.DecodeLastRuneInString(s[:len(s)-size])
	}
	return isWordRune(before)
}

// opensQuote reports whether s, the text before a word, ends with an
// opening quotation mark: a capital right after one starts the quoted
// sentence ("“Diplomacy is like…” names no one). A curly opening mark
// opens; a straight one opens after a space or at the start.
func opensQuote(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	switch r {
	case '“', '‘', '«', '„':
		return true
	case '"', '\'':
		before, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
		return len(s) == size || unicode.IsSpace(before) || before == '(' || before == '['
	}
	return false
}

// lastRunLen returns how many bytes follow the last dot in b.
func lastRunLen(b []byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == '.' {
			return len(b) - 1 - i
		}
	}
	return len(b)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// foldApostrophe drops a possessive 's and folds contractions into one word
// ("won't" → "wont"), which the stop list then knows. It works in place.
func foldApostrophe(t []byte) []byte {
	if bytes.HasSuffix(t, []byte("'s")) {
		return t[:len(t)-2]
	}
	for _, suffix := range contractedVerbs {
		if len(t) > len(suffix) && bytes.HasSuffix(t, suffix) {
			// "it'll", "they're", "who've": the verb is a function word.
			return t[:len(t)-len(suffix)]
		}
	}
	out := t[:0]
	for _, c := range t {
		if c != '\'' {
			out = append(out, c)
		}
	}
	return out
}

// contractedVerbs are the endings a pronoun or a question word takes for
// "will", "would" or "had", "have", "are" and "am".
var contractedVerbs = [][]byte{[]byte("'ll"), []byte("'d"), []byte("'ve"), []byte("'re"), []byte("'m")}

// unapostrophed are contractions typed without their apostrophe, as chat
// often has them, by the word they contract: "whats" asks what "what's"
// does.
var unapostrophed = mapOf(map[string]string{"whats": "what", "whos": "who", "wheres": "where", "hows": "how",
	"whens": "when", "whys": "why", "itll": "it", "thatll": "that", "theyll": "they", "youll": "you"})

// The word lists behind the classes.

// stopWords are function words that carry no topic; questionWords mark
// what kind of answer is wanted.
const (
	stopWords     = wordlist.Stop
	questionWords = wordlist.Question
)

// framingWords are common in questions about a text, or about what was said
// at an event, but say nothing about its topic ("what does the article say
// about…", "what did the speakers say…", "which section is about…"); they
// are ignored in queries, not in documents.
const framingWords = `article articles author authors text piece writer writers column columnist essay
op ed oped blog say says said mention mentions mentioned mentioning
tell tells told describe describes described explain explains according think thinks reckon reckons reckoned
discuss discusses discussed cite cites cited citing refer refers referred write writes wrote written
argue argues argued arguing recount recounts recounted note notes noted noting comment comments commented
commenting claiming speaking discussing describing explaining mentioning telling writing named naming
opinion editorial commentary highlight highlights highlighted highlighting flag flags flagged flagging
underline underlines underlined underscore underscores underscored
classify classifies classified categorize categorizes categorized categorise categorises categorised
speaker speakers panel panelist panelists panellist panellists presenter presenters
analogy analogies metaphor metaphors simile similes comparison comparisons compare compares compared comparing
phrase phrases phrasing imagery
liken likens likened likening example examples instance instances
section sections chapter chapters heading headings
read reading reader readers`

// quoteWords ask for a quotation: a question made of them finds the
// sentences that quote someone. They are framing words too.
const quoteWords = `quote quotes quoted quoting quotation quotations saying sayings adage adages proverb
proverbs maxim maxims aphorism aphorisms motto mottos mottoes cliche cliches cliché clichés idiom idioms
expression`

// wholeWords ask about a text as a whole: a question whose every topic word
// is one of them ("what is the main argument?", "summarize the article")
// wants the overview, not one sentence.
const wholeWords = `summary summaries summarize summarise summarized summarised summarizing summarising
gist thesis overview recap synopsis takeaway takeaways argument arguments point points message
idea ideas conclusion conclusions theme themes topic topics subject subjects lesson lessons
purpose main central key overall core chief primary principal tldr tl dr nutshell
sum claim claims outline outlines rundown essence upshot highlights broadly basically briefly
overarching major version bullet bullets precis précis tone stance brief mainly thrust conclude concludes`

// stanceWords ask about a text as a whole when the question speaks of the
// text or its author ("is the writer optimistic overall?", "how is the
// piece structured?"); otherwise they name a topic like any word ("are the
// hardliners optimistic?", "the structure of the final deal").
var stanceWords = wordSet(`optimistic pessimistic hopeful hopeless gloomy downbeat upbeat bleak optimism pessimism
structure structured organized organised layout breakdown`)

// genericWords are everyday English words — light verbs, vague nouns and
// adjectives — that say little about a question's topic. A question word the
// knowledge base lacks counts for less toward "not covered" when it is one of
// these ("where are the talks being held?") than when it is specific
// ("centrifuges").
const genericWords = `be become begin being bring call came come comes coming could did do does done
find found gave get gets getting give given gives go goes going gone got happen happened happening
happens held help hold holds keep kept know known let like look looked looking made make makes
making mean means meant need needed needs provide provides provided providing put said say says see
seen seem seemed seems set show showed shown take taken takes taking tell think thought told took try
tried turn turned use used
uses want wanted wants went work worked works
thing things stuff way ways people person time times day days year years part place places point kind sort
lot lots number case fact world life side group area end couple sentence sentences paragraph paragraphs
line lines form folks
good bad new old big small great little long short high low right left real sure able certain
main whole different same important possible likely really actually generally currently
much many several various current recent next last quick quickly anywhere somewhere everywhere`

// numberWords and timeWords feed the "how many" and "when" cues.
const (
	numberWords = `one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens first second third
percent half twice thrice`
	timeWords = `today yesterday tomorrow week weeks month months year years decade decades century
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december days day ago soon recently past future time times
since until later earlier`
)

// calendarWords name a day of a calendar: a sentence with one (or with
// digits) can say on what date something happened.
const calendarWords = `monday tuesday wednesday thursday friday saturday sunday january february march
april june july august september october november december`

// personalPronouns stand for people named elsewhere.
const personalPronouns = `they them their he him his she her`

// chatWords are the shorthand of chat, each with the word it stands for:
// people ask in Slack and Discord as they type there ("wat r the ppl in
// govt up to"). Questions are read with them written out; documents are
// not. General English, not any one text's: an operator adds the words of
// their documents in a synonyms file.
var chatWords = mapOf(map[string]string{
	"u": "you", "ya": "you", "r": "are", "ur": "your", "wat": "what", "wut": "what",
	"ppl": "people", "govt": "government", "govts": "governments", "gov": "government", "govs": "governments",
	"thru": "through", "tho": "", "altho": "", "cuz": "because", "coz": "because",
	"bc": "because", "b4": "before", "abt": "about", "bout": "about",
	"shd": "should", "shud": "should", "wd": "would", "cud": "could", "gonna": "going", "wanna": "want",
	"yr": "year", "yrs": "years", "hrs": "hours", "mins": "minutes", "wk": "week", "wks": "weeks",
	"vs": "versus", "w": "with", "wo": "without", "sth": "something", "smth": "something",
	"info": "information", "intro": "introduction", "tech": "technical", "convo": "conversation",
	"prob": "probably", "probs": "probably", "esp": "especially", "acc": "according", "whereabouts": "where",
	"diff": "difference", "msg": "message", "rn": "now", "atm": "now", "pov": "viewpoint",
	"eli5": "explain", "imo": "", "imho": "", "tbh": "", "btw": "", "fyi": "",
	"afaik": "", "iirc": "", "ok": "", "okay": "", "pls": "", "plz": "", "thx": "", "thanks": "",
	"nah": "", "nope": "", "yeah": "", "yep": "", "yup": "", "lol": "", "lmao": "",
	"props": "credit", "nuke": "nuclear", "nukes": "nuclear", "admin": "administration", "prez": "president",
	"intl": "international", "econ": "economy", "reno": "renovation", "renos": "renovations",
})

// setOf returns the set of the space-separated words in s, for strings
// that are no scanned words (an HTML role, an abbreviation before its
// dot); a list asked of a question's words is a wordSet.
func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// stem returns the Porter2 (snowball English) stem of a lower-case word.
// It allocates; the index keeps the stems of its vocabulary, so queries stem
// only the words the knowledge base has never seen.
//
// A noun in "-ingness" is stemmed as its adjective is: Porter2 takes "-ing"
// off before "-ness", so it would leave "willingness" at "willing" while
// "willing" itself comes to "will".
func stem(w string) string {
	if base, ok := strings.CutSuffix(w, "ingness"); ok && base != "" {
		w = base + "ing"
	}
	return english.Stem(w, true)
}

// isDigits says whether s is written in digits only ("6", "2014"; not
// "3rd" or "1980s").
func isDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// spelledNumbers spell out the numbers a text may write in words.
var spelledNumbers = map[string]string{
	"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight",
	"9": "nine", "10": "ten", "11": "eleven", "12": "twelve", "20": "twenty", "30": "thirty", "40": "forty",
	"50": "fifty", "100": "hundred", "1000": "thousand",
}
