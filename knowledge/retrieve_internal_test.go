package knowledge

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// A query is parsed into pooled memory: nothing of the previous question may
// survive into the next.
func TestParseResetsQuery(t *testing.T) {
	ix, err := NewIndex([]*Document{Default()})
	if err != nil {
		t.Fatal(err)
	}
	var q query
	ix.parse(&q, "How many big picture issues are there?", "and Khamenei")
	ix.parse(&q, "Who has emphasized win-win solutions?", "")
	if q.cue != hasName {
		t.Errorf("got cue %d, want %d (who)", q.cue, hasName)
	}
	for _, term := range q.terms {
		if term.slot < 0 {
			t.Errorf("context term %d of the previous question survived", term.id)
		}
	}
	ix.parse(&q, "Will reaching a deal be easy?", "")
	if q.cue != 0 {
		t.Errorf("got cue %d, want none", q.cue)
	}
	ix.parse(&q, "Which city hosts the next round? What's the payoff?", "")
	ix.parse(&q, "Who has emphasized win-win solutions?", "")
	if q.place || q.consequence {
		t.Errorf("a place (%v) or an outcome (%v) asked survived into the next question", q.place, q.consequence)
	}
}

// Units longer than the weight table's lengths are weighted by their true
// length.
func TestTermWeightOfLongUnits(t *testing.T) {
	long := strings.Repeat("sanctions talks ", 200) + "end."
	doc, err := Parse("long.txt", []byte("Short sentence about talks. "+long))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := NewIndex([]*Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	for u := range ix.numUnits() {
		n := ix.unitOff[u+1] - ix.unitOff[u]
		for _, tf := range []uint32{1, 3, 9, 200} {
			want := bm25Weight(float32(tf), n, ix.avgLen)
			if got := ix.termWeight(tf, uint32(u)); got != want {
				t.Errorf("unit %d (%d terms), tf %d: got %v, want %v", u, n, tf, got, want)
			}
		}
	}
}

// TestWordVectorExpansion checks that a word the text lacks is expanded
// with the words used like it that the text has ("senators": "Congress"),
// weighing and counting in proportion to their similarity, and that a name
// is not expanded so.
func TestWordVectorExpansion(t *testing.T) {
	ix, err := NewIndex([]*Document{Default()})
	if err != nil {
		t.Fatal(err)
	}
	congress, ok := ix.vocab["congress"]
	if !ok {
		t.Fatal(`the article's vocabulary lacks "congress"`)
	}
	slotOf := func(q *query, id int32) (qterm, bool) {
		for _, tt := range q.terms {
			if tt.id == id {
				return tt, true
			}
		}
		return qterm{}, false
	}
	var q query
	ix.parse(&q, "What did the senators push for?", "")
	got, ok := slotOf(&q, congress)
	if !ok {
		t.Fatalf(`"senators" is not expanded with "congress": terms %+v`, q.terms)
	}
	const sim = 0.79 // the table's similarity of "senat" and "congress"
	if want := float32(similarWeight * sim); math.Abs(float64(got.weight-want)) > 1e-6 {
		t.Errorf("weight %v, want %v", got.weight, want)
	}
	if want := float32(similarCredit * sim); math.Abs(float64(got.credit-want)) > 1e-6 {
		t.Errorf("credit %v, want %v", got.credit, want)
	}

	// "legislature" is used like "congress" (0.77) and is its broader
	// word in WordNet: the term weighs as the neighbour does, more than
	// a narrower word, and credits as the narrower word does.
	ix.parse(&q, "What did the legislature push for?", "")
	got, ok = slotOf(&q, congress)
	if !ok {
		t.Fatalf(`"legislature" is not expanded with "congress": terms %+v`, q.terms)
	}
	if want := float32(similarWeight * 0.77); math.Abs(float64(got.weight-want)) > 1e-6 {
		t.Errorf("legislature: weight %v, want %v", got.weight, want)
	}
	if want := relCredit[relHyponym]; got.credit != want {
		t.Errorf("legislature: credit %v, want %v", got.credit, want)
	}

	// "senate" is used like "congress" too, but "the Senate" is a name.
	ix.parse(&q, "What did the senate push for?", "")
	if _, ok := slotOf(&q, congress); !ok {
		t.Errorf(`"senate" is not expanded with "congress": terms %+v`, q.terms)
	}
	ix.parse(&q, "What did the Senate push for?", "")
	if tt, ok := slotOf(&q, congress); ok {
		t.Errorf(`the name "Senate" is expanded with "congress": %+v`, tt)
	}
}

// TestStrangers checks which words count as names the knowledge base
// knows by no form. A number in digits is one when the text gives it in no
// form: "3" is known where the text says "three"; "6" and "3rd" are not,
// and "3rd" is no number in digits. A proper noun typed in lower case is
// one as it is with its capital, unless the text knows it; a common word
// typed so is none, nor are abbreviations and titles ("OK", "TV", "Mr").
// An owner the knowledge base knows by no form counts as one too.
func TestStrangers(t *testing.T) {
	for _, tt := range []struct {
		text     string
		question string
		want     int
	}{
		{numbersText, "Did the deal come after 3 rounds of talks?", 0},
		{numbersText, "Did the deal come after 6 rounds of talks?", 1},
		{numbersText, "Did the deal come after 6 rounds and 7 months of talks?", 2},
		{numbersText, "Did the deal come in the 3rd round of talks?", 0},
		{namesText, "what does israel think of the talks?", 1},
		{namesText, "what does Israel think of the talks?", 1},
		{namesText, "what does vienna think of the talks?", 0},
		{namesText, "what does the house think of the talks?", 0},
		{namesText, "btw what does mr house think of the talks on tv, asap?", 0},
		// An owner the text knows by no form is someone it never speaks
		// of, typed in lower case or not; one it knows is no stranger.
		{namesText, "what's china's stance on the talks?", 1},
		{namesText, "what's iran's stance on the talks?", 0},
		{namesText, "what's the house's stance on the talks?", 0},
	} {
		var q query
		newTestIndex(t, tt.text).parse(&q, tt.question, "")
		if q.strangers != tt.want {
			t.Errorf("%q: got %d strangers, want %d", tt.question, q.strangers, tt.want)
		}
	}
}

const (
	numbersText = "The deal came after three rounds of talks."
	namesText   = "Talks in Vienna with Iran began this week, and a house was rented."
)

func newTestIndex(t *testing.T, text string) *Index {
	t.Helper()
	doc, err := Parse("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := NewIndex([]*Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// Every plain word an idiom stands for must be one word as a text's words
// are read, so that it can match one: "de-escalate" is read as two and
// would silently match nothing.
func TestIdiomsPlainWordsAreWords(t *testing.T) {
	for phrase, plain := range idioms {
		for _, p := range strings.Fields(plain) {
			var got []string
			scanWords(p, func(w word) { got = append(got, w.text) })
			if len(got) != 1 || got[0] != p {
				t.Errorf("idiom %q: plain word %q is read as %q", phrase, p, got)
			}
		}
	}
}

// A contraction's verb is a function word, with or without its apostrophe;
// "n't" is a negation and stays, and so does "'ll", with or without its
// apostrophe, written out as "will" ("what'll the critics say?" asks for
// a prediction).
func TestContractions(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"does the writer think it'll be easy", "does the writer think it will be easy"},
		{"what’ll the deal's critics say", "what will the deal critics say"},
		{"itll be hard, theyll say", "it will be hard they will say"},
		{"they’re sure we'd won and who've gone", "they sure we won and who gone"},
		{"whats the deal, whos quoted, wheres it", "what the deal who quoted where it"},
		{"it won't be easy", "it wont be easy"},
	} {
		var got []string
		scanWords(tt.text, func(w word) { got = append(got, w.text) })
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("%q: read %q, want %q", tt.text, s, tt.want)
		}
	}
}

