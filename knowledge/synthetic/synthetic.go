package synthetic

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/knowledge"
)

// Shape of the generated corpus.
const (
	stemCount    = 2400  // content stems; with their variants a few thousand word types
	rareCount    = 40000 // pool of rare words, most of which appear at most once or twice
	rareRate     = 0.015 // share of content tokens drawn from the rare pool
	topicRate    = 0.18  // share of content tokens drawn from the section's topic words
	topicWords   = 14    // topic words per section
	functionRate = 0.45  // share of tokens that are function words
	properShare  = 0.04  // share of stems that are proper names, always capitalised
	passageWords = 60    // mean passage length in words
)

// functionWords are real English function words, most frequent first; the
// corpus draws them with Zipf-like weights so stop-word removal matters.
var functionWords = strings.Fields(`the of and to a in that is for it as was with be on not
by are this at from but have an they which or his has had will their were been would there
can more its all also into than other some these could such only over most any after between
our those them both while under against we so no may should about because through each
during before who what when where how why`)

// Syllable parts for invented words. No part contains q or x: Queries relies on
// this only as a cheap first try when it looks for words unseen in a corpus.
var (
	onsets   = strings.Fields("b c d f g h k l m n p r s t v w br cr dr gr pr tr st sp pl cl fl sh ch th")
	vowels   = strings.Fields("a e i o u ai ea ou io ee")
	codas    = append([]string{"", "", "", "", ""}, strings.Fields("n r s t l m nd nt st rk ct")...)
	suffixes = strings.Fields("s ed ing er ation ly ment ness ive al")
)

// vocabulary is the word stock a corpus is drawn from.
type vocabulary struct {
	content []stem // by rank, commonest first
	rare    []string
	zipf    *rand.Zipf
	fnZipf  *rand.Zipf
}

// stem is a content word: its forms, the bare stem first.
type stem struct {
	forms  []string
	proper bool // a name, always capitalised
}

// newVocabulary invents a vocabulary from r.
func newVocabulary(r *rand.Rand) *vocabulary {
	seen := make(map[string]bool, stemCount*4+rareCount)
	for _, w := range functionWords {
		seen[w] = true
	}
	v := &vocabulary{
		content: make([]stem, 0, stemCount),
		rare:    make([]string, 0, rareCount),
	}
	for len(v.content) < stemCount {
		w := inventWord(r, syllables(r))
		if len(w) < 3 || seen[w] {
			continue
		}
		seen[w] = true
		forms := []string{w}
		if r.Float64() < properShare {
			v.content = append(v.content, stem{forms: forms, proper: true})
			continue
		}
		for range r.IntN(4) {
			form := w + suffixes[r.IntN(len(suffixes))]
			if !seen[form] {
				seen[form] = true
				forms = append(forms, form)
			}
		}
		v.content = append(v.content, stem{forms: forms})
	}
	// Frequent words are short, as in real languages.
	slices.SortStableFunc(v.content, func(a, b stem) int { return len(a.forms[0]) - len(b.forms[0]) })
	for len(v.rare) < rareCount {
		w := inventWord(r, 2+r.IntN(2))
		if seen[w] {
			continue
		}
		seen[w] = true
		v.rare = append(v.rare, w)
	}
	// Content words continue the Zipf curve below the function words, which
	// hold its head: the offset of 20 ranks keeps the commonest content word
	// near 1% of content tokens, as in English prose, instead of letting one
	// invented word fill a third of all sentences.
	v.zipf = rand.NewZipf(r, 1.05, 20, uint64(len(v.content)-1))
	v.fnZipf = rand.NewZipf(r, 1.1, 1.5, uint64(len(functionWords)-1))
	return v
}

// syllables draws a stem's length in syllables: mostly one or two.
func syllables(r *rand.Rand) int {
	switch x := r.Float64(); {
	case x < 0.45:
		return 1
	case x < 0.9:
		return 2
	default:
		return 3
	}
}

// inventWord strings n syllables together.
func inventWord(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(onsets[r.IntN(len(onsets))])
		b.WriteString(vowels[r.IntN(len(vowels))])
		b.WriteString(codas[r.IntN(len(codas))])
	}
	return b.String()
}

// contentWord draws one content word: a section topic word, a rare word, or a
// word from the Zipf-distributed stock, in one of its forms.
func (v *vocabulary) contentWord(r *rand.Rand, topic []int) string {
	var rank int
	switch x := r.Float64(); {
	case x < rareRate:
		return v.rare[r.IntN(len(v.rare))]
	case x < rareRate+topicRate && len(topic) > 0:
		rank = topic[r.IntN(len(topic))]
	default:
		rank = int(v.zipf.Uint64())
	}
	s := v.content[rank]
	w := s.forms[r.IntN(len(s.forms))]
	if s.proper {
		w = capitalise(w)
	}
	return w
}

// topic picks a section's topic words among the mid-frequency stems.
func (v *vocabulary) topic(r *rand.Rand) []int {
	t := make([]int, topicWords)
	for i := range t {
		t[i] = 30 + r.IntN(min(1500, len(v.content)-30))
	}
	return t
}

