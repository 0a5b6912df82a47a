package main

import (
	"bufio"
	"cmp"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/kljensen/snowball/english"
)

// respellings turn a British spelling into candidate American ones. A
// candidate counts only with evidence (see spellingPairs), so a rule may be
// broad.
var respellings = []struct{ british, american string }{
	{"our", "or"},       // colour, favourite, behaviour
	{"is", "iz"},        // realise, organisation, criticising
	{"ys", "yz"},        // analyse, paralysing
	{"re", "er"},        // centre, theatre, fibres, manoeuvre
	{"ence", "ense"},    // defence, licence, offence
	{"ogue", "og"},      // catalogue, analogue
	{"ll", "l"},         // travelled, cancelling, modeller
	{"l", "ll"},         // fulfil, enrolment, skilful
	{"ae", "e"},         // anaemia, paediatric, haemorrhage
	{"oe", "e"},         // oestrogen, manoeuvre, foetus
	{"mme", "m"},        // programme, kilogramme
	{"eing", "ing"},     // ageing
	{"gement", "gment"}, // judgement, acknowledgement
	{"que", "ck"},       // cheque
	{"ey", "ay"},        // grey
	{"ough", "ow"},      // plough
	{"yre", "ire"},      // tyre
	{"ium", "um"},       // aluminium
	{"sc", "sk"},        // sceptic
	{"oul", "ol"},       // mould, smoulder
	{"aught", "aft"},    // draught
	{"sy", "zy"},        // cosy
	{"ellery", "elry"},  // jewellery
	{"moust", "must"},   // moustache
	{"pyj", "paj"},      // pyjamas
	{"gaol", "jail"},    // gaol
	{"kerb", "curb"},    // kerb
	{"tonne", "ton"},    // tonne
}

// wordList is a word list, one word a line.
type wordList struct {
	lower map[string]bool // the words written in lower-case ASCII letters only
	all   map[string]bool // every word, lower-cased, without possessives
}

// readWords reads a word list.
func readWords(path string) (wordList, error) {
	f, err := os.Open(path)
	if err != nil {
		return wordList{}, err
	}
	defer f.Close()
	l := wordList{lower: make(map[string]bool), all: make(map[string]bool)}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := sc.Text()
		if w == "" || strings.HasSuffix(w, "'s") {
			continue
		}
		l.all[strings.ToLower(w)] = true
		if strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
			l.lower[w] = true
		}
	}
	if err := sc.Err(); err != nil {
		return wordList{}, fmt.Errorf("read %s: %w", path, err)
	}
	return l, nil
}