// A question's word finds a narrower word of the text that WordNet lists
// under it only from the narrower word's side ("vast" lists "large" as
// more general; "large" holds only six narrower words, not it), and a
// loose synonym the same way; a name finds no narrower word.
func TestReverseRelations(t *testing.T) {
	ix := newTestIndex(t, "A vast crowd gathered in the square.")
	vast, ok := ix.vocab["vast"]
	if !ok {
		t.Fatal(`the vocabulary lacks "vast"`)
	}
	var q query
	ix.parse(&q, "how large was the crowd?", "")
	found := false
	for _, tm := range q.terms {
		if tm.id == vast {
			found = true
			if tm.credit != relCredit[relHyponym] {
				t.Errorf("vast: credit %v, want a hyponym's %v", tm.credit, relCredit[relHyponym])
			}
		}
	}
	if !found {
		t.Errorf(`"large" did not find "vast"`)
	}
	var named query
	ix.parse(&named, "which crowd did Large gather?", "")
	for _, tm := range named.terms {
		if tm.id == vast {
			t.Errorf(`the name "Large" found "vast"`)
		}
	}
}

// TestRespell checks which words respell takes for misspellings, and what
// for: the knowledge base's word one edit away, else a common English one;
// not a word whose nearest English word is rare ("fallback", one letter
// from "fullback"), a stop word's stem ("others"), a negation by "un" of a
// known word ("unmapped") nor a word the built-in tables hold
// ("infighting").
func TestRespell(t *testing.T) {
	ix, err := NewIndex([]*Document{Default()})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ word, want string }{
		{"negotations", "negoti"},
		{"sanctons", "sanction"},
		{"recomend", "recommend"},
		{"fallback", "fallback"},
		{"others", "other"},
		{"unmapped", "unmap"},
		{"infighting", "infight"},
	} {
		// Twice: the second answer is the remembered one.
		for range 2 {
			if got := ix.respell(tt.word, stem(tt.word)); got != tt.want {
				t.Errorf("respell(%q) = %q, want %q", tt.word, got, tt.want)
			}
		}
	}
}

