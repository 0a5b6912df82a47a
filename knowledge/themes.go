package knowledge

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// FindTheme matches s leniently against the themes: a number ("2", "#2",
// "theme 2"), title words or their stems ("spoilers", "ideology", "equal"),
// word prefixes ("spoil") and small typos ("spoliers"). It reports false when
// nothing matches well enough.
func (ix *Index) FindTheme(s string) (Theme, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	s = strings.TrimPrefix(s, "theme")
	s = strings.Trim(s, " #:.)")
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= len(ix.themes) {
			return ix.themes[n-1], true
		}
		return Theme{}, false
	}
	var words []themeWord
	scanWords(s, func(w word) {
		if !isStop(w) && len(words) < maxThemeWords {
			words = append(words, themeWord{text: w.text, stem: stem(w.text)})
		}
	})
	if len(words) == 0 {
		return Theme{}, false
	}
	best, bestScore := -1, 0.0
	for i, title := range ix.themeIndex().words {
		score := 0.0
		for _, w := range words {
			m := 0.0
			for _, tw := range title {
				m = math.Max(m, wordMatch(w, tw))
			}
			score += m
		}
		score /= float64(len(words))
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 || bestScore < 0.5 {
		return Theme{}, false
	}
	return ix.themes[best], true
}

// themeData is what theme lookup and summaries keep per theme.
type themeData struct {
	once      sync.Once
	words     [][]themeWord  // per theme, the content words of its title
	summaries []summaryCache // per theme, computed on first use
}

// themeIndex returns the index's theme data, building it on first use.
func (ix *Index) themeIndex() *themeData {
	td := &ix.themeData
	td.once.Do(func() {
		td.words = make([][]themeWord, len(ix.themes))
		for i, t := range ix.themes {
			td.words[i] = titleWords(t.Title)
		}
		td.summaries = make([]summaryCache, len(ix.themes))
	})
	return td
}

// maxThemeWords bounds the words of a theme name that are matched: a theme
// is named in a few words, and the matching costs words × title words.
const maxThemeWords = 16

// themeWord is a content word of a theme title or of a typed theme name,
// with its stem.
type themeWord struct {
	text, stem string
}

// titleWords returns the content words of a theme title.
func titleWords(title string) []themeWord {
	var words []themeWord
	scanWords(title, func(w word) {
		if !isStop(w) {
			words = append(words, themeWord{text: strings.Clone(w.text), stem: stem(w.text)})
		}
	})
	return words
}

// wordMatch scores how well a typed word names a title word: 1 for the same
// stem, less for a prefix or a one-letter slip.
func wordMatch(typed, title themeWord) float64 {
	switch {
	case typed.text == title.text || typed.stem == title.stem:
		return 1
	case len(typed.text) >= 4 && strings.HasPrefix(title.text, typed.text):
		return 0.8
	case len(typed.text) >= 5 && abs(len(typed.text)-len(title.text)) <= 1+len(typed.text)/8 && editDistance(typed.text, title.text) <= 1+len(typed.text)/8:
		return 0.7
	}
	return 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance between two short words.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Summarize returns an extractive summary of t drawn from its section only:
// sentences ranked by LexRank centrality (a PageRank over TF-IDF cosine
// similarity between the section's sentences) with a lead prior favouring the
// first sentence of each paragraph and earlier paragraphs, then chosen with
// maximal marginal relevance so that no two say the same thing. It has 2–4
// sentences, in reading order.
//
// A theme's summary is worked out once per Index and then reused; a long
// section is summarised from its first maxSummaryUnits sentences, paragraph
// openings first, which bounds the work whatever the documents hold.
func (ix *Index) Summarize(t Theme) Summary {
	if i := t.Number - 1; i >= 0 && i < len(ix.themes) && ix.themes[i] == t {
		c := &ix.themeIndex().summaries[i]
		c.once.Do(func() { c.sum = ix.summarize(t) })
		return c.sum
	}
	return ix.summarize(t)
}

// maxSummaryUnits bounds the sentences LexRank compares: its similarity
// matrix grows with their square.
const maxSummaryUnits = 240

// summaryCache holds one theme's summary, computed on first use.
type summaryCache struct {
	once sync.Once
	sum  Summary
}

func (ix *Index) summarize(t Theme) Summary {
	sum := Summary{Theme: t}
	var units, rest []int32
	for u := range ix.numUnits() {
		sec := ix.sections[ix.passSec[ix.unitPassage[u]]]
		if ix.docs[sec.doc].ID != t.Doc || sec.section != t.Section {
			continue
		}
		if ix.unit(int32(u)).sentence == 0 {
			units = append(units, int32(u))
		} else {
			rest = append(rest, int32(u))
		}
	}
	units = append(units, rest...)
	if len(units) == 0 {
		return sum
	}
	units = units[:min(len(units), maxSummaryUnits)]
	slices.Sort(units)
	vecs := make([]map[int32]float64, len(units))
	var ids []int32
	for i, u := range units {
		ids = ix.termsOf(ix.unit(u), ids[:0])
		v := make(map[int32]float64)
		for _, id := range ids {
			v[id] += float64(ix.idf[id])
		}
		norm := 0.0
		for _, x := range v {
			norm += x * x
		}
		norm = math.Sqrt(norm)
		for id := range v {
			v[id] /= norm
		}
		vecs[i] = v
	}
	n := len(units)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := cosine(vecs[i], vecs[j])
			sim[i][j], sim[j][i] = s, s
		}
	}
	centrality := lexRank(sim)
	// Lead prior: a paragraph's first sentence, and earlier paragraphs.
	firstPassage := ix.unitPassage[units[0]]
	score := make([]float64, n)
	for i, u := range units {
		un := ix.unit(u)
		prior := 1.0
		if un.sentence == 0 {
			prior += 0.5
		}
		prior += 0.3 / float64(1+un.passage-firstPassage)
		// Very short sentences rarely summarise; very long ones crowd out others.
		words := float64(un.n)
		if words < 5 {
			prior *= 0.5
		}
		score[i] = centrality[i] * prior
	}
	want := 3
	switch {
	case n <= 4:
		want = 2
	case n >= 14:
		want = 4
	}
	want = min(want, n)
	chosen := mmr(score, sim, want, 0.7)
	sort.Ints(chosen)
	chosen = ix.leadIn(units, chosen, score)
	for _, i := range chosen {
		un := ix.unit(units[i])
		sum.Quotes = append(sum.Quotes, Quote{Passage: ix.passages[un.passage], Sentence: int(un.sentence), Score: round3(score[i])})
	}
	return sum
}

