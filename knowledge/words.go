package knowledge

import (
	"strings"

	"github.com/talksbot/talksbot/knowledge/internal/similar"
	"github.com/talksbot/talksbot/knowledge/internal/valence"
	"github.com/talksbot/talksbot/knowledge/internal/wordnet"
)

// What the knowledge base knows about words, for checks that must read text
// the way retrieval reads it: a draft is checked against its passages with
// the same words, stems, lexicon and sentence splitter.

// Term is one content word of a text, as retrieval reads it.
type Term struct {
	Word string // lower-case, quotes folded, a possessive 's dropped
	// Stem is what retrieval matches on: the Porter2 stem, or an acronym as
	// written ("us" for "U.S.").
	Stem   string
	Name   bool // an acronym, or capitalised within its sentence
	Number bool // digits or a number word
	// Capital says the word is written with a capital, even first in its
	// sentence, where a capital says nothing of a name by itself (see
	// Index.WritesAsName).
	Capital bool
	// Generic says the word is an everyday one that says little about a
	// topic ("thing", "real", "take").
	Generic bool
}

// Terms returns the content words of text in order: not stop words,
// question words or words that only frame a question ("article", "says").
func Terms(text string) []Term {
	var out []Term
	first := true
	scanWords(text, func(w word) {
		isFirst := first
		first = false
		if isStop(w) {
			return
		}
		t := Term{Word: w.text, Stem: w.text, Name: w.keep || w.capital && !isFirst, Capital: w.capital, Generic: w.class&classGeneric != 0}
		if !w.keep {
			t.Stem = stem(w.text)
		}
		if c := w.text[0]; '0' <= c && c <= '9' || w.class&classNumber != 0 {
			t.Number = true
		}
		out = append(out, t)
	})
	for i := range out {
		// The words share one string per scan; give each its own.
		out[i].Word = strings.Clone(out[i].Word)
	}
	return out
}

// Figures maps the content words of the figures of speech and phrasal verbs
// in text that questions read as plain words ("locked in" as "entrenched",
// "filter down" as "trickle") to the stems of those plain words; nil when
// text has none. An everyday sense of one word is not among them: Related
// gives those that hold wherever a word is read.
func Figures(text string) map[string][]string {
	var words []word
	scanWords(text, func(w word) {
		w.text = strings.Clone(w.text)
		words = append(words, w)
	})
	var m map[string][]string
	for i := range words {
		idiomsAt(words[i:], func(id idiom) bool {
			if len(id.seq) < 2 || len(id.plain) == 0 || id.ofText {
				return true
			}
			if m == nil {
				m = make(map[string][]string)
			}
			for k, w := range id.seq {
				if classOf(w)&classStop == 0 {
					m[words[i+k].text] = append(m[words[i+k].text], id.plain...)
				}
			}
			return true
		})
	}
	return m
}

// WritesAsName reports whether the knowledge base writes the word with this
// stem as a name: capitalised within a sentence, or as an acronym, and
// nowhere within one in lower case ("Public Diplomacy 101" makes no name
// of "diplomacy"). A sentence's first word is capitalised whatever it is;
// this tells "American hardliners stress…" from "Elements seeking…". The
// set is built on first use.
func (ix *Index) WritesAsName(stem string) bool {
	ix.namesOnce.Do(func() {
		ix.names = make(map[string]bool)
		lower := make(map[string]bool)
		for _, p := range ix.passages {
			for _, s := range p.Sentences {
				for i, t := range Terms(s.Text) {
					switch {
					case t.Name:
						ix.names[t.Stem] = true
					case i > 0 && !t.Capital:
						lower[t.Stem] = true
					}
				}
			}
		}
		for stem := range lower {
			delete(ix.names, stem)
		}
	})
	return ix.names[stem]
}

// SplitSentences splits text into sentences the way passages are split,
// with their byte offsets in text.
func SplitSentences(text string) []Sentence { return splitSentences(text) }

// Related calls yield with each stem the index's lexicon relates to stem
// (the operator's synonym groups, then WordNet's spellings, synonyms,
// abbreviations, derived forms, broader and narrower words; not its loose
// synonyms, which only widen questions) and how far it stands for stem,
// in (0, 1], strongest first, until yield returns false.
// A phrase ("unit state") comes as its stems joined by spaces.
func (ix *Index) Related(stem string, yield func(related string, credit float64) bool) {
	ix.lex.related(stem, func(target string, rel relation) bool {
		if rel == relLoose {
			return true // widens a question; vouches for no claim
		}
		return yield(target, float64(relCredit[rel]))
	})
}