// A noun in "-ingness" comes to its adjective's stem, which Porter2 alone
// leaves one step apart ("willingness" at "willing", "willing" at "will").
func TestStemOfIngness(t *testing.T) {
	for _, tt := range []struct{ noun, adjective string }{
		{"willingness", "willing"},
		{"unwillingness", "unwilling"},
		{"lastingness", "lasting"},
	} {
		if got, want := stem(tt.noun), stem(tt.adjective); got != want {
			t.Errorf("stem(%q) = %q, want stem(%q) = %q", tt.noun, got, tt.adjective, want)
		}
	}
	if got := stem("ness"); got != "ness" {
		t.Errorf("stem(%q) = %q, want it unchanged", "ness", got)
	}
}

// TestFigureAsked checks which questions ask for a figure of speech or a
// saying: one named as a noun, not "saying" as a verb after a form of "be".
func TestFigureAsked(t *testing.T) {
	for q, want := range map[string]bool{
		"which idiom does the writer use about the fine print?":         true,
		"what old saying about kindness gets quoted?":                   true,
		"what sea metaphor does he use for where things stand?":         true,
		"is the author saying war is on the table if this falls apart?": false,
		"what have they been saying about the talks?":                   false,
		"what do the talks aim at?":                                     false,
	} {
		var words []word
		scanWords(q, func(w word) { words = append(words, w) })
		if got := figureAsked(words); got != want {
			t.Errorf("%q: got %v, want %v", q, got, want)
		}
	}
}