// spellingPairs returns the British/American pairs of words: a word w and
// a word made from it by one or two respellings, where either w is British
// and the respelling American with one of them in only its own country's
// list, or WordNet has both in one synset ("theatre", "theater"). Pairs are
// sorted.
func spellingPairs(british, american map[string]bool, lemmas []string, sameSynset func(a, b string) bool) [][2]string {
	var pairs [][2]string
	for w := range british {
		for _, c := range americanize(w) {
			if c != w && american[c] && (!american[w] || !british[c]) {
				pairs = append(pairs, [2]string{w, c})
			}
		}
	}
	for _, w := range lemmas {
		for _, c := range americanize(w) {
			if c != w && sameSynset(w, c) {
				pairs = append(pairs, [2]string{w, c})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b [2]string) int {
		return strings.Compare(a[0]+" "+a[1], b[0]+" "+b[1])
	})
	return slices.Compact(pairs)
}

// americanize returns the words made from w by one respelling, or by two
// that do not overlap ("manoeuvre" → "maneuver", but not "tyre" → "tire" →
// "tier").
func americanize(w string) []string {
	var out []string
	for _, c := range respell(w, 0, 0) {
		out = append(out, c.word)
		for _, c2 := range respell(c.word, c.from, c.to) {
			out = append(out, c2.word)
		}
	}
	return out
}

// respelling is a word respelt once, and the span [from, to) it changed.
type respelling struct {
	word     string
	from, to int
}

// respell returns the words made from w by one respelling outside the span
// [from, to).
func respell(w string, from, to int) []respelling {
	var out []respelling
	for _, r := range respellings {
		for i := 0; ; {
			j := strings.Index(w[i:], r.british)
			if j < 0 {
				break
			}
			j += i
			i = j + 1
			end := j + len(r.british)
			if from < to && j < to && end > from {
				continue // overlaps the earlier respelling
			}
			out = append(out, respelling{w[:j] + r.american + w[end:], j, j + len(r.american)})
		}
	}
	return out
}

// spellingStems returns the stems of the British/American word pairs, as
// [British, American] pairs, sorted and without repeats. A pair whose stems
// are equal, are not usable, or have drifted more than maxStemEdits apart
// ("personalis", "person") is left out.
func spellingStems(pairs [][2]string) [][2]string {
	var out [][2]string
	for _, p := range pairs {
		if stopWords[p[0]] || stopWords[p[1]] {
			continue
		}
		b, a := english.Stem(p[0], true), english.Stem(p[1], true)
		if b == a || !usable(b) || !usable(a) || stopWords[b] || stopWords[a] || distance(a, b) > maxStemEdits {
			continue
		}
		out = append(out, [2]string{b, a})
	}
	slices.SortFunc(out, func(x, y [2]string) int {
		return cmp.Or(strings.Compare(x[0], y[0]), strings.Compare(x[1], y[1]))
	})
	return slices.Compact(out)
}

// spellingGroups maps each British stem of the pairs to its American
// counterparts: the stems reached from it by following pairs from British to
// American, transitively ("colouris" → "colour" → "color"), itself left out.
type spellingGroups map[string][]string

// groupSpellings returns the spelling groups of the [British, American]
// stem pairs.
func groupSpellings(stems [][2]string) spellingGroups {
	next := make(map[string][]string)
	for _, p := range stems {
		next[p[0]] = append(next[p[0]], p[1])
	}
	g := make(spellingGroups, len(next))
	for b := range next {
		seen := map[string]bool{b: true}
		var out []string
		for queue := slices.Clone(next[b]); len(queue) > 0; queue = queue[1:] {
			if a := queue[0]; !seen[a] {
				seen[a] = true
				out = append(out, a)
				queue = append(queue, next[a]...)
			}
		}
		slices.Sort(out)
		g[b] = out
	}
	return g
}

// addTo relates each British stem and its American counterparts as
// spellings, both ways, then gives the British stem the relations its
// counterparts have from WordNet. WordNet spells the American way, and
// Porter2 strips "-ize" but not "-ise" ("recognized" → "recogn",
// "recognised" → "recognis"), so without this a British spelling would
// reach little beyond its American one. The relations inherited are those
// from before any inheritance, so the order of the stems does not matter.
func (g spellingGroups) addTo(rel relations) {
	from := make(map[string]map[string]link)
	for _, as := range g {
		for _, a := range as {
			if _, ok := from[a]; !ok {
				from[a] = maps.Clone(rel[a])
			}
		}
	}
	for b, as := range g {
		for _, a := range as {
			rel.add(b, a, spelling, 0)
			rel.add(a, b, spelling, 0)
			for t, l := range from[a] {
				rel.add(b, t, l.rel, l.score)
			}
		}
	}
}

// inheritFrequency gives each British stem the highest frequency of its
// American counterparts when that is higher than its own: WordNet rarely
// lists the British spelling, which is no rarer for it. It reads the
// frequencies from before any inheritance.
func (g spellingGroups) inheritFrequency(freq map[string]int) {
	was := maps.Clone(freq)
	for b, as := range g {
		for _, a := range as {
			freq[b] = max(freq[b], was[a])
		}
	}
}

// maxStemEdits is the largest edit distance between the stems of a
// spelling pair.
const maxStemEdits = 3

// distance returns the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