// Fold writes a word's apostrophes as knowledge reads the word: a
// possessive 's and a contraction's verb ('ll, 'd, 've, 're, 'm) dropped,
// and the apostrophe of "won't" too. word is lower case, its apostrophes
// straight.
func Fold(word string) string {
	if !strings.Contains(word, "'") {
		return word
	}
	return string(foldApostrophe([]byte(word)))
}

// IsListItem reports whether word (lower case) is a noun for an item of a
// text's list of themes: "issue", "section", "point".
func IsListItem(word string) bool { return listItems.hasText(word) }

// UsedLike calls yield with each stem that word vectors (GloVe) say is used
// like stem ("impass" for "deadlock") and its cosine similarity, most
// similar first, until yield returns false. Words used alike are not
// always alike in meaning: opposites often are.
func UsedLike(stem string, yield func(neighbour string, similarity float64) bool) {
	similar.Neighbours(stem, func(n string, s float32) bool { return yield(n, float64(s)) })
}

// Valence returns which way the word with this stem leans: 1 towards
// approval, gain or success ("strengthen", "revive"), -1 towards
// disapproval, loss or failure ("weaken", "stall"), 0 neither or not
// known. It comes from the VADER sentiment lexicon (see
// knowledge/internal/valence), and for the verbs of furthering and
// thwarting and the words judging a view sound or unsound that a
// sentiment lexicon lacks, from furtheringWords, thwartingWords,
// soundWords and unsoundWords. A stem shared by words that lean
// differently (noLean: "odd", "odds") leans no way.
func Valence(stem string) int {
	if noLean[stem] {
		return 0
	}
	if v := valence.Of(stem); v != 0 {
		return v
	}
	return int(extraLeans[stem])
}

// Verb reports whether word, a lower-case word as written, is one WordNet
// reads most often as a verb ("escalate", "passed"; not "new", nor
// "talks", a noun first).
func Verb(word string) bool { return wordnet.Verb(word) }

// Direction returns which way the word with this stem moves what it
// speaks of: 1 up or outwards ("intensify", "expand"), -1 down or inwards
// ("fade", "narrow"), 0 neither or not known. A sentiment lexicon rates
// neither way: growth may be good or bad.
func Direction(stem string) int {
	if d, ok := directions[stem]; ok {
		return int(d)
	}
	if rest, ok := strings.CutPrefix(stem, "de"); ok {
		return -int(directions[rest]) // "de-escalate" undoes "escalate"
	}
	return 0
}

// growingWords and shrinkingWords are everyday English verbs of change in
// size, strength or amount.
const (
	growingWords = `increase intensify escalate grow rise expand widen broaden strengthen heighten deepen boost
raise amplify accelerate swell mount multiply enlarge extend sharpen exaggerate overstate inflate magnify empower embolden`
	shrinkingWords = `decrease diminish shrink narrow decline weaken fade subside ease lessen reduce lower quiet
quieten calm dampen soften wane dwindle contract slow ebb recede downplay understate minimize minimise`
)

// directions maps the stems of growingWords and shrinkingWords to their
// direction.
var directions = signs(growingWords, shrinkingWords)

// affirmingWords and denyingWords are everyday English verbs that bear
// out or call into doubt what they speak of ("reaffirmed the adage",
// "disproved the adage"); "question" and "doubt" stand for "call into
// question" and "cast doubt on".
const (
	affirmingWords = `affirm reaffirm confirm prove validate vindicate verify corroborate acknowledge admit
recognize recognise concede uphold`
	denyingWords = `deny dispute disprove refute rebut undermine question doubt reject contradict discredit
debunk invalidate contest`
)

// stances maps the stems of affirmingWords and denyingWords to their
// sign.
var stances = signs(affirmingWords, denyingWords)

// Stance returns whether the word with this stem bears out what it speaks
// of (1: "confirm", "acknowledge"), calls it into doubt (-1: "dispute",
// "disprove"), or neither (0).
func Stance(stem string) int { return int(stances[stem]) }

// bigWords and smallWords are everyday English adjectives of size or
// weight, save those whose stem a common word shares ("considerable",
// "consider"; "marginal", "margin").
const (
	bigWords   = `big large huge enormous vast immense massive major great greater significant important crucial essential vital substantial`
	smallWords = `small little minor modest slight tiny secondary negligible irrelevant unimportant trivial insignificant minimal peripheral fewer`
)

// magnitudes maps the stems of bigWords and smallWords to their sign.
var magnitudes = signs(bigWords, smallWords)

// Magnitude returns how big or weighty the word with this stem says
// something is: 1 big ("huge", "crucial"), -1 small ("minor",
// "secondary"), 0 neither or not known.
func Magnitude(stem string) int { return int(magnitudes[stem]) }