// What comes if a thing fails is the alternative to it: the word of
// failure in a condition reads as "alternative" too, and only there.
func TestFailedIfAsksAlternative(t *testing.T) {
	ix, err := NewIndex([]*Document{Default()})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ question, word string }{
		{"what's the likely outcome if the talks fail?", "fail"},
		{"what happens if the negotiations collapse?", "collapse"},
		{"is war a real possibility if this falls through?", "falls"},
		{"what if diplomacy is breaking down?", "breaking"},
		{"what would happen if it all goes wrong", "goes"},
	} {
		if got, _ := ix.idiomWords(wordsOf(tt.question)); !slices.Contains(got[tt.word], stemAlternative) {
			t.Errorf("%q: %q reads as %q, want %q among them", tt.question, tt.word, got[tt.word], stemAlternative)
		}
	}
	for _, q := range []string{"why did earlier attempts fail?", "what is the failed approach?", "what if the talks go on for weeks?",
		"did the talks break new ground?"} {
		extra, _ := ix.idiomWords(wordsOf(q))
		for w, plain := range extra {
			if slices.Contains(plain, stemAlternative) {
				t.Errorf("%q: %q reads as %q, want no alternative", q, w, plain)
			}
		}
	}
}

// An idiom opened by a verb is read in any inflected form of it ("falls
// through", "fell through" for "fall through"), and only so: "basically"
// is no form of "basics".
func TestIdiomsInflected(t *testing.T) {
	ix, err := NewIndex([]*Document{Default()})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		question, word, plain string
	}{
		{"what if the deal falls through?", "falls", "fail"},
		{"has the gamble paying off yet?", "paying", "succeed"},
		{"what if the deal fall through?", "fall", "fail"},
		{"is war likely if the talks are falling apart?", "falling", "collaps"},
	} {
		extra, _ := ix.idiomWords(wordsOf(tt.question))
		if !slices.Contains(extra[tt.word], tt.plain) {
			t.Errorf("%q: %q reads as %q, want %q among them", tt.question, tt.word, extra[tt.word], tt.plain)
		}
	}
	for _, q := range []string{"what is this piece basically saying?", "what does he say specifically?", "is the fall through the floor?"} {
		extra, _ := ix.idiomWords(wordsOf(q))
		for w, plain := range extra {
			if w == "basically" || w == "specifically" {
				t.Errorf("%q: %q reads as %q, want no idiom", q, w, plain)
			}
		}
	}
	for _, tt := range []struct {
		w, s string
		want bool
	}{
		{"falls", "fall", true}, {"paying", "pay", true}, {"tried", "try", true}, {"backed", "back", true}, {"backing", "back", true},
		{"making", "make", true}, {"stopped", "stop", true}, {"tries", "try", true}, {"basically", "basics", false},
		{"backer", "back", false}, {"falling", "fall", true}, {"fallen", "fall", false},
	} {
		if got := inflectionOf(tt.w, tt.s); got != tt.want {
			t.Errorf("inflectionOf(%q, %q) = %v, want %v", tt.w, tt.s, got, tt.want)
		}
	}
}

// An everyday word the text uses ranks a sentence by less than its IDF,
// an adverb of the list and a topical word by all of it; each counts whole
// toward the question's coverage.
func TestGenericWordsRankLess(t *testing.T) {
	ix, err := NewIndex([]*Document{Default()})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		question, word string
		scale          float32
	}{
		{"what will come of the talks?", "come", genericSeen},
		{"how important are the sanctions?", "important", genericSeen},
		{"how important are the sanctions?", "sanctions", 1},
		{"what are the actual interests?", "actual", 1},
		{"what do they actually want?", "actually", 1},
	} {
		s, q := ix.begin(tt.question, "")
		var w word
		scanWords(tt.word, func(x word) { w = x })
		id, _, known := ix.lookup(w)
		if !known || id < 0 {
			t.Fatalf("%q: the text lacks %q", tt.question, tt.word)
		}
		i := slices.IndexFunc(q.terms, func(t qterm) bool { return t.id == id && t.credit == 1 })
		if i < 0 {
			t.Fatalf("%q: no term for %q", tt.question, tt.word)
		}
		term := q.terms[i]
		if want := ix.idf[id] * tt.scale; term.scale != want {
			t.Errorf("%q: %q ranks by %v, want %v", tt.question, tt.word, term.scale, want)
		}
		if w := q.slots[term.slot].weight; w != ix.idf[id] {
			t.Errorf("%q: %q weighs %v toward coverage, want its IDF %v", tt.question, tt.word, w, ix.idf[id])
		}
		ix.release(s)
	}
}