// title invents a title of n words from the topic words.
func (v *vocabulary) title(r *rand.Rand, topic []int, n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = capitalise(v.content[topic[r.IntN(len(topic))]].forms[0])
	}
	return strings.Join(words, " ")
}

// sentence writes one sentence of about n words. It adds the punctuation that
// ingestion and query normalisation must cope with: commas, curly quotes, em
// dashes, abbreviations and numbers.
func (v *vocabulary) sentence(r *rand.Rand, topic []int, n int) string {
	var b strings.Builder
	quoteAt, quoteLen := -1, 0
	if r.Float64() < 0.08 && n > 6 {
		quoteLen = 2 + r.IntN(4)
		quoteAt = 1 + r.IntN(n-quoteLen)
	}
	dashAt := -1
	if r.Float64() < 0.08 && n > 8 {
		dashAt = 3 + r.IntN(n-6)
	}
	for i := range n {
		var w string
		switch x := r.Float64(); {
		case x < 0.004:
			w = "U.S."
		case x < 0.012:
			w = fmt.Sprintf("%d", 2+r.IntN(3000))
		case x < functionRate:
			w = functionWords[v.fnZipf.Uint64()]
		default:
			w = v.contentWord(r, topic)
		}
		if i == 0 {
			w = capitalise(w)
		}
		if i > 0 {
			if i == dashAt {
				b.WriteString(" — ")
			} else {
				b.WriteByte(' ')
			}
		}
		if i == quoteAt {
			b.WriteString("“")
		}
		b.WriteString(w)
		if quoteAt >= 0 && i == quoteAt+quoteLen-1 {
			b.WriteString("”")
		}
		if i < n-1 && i+1 != dashAt && r.Float64() < 0.05 {
			b.WriteByte(',')
		}
	}
	if r.Float64() < 0.05 {
		b.WriteByte('?')
	} else {
		b.WriteByte('.')
	}
	return b.String()
}

// passage builds one passage of about passageWords words.
func (v *vocabulary) passage(r *rand.Rand, topic []int) (string, []knowledge.Sentence) {
	target := passageWords - 15 + r.IntN(31)
	var b strings.Builder
	var sents []knowledge.Sentence
	for words := 0; words < target; {
		n := min(8+r.IntN(15), max(target-words, 4))
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		s := v.sentence(r, topic, n)
		start := b.Len()
		b.WriteString(s)
		sents = append(sents, knowledge.Sentence{Text: s, Start: start, End: b.Len()})
		words += n
	}
	text := b.String()
	// Share the passage's memory, as ingestion does.
	for i := range sents {
		sents[i].Text = text[sents[i].Start:sents[i].End]
	}
	return text, sents
}

// Documents builds n passages of about 60 words, grouped into documents of 20
// to 60 passages, each with an untitled lead and titled sections of 3 to 8
// passages. The result is the same for the same n and seed; n <= 0 yields nil.
func Documents(n int, seed int64) []*knowledge.Document {
	if n <= 0 {
		return nil
	}
	r := newRand(seed)
	v := newVocabulary(r)
	var docs []*knowledge.Document
	for left := n; left > 0; {
		size := min(left, 20+r.IntN(41))
		left -= size
		docs = append(docs, v.document(r, len(docs)+1, size))
	}
	return docs
}

// document builds the number-th document with size passages.
func (v *vocabulary) document(r *rand.Rand, number, size int) *knowledge.Document {
	docTopic := v.topic(r)
	d := &knowledge.Document{
		ID:     fmt.Sprintf("synthetic-%04d", number),
		Title:  v.title(r, docTopic, 3+r.IntN(5)),
		Source: "synthetic",
	}
	d.Path = "synthetic:" + d.ID
	ordinal := 0
	for left := size; left > 0; {
		sec := knowledge.Section{}
		topic := docTopic
		count := min(left, 1+r.IntN(2))
		if len(d.Sections) > 0 {
			topic = v.topic(r)
			sec.Title = v.title(r, topic, 2+r.IntN(4))
			sec.Number = len(d.Sections)
			sec.Theme = true
			count = min(left, 3+r.IntN(6))
		}
		left -= count
		name := sec.Title
		if name == "" {
			name = "Introduction"
		}
		sec.Passages = make([]knowledge.Passage, count)
		for i := range sec.Passages {
			ordinal++
			text, sents := v.passage(r, topic)
			sec.Passages[i] = knowledge.Passage{
				ID:        fmt.Sprintf("%s#%d", d.ID, ordinal),
				Doc:       d.ID,
				DocTitle:  d.Title,
				Section:   name,
				SectionNo: len(d.Sections),
				Ordinal:   ordinal,
				Text:      text,
				Sentences: sents,
			}
		}
		d.Sections = append(d.Sections, sec)
	}
	return d
}