// maxSummaryQuotes is the most sentences a summary quotes.
const maxSummaryQuotes = 4

// leadIn makes sure a summary does not open on a sentence that points back
// ("However, …", "This …", "They …") without the sentence it points to: it
// brings in the sentence before the opener, within the section, until the
// opener stands on its own or the section's first sentence opens. chosen
// indexes units, in reading order; should the summary grow past
// maxSummaryQuotes, its lowest-scored later sentences give way.
func (ix *Index) leadIn(units []int32, chosen []int, score []float64) []int {
	var added []int
	for len(chosen) > 0 {
		first := chosen[0]
		if first == 0 || units[first-1] != units[first]-1 || !pointsBack(ix.unitText(units[first])) {
			break
		}
		chosen = slices.Insert(chosen, 0, first-1)
		added = append(added, first-1)
	}
	for len(chosen) > maxSummaryQuotes {
		// The opener and the sentences brought in for it stay.
		drop := -1
		for k := len(added) + 1; k < len(chosen); k++ {
			if drop < 0 || score[chosen[k]] < score[chosen[drop]] {
				drop = k
			}
		}
		if drop < 0 {
			break
		}
		chosen = slices.Delete(chosen, drop, drop+1)
	}
	return chosen
}

// unitText returns the sentence of unit u.
func (ix *Index) unitText(u int32) string {
	un := ix.unit(u)
	return ix.passages[un.passage].Sentences[un.sentence].Text
}

// backPointers open a sentence that leans on the one before it: a
// connective or a word standing for something said there.
var backPointers = setOf(`however but yet still so thus hence therefore nevertheless nonetheless
moreover furthermore also besides instead otherwise meanwhile likewise similarly indeed then
this that these those they them their it its he she his her such`)

// backPhrases are multi-word openings that lean on the sentence before.
var backPhrases = []string{"in turn", "as a result", "in addition", "on the other hand", "by contrast",
	"even so", "to that end", "for that reason", "in that case", "at the same time", "after all"}

// pointsBack reports whether a sentence opens by pointing back to the one
// before it.
func pointsBack(sentence string) bool {
	first := ""
	scanWords(sentence, func(w word) {
		if first == "" {
			first = strings.Clone(w.text)
		}
	})
	return backPointers[first] || opensWith(sentence, backPhrases)
}

func cosine(a, b map[int32]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	s := 0.0
	for id, x := range a {
		s += x * b[id]
	}
	return s
}

// lexRank returns the stationary distribution of a random walk over the
// similarity graph (continuous LexRank with damping 0.85).
func lexRank(sim [][]float64) []float64 {
	n := len(sim)
	rank := make([]float64, n)
	for i := range rank {
		rank[i] = 1 / float64(n)
	}
	rowSum := make([]float64, n)
	for i := range sim {
		for j := range sim[i] {
			rowSum[i] += sim[i][j]
		}
	}
	next := make([]float64, n)
	for iter := 0; iter < 50; iter++ {
		for j := range next {
			next[j] = 0.15 / float64(n)
		}
		for i := range sim {
			if rowSum[i] == 0 {
				for j := range next {
					next[j] += 0.85 * rank[i] / float64(n)
				}
				continue
			}
			for j, s := range sim[i] {
				next[j] += 0.85 * rank[i] * s / rowSum[i]
			}
		}
		delta := 0.0
		for i := range rank {
			delta += math.Abs(next[i] - rank[i])
		}
		rank, next = next, rank
		if delta < 1e-9 {
			break
		}
	}
	return rank
}

// mmr picks want items by maximal marginal relevance: relevance traded
// against similarity to what is already chosen.
func mmr(score []float64, sim [][]float64, want int, lambda float64) []int {
	maxScore := 0.0
	for _, s := range score {
		maxScore = math.Max(maxScore, s)
	}
	var chosen []int
	used := make([]bool, len(score))
	for len(chosen) < want {
		best, bestVal := -1, math.Inf(-1)
		for i, s := range score {
			if used[i] {
				continue
			}
			red := 0.0
			for _, c := range chosen {
				red = math.Max(red, sim[i][c])
			}
			val := lambda*s/maxScore - (1-lambda)*red
			if val > bestVal {
				best, bestVal = i, val
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		chosen = append(chosen, best)
	}
	return chosen
}