// noLean are stems shared by words that lean differently: "odds" (the
// chances) leans no way that "odd" (strange) does.
var noLean = map[string]bool{"odd": true}

// furtheringWords and thwartingWords are everyday English verbs that
// further or thwart what they act on ("empowered moderates", "torpedoed
// attempts"), which the VADER lexicon, made for rating sentiment, leaves
// out.
const (
	furtheringWords = `empower bolster reinforce revitalize foster`
	thwartingWords  = `torpedo scuttle undercut thwart hamper hinder impede stymie obstruct jeopardize endanger falter erode`
)

// soundWords and unsoundWords are everyday English words that judge a view
// or a feeling well or ill founded ("skepticism is understandable",
// "fears are baseless"), which VADER, rating the feeling a text conveys
// rather than the judgement it passes, leaves out.
const (
	soundWords   = `understandable warranted sensible legitimate`
	unsoundWords = `baseless groundless incomprehensible misguided misplaced overblown`
)

// extraLeans maps the stems of furtheringWords, soundWords, thwartingWords
// and unsoundWords to their lean.
var extraLeans = signs(furtheringWords+" "+soundWords, thwartingWords+" "+unsoundWords)

// signs maps the stems of the words of plus to 1 and those of minus to -1.
func signs(plus, minus string) map[string]int8 {
	m := make(map[string]int8)
	for _, w := range strings.Fields(plus) {
		m[stem(w)] = 1
	}
	for _, w := range strings.Fields(minus) {
		m[stem(w)] = -1
	}
	return m
}

// Antonyms calls yield with each stem WordNet or the pairs below give as an
// antonym of stem ("weak" for "strong", "oppos" for "support"), until yield
// returns false.
func (ix *Index) Antonyms(stem string, yield func(antonym string) bool) {
	for _, a := range extraAntonyms[stem] {
		if !yield(a) {
			return
		}
	}
	e := wordnet.Antonyms(stem)
	for i := range e.Len() {
		if a, _ := e.At(i); !yield(a) {
			return
		}
	}
}

// antonymPairs are everyday opposites that WordNet does not link (it has
// no antonym for "support" or "help", and few between verbs): general
// English, one pair a line.
const antonymPairs = `support oppose
support resist
back oppose
endorse oppose
favor oppose
help hinder
help hamper
welcome reject
approve reject
strengthen weaken
strengthen undermine
bolster undermine
build destroy
encourage discourage
praise criticize
praise condemn
trust distrust
include exclude
allow forbid
allow prevent
permit prevent
more less
more fewer
increase reduce
tighten ease
tighten loosen
harsh mild
tough soft
escalate deescalate
unprecedented familiar
critical irrelevant
crucial irrelevant
essential irrelevant
vital irrelevant
important irrelevant
unprecedented usual
unprecedented routine
unprecedented conventional
moderate hardliner
moderate extremist
moderate radical
optimistic pessimistic
ally enemy
friend enemy
cooperation confrontation
cooperate confront
agreement disagreement
success setback
easy hard
begin end
commence conclude
start end
start stop
raise lower
above below
before after
always never
everyone nobody
everything nothing
all none
many few
most least
often rarely
repeatedly rarely
repeatedly occasionally
willing reluctant
publicly privately
openly secretly
supporter opponent
proponent opponent
acknowledge overlook
acknowledge ignore
provide deprive
prepared reluctant
empower sideline
critical counterproductive
important secondary
rightly misplaced
return abandon
openly quietly
narrow widen
narrow extend
abandon continue
face escape
openly privately
mutual unilateral
significant marginal
straightforward hard
reward punish
matched imbalance
prepared unwilling
openly tacitly
cover expose
focus sideline
strengthen damage
strengthen harm
critical optional
crucial optional
essential optional
vital optional
know doubt
reaffirm refute
global regional
straightforward complicated
clear murky
uncharted familiar
entrenched escape
face spare
face avoid
unique commonplace
critical peripheral
stark faint
likely remote
beautifully clumsily
fractious harmonious
diplomatic military
peaceful military
emphasize downplay
bolster emasculate
reach collapse
sequentially simultaneously
overstate downplay
fault credit
blame credit
justified unwarranted
foundation stopgap`

// extraAntonyms maps a stem to the stems antonymPairs opposes to it.
var extraAntonyms = func() map[string][]string {
	m := make(map[string][]string)
	for _, line := range strings.Split(antonymPairs, "\n") {
		w := strings.Fields(line)
		a, b := stem(w[0]), stem(w[1])
		m[a] = append(m[a], b)
		m[b] = append(m[b], a)
	}
	return m
}()