// Text renders docs as one plain-text file in the format talksbot ingests:
// paragraphs separated by blank lines and titled sections under numbered
// "N) Title" headings, N running through the whole file.
func Text(docs []*knowledge.Document) []byte {
	var b strings.Builder
	heading := 0
	for _, d := range docs {
		for _, s := range d.Sections {
			if s.Title != "" {
				heading++
				fmt.Fprintf(&b, "%d) %s\n\n", heading, s.Title)
			}
			for _, p := range s.Passages {
				b.WriteString(p.Text)
				b.WriteString("\n\n")
			}
		}
	}
	return []byte(b.String())
}

// Question words open the generated questions.
var questionWords = strings.Fields("what how why who when where which did does is")

// Queries draws n questions of 3 to 8 words from the passages of docs: about
// half are a run of words quoted from a sentence, the rest are paraphrased
// (reordered, inflected differently, now and then misspelt), carry words the
// corpus never uses, or mix words from unrelated passages. The result is the
// same for the same docs, n and seed; it is nil when n <= 0 or docs hold no
// passage with words.
func Queries(docs []*knowledge.Document, n int, seed int64) []string {
	if n <= 0 {
		return nil
	}
	var passages [][]string // the words of each passage, lower-cased
	var sentences [][]string
	seen := make(map[string]bool)
	for _, d := range docs {
		for _, s := range d.Sections {
			for _, p := range s.Passages {
				var pw []string
				for _, sent := range p.Sentences {
					ws := words(sent.Text)
					if len(ws) > 0 {
						sentences = append(sentences, ws)
						pw = append(pw, ws...)
					}
				}
				if len(pw) > 0 {
					passages = append(passages, pw)
				}
				for _, w := range pw {
					seen[w] = true
				}
			}
		}
	}
	if len(passages) == 0 {
		return nil
	}
	r := newRand(seed ^ 0x51ed)
	unseen := func() string {
		for {
			w := inventWord(r, 2)
			w = w[:1] + string("qxz"[r.IntN(3)]) + w[1:]
			if !seen[w] {
				return w
			}
		}
	}
	qs := make([]string, n)
	for i := range qs {
		k := 2 + r.IntN(6) // words after the question word: 3 to 8 in all
		var body []string
		switch x := r.Float64(); {
		case x < 0.5: // verbatim run from one sentence
			ws := sentences[r.IntN(len(sentences))]
			k = min(k, len(ws))
			at := r.IntN(len(ws) - k + 1)
			body = append(body, ws[at:at+k]...)
		case x < 0.75: // paraphrase of one passage
			body = paraphrase(r, passages[r.IntN(len(passages))], k)
		case x < 0.9: // paraphrase with words the corpus never uses
			body = paraphrase(r, passages[r.IntN(len(passages))], k)
			for range 1 + r.IntN(2) {
				body[r.IntN(len(body))] = unseen()
			}
		default: // words from unrelated passages and one unseen word
			for range k - 1 {
				pw := passages[r.IntN(len(passages))]
				body = append(body, pw[r.IntN(len(pw))])
			}
			body = append(body, unseen())
		}
		qs[i] = capitalise(questionWords[r.IntN(len(questionWords))]) + " " + strings.Join(body, " ") + "?"
	}
	return qs
}

// paraphrase picks k words of a passage, preferring content words, in a new
// order, some inflected differently or misspelt.
func paraphrase(r *rand.Rand, pw []string, k int) []string {
	out := make([]string, 0, k)
	for tries := 0; len(out) < k && tries < 8*k; tries++ {
		w := pw[r.IntN(len(pw))]
		if len(w) <= 3 && tries < 4*k {
			continue // most likely a function word
		}
		switch x := r.Float64(); {
		case x < 0.25:
			w = reinflect(r, w)
		case x < 0.30 && len(w) > 4:
			j := 1 + r.IntN(len(w)-2)
			b := []byte(w)
			b[j], b[j+1] = b[j+1], b[j]
			if utf8.Valid(b) {
				w = string(b)
			}
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		out = append(out, pw[r.IntN(len(pw))])
	}
	return out
}

// reinflect swaps or adds a suffix.
func reinflect(r *rand.Rand, w string) string {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			w = w[:len(w)-len(s)]
			break
		}
	}
	if r.IntN(2) == 0 {
		w += suffixes[r.IntN(len(suffixes))]
	}
	return w
}

// words splits text into lower-case words of letters and digits; the
// apostrophes and periods inside a word ("U.S.", "Rouhani’s") are kept.
func words(text string) []string {
	fs := strings.FieldsFunc(strings.ToLower(text), func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '.' && c != '\'' && c != '’'
	})
	out := fs[:0]
	for _, f := range fs {
		f = strings.Trim(f, ".'’")
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// capitalise upper-cases the first letter of w.
func capitalise(w string) string {
	c, size := utf8.DecodeRuneInString(w)
	if c == utf8.RuneError {
		return w
	}
	return string(unicode.ToUpper(c)) + w[size:]
}

// newRand returns the generator's deterministic source for seed.
func newRand(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x7a6c6b73626f74))
}