// The plain words of a figure of speech the text uses are among its
// sentence's terms, and leave its length, and the average, as they are.
func TestFigureTermsKeepLength(t *testing.T) {
	ix := newTestIndex(t, "The mayor signed the harbour pact for all to see.\n\nThe mayor signed the harbour pact in the hall.")
	id, ok := ix.vocab[stem("publicly")]
	if !ok {
		t.Fatal(`the figure's plain word "publicly" is no term`)
	}
	terms := ix.seq16[ix.unitOff[0]:ix.unitOff[1]]
	if !slices.Contains(terms, uint16(id)) {
		t.Errorf("unit 0 holds terms %v, want %d (publicly) among them", terms, id)
	}
	if ix.unitLen[0] != ix.unitLen[1] || int(ix.unitLen[0]) != len(terms)-1 {
		t.Errorf("lengths %d and %d (%d terms in the first), want both the words the sentences write", ix.unitLen[0], ix.unitLen[1], len(terms))
	}
	if ix.avgLen != float32(ix.unitLen[0]) {
		t.Errorf("average length %v, want %d", ix.avgLen, ix.unitLen[0])
	}
}

// wordsOf returns the words of text as questions are read, each with a
// text of its own.
func wordsOf(text string) []word {
	var words []word
	scanWords(text, func(w word) {
		w.text = strings.Clone(w.text)
		words = append(words, w)
	})
	return words
}

func TestDoingAsked(t *testing.T) {
	for q, want := range map[string]bool{
		"What are Iran's hard-liners up to?":            true,
		"what's the US legislature been up to re iran?": true,
		"what has Congress been doing re Iran?":         true,
		"What have lawmakers been doing that hurts?":    true,
		"is the US doing Iran a favour?":                false,
		"is it up to Congress to decide?":               false,
		"is enrichment up to 20 percent?":               false,
		"what did Congress do?":                         false,
	} {
		if got := doingAsked(wordsOf(q)); got != want {
			t.Errorf("doingAsked(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestVerbAskedAt: the verb right after "what" as its subject, before a
// determiner, is asked about, unless a particle later completes it.
func TestVerbAskedAt(t *testing.T) {
	for _, tt := range []struct {
		question string
		want     int
	}{
		{"what motivates the spoilers?", 1},
		{"so what caused the impasse?", 2},
		{"what sets the moderates apart?", -1},
		{"what does the author think?", -1},
		{"what officials spoke?", -1},
	} {
		if got := verbAskedAt(wordsOf(tt.question)); got != tt.want {
			t.Errorf("%q: got %d, want %d", tt.question, got, tt.want)
		}
	}
}

// Words of plainSenses that share a stem ("gradual", "gradually") relate
// it to each of their plain words, whatever order the table is read in: a
// draft's "gradual" is held by a passage's "slowly" as by "slow".
func TestPlainSensesSharingAStem(t *testing.T) {
	var got []string
	lexicon{}.related(stem("gradually"), func(target string, _ relation) bool {
		got = append(got, target)
		return true
	})
	for _, want := range []string{stem("slow"), stem("slowly")} {
		if !slices.Contains(got, want) {
			t.Errorf("%q relates to %q, want %q among them", stem("gradually"), got, want)
		}
	}
}
