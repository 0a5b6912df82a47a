package wordnet_test

import (
	"encoding/binary"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kljensen/snowball/english"

	"github.com/talksbot/talksbot/knowledge/internal/gentest"
	"github.com/talksbot/talksbot/knowledge/internal/wordlist"
	"github.com/talksbot/talksbot/knowledge/internal/wordnet"
)

// related returns the entries of stem as "target/relation" strings.
func related(stem string) []string {
	e := wordnet.Related(stem)
	out := make([]string, e.Len())
	for i := range out {
		t, rel := e.At(i)
		out[i] = t + "/" + rel.String()
	}
	return out
}

func TestRelatedKnown(t *testing.T) {
	tests := []struct {
		key, target string
		rel         wordnet.Relation
	}{
		{"colour", "color", wordnet.Spelling},
		{"color", "colour", wordnet.Spelling},
		{"favour", "favor", wordnet.Spelling},
		{"programm", "program", wordnet.Spelling},
		{"centr", "center", wordnet.Spelling},
		{"defenc", "defens", wordnet.Spelling},
		{"america", "us", wordnet.Synonym},
		{"us", "america", wordnet.Synonym},
		{"help", "aid", wordnet.Synonym},
		{"adag", "proverb", wordnet.Synonym},
		{"talk", "negoti", wordnet.Synonym},
		{"us", "unit state", wordnet.Abbreviation},
		{"unit state", "us", wordnet.Abbreviation},
		{"iaea", "intern atom energi agenc", wordnet.Abbreviation},
		{"intern atom energi agenc", "iaea", wordnet.Abbreviation},
		{"un", "unit nation", wordnet.Abbreviation},
		{"eu", "european union", wordnet.Abbreviation},
		{"decid", "decis", wordnet.Derived},
		{"decis", "decid", wordnet.Derived},
		{"quot", "quotat", wordnet.Derived},
		{"sedan", "car", wordnet.Hypernym},
		{"lawmak", "leader", wordnet.Hypernym},
		// Hyponyms: a question's general word, the text's specific one.
		{"doubt", "skeptic", wordnet.Hyponym},
		{"legislatur", "congress", wordnet.Hyponym},
		{"legislatur", "parliament", wordnet.Hyponym},
		{"car", "sedan", wordnet.Hyponym},
		// Places: the country holds its city, as a hyponym.
		{"austria", "vienna", wordnet.Hyponym},
		{"switzerland", "geneva", wordnet.Hyponym},
		{"dc", "washington", wordnet.Hyponym},
		// … and so does the adjective of the country.
		{"austrian", "vienna", wordnet.Hyponym},
		{"swiss", "geneva", wordnet.Hyponym},
		// Spelling both ways, and a British stem inheriting the American's
		// relations: Porter2 strips "-ize" but not "-ise".
		{"organ", "organis", wordnet.Spelling},
		{"recogn", "recognis", wordnet.Spelling},
		{"recognis", "recogn", wordnet.Spelling},
		{"recognis", "realiz", wordnet.Synonym},
		{"recogn", "realiz", wordnet.Synonym},
		{"emphasis", "emphas", wordnet.Spelling},
		{"emphasis", "stress", wordnet.Synonym},
		{"favour", "consid", wordnet.Hypernym},
		{"favor", "consid", wordnet.Hypernym},
		// Adjectives and adverbs sharing a first sense of one of them.
		{"probabl", "like", wordnet.Synonym},
		{"crucial", "import", wordnet.Synonym},
		{"still", "nevertheless", wordnet.Synonym},
		{"simpl", "elementari", wordnet.Synonym},
	}
	for _, tt := range tests {
		t.Run(tt.key+"→"+tt.target, func(t *testing.T) {
			e := wordnet.Related(tt.key)
			for i := range e.Len() {
				if got, rel := e.At(i); got == tt.target {
					if rel != tt.rel {
						t.Errorf("Related(%q) has %q as %v, want %v", tt.key, got, rel, tt.rel)
					}
					return
				}
			}
			t.Errorf("Related(%q) = %v, want %q/%v among them", tt.key, related(tt.key), tt.target, tt.rel)
		})
	}
}

// TestRelatedNot checks relations the rules keep out.
func TestRelatedNot(t *testing.T) {
	tests := []struct{ key, target string }{
		{"hard", "bare"},    // "hardly" is not what "hard" means
		{"like", "probabl"}, // "likely" is not what "like" means
		{"larg", "bombast"}, // an untagged third sense of "large"
		{"person", "adult"}, // over 40 kinds of person: each says little
		{"deal", "hand"},
		// A city's country, a country's regions, and a holder of very many
		// parts relate to none of them.
		{"vienna", "austria"},
		{"vienna", "austrian"},
		{"ohio", "us"},
		{"us", "north"},
		{"us", "ohio"},
	}
	for _, tt := range tests {
		e := wordnet.Related(tt.key)
		for i := range e.Len() {
			if got, rel := e.At(i); got == tt.target {
				t.Errorf("Related(%q) has %q/%v, want it absent", tt.key, got, rel)
			}
		}
	}
}

// antonyms returns the antonyms of stem.
func antonyms(stem string) []string {
	e := wordnet.Antonyms(stem)
	out := make([]string, e.Len())
	for i := range out {
		out[i], _ = e.At(i)
	}
	return out
}

// TestAntonyms checks pairs a checker needs to see as opposites, both ways.
// Each is a pair WordNet links, directly or through an adjective's head,
// which gen -explain shows.
func TestAntonyms(t *testing.T) {
	tests := []struct{ a, b string }{
		{"increas", "decreas"},
		{"strong", "weak"},
		{"success", "failur"}, // the nouns
		{"succeed", "fail"},   // the verbs
		{"accept", "reject"},
		{"accept", "refus"},
		{"win", "lose"},
		{"allow", "disallow"}, // WordNet has allow ↔ disallow, permit ↔ forbid
		{"permit", "forbid"},
		{"rise", "fall"},
		{"narrow", "wide"},
		{"narrow", "widen"}, // the verbs
		{"push", "pull"},
		{"agre", "disagre"},
		{"open", "close"},
		{"peac", "war"},
		{"good", "bad"},
		{"honour", "dishonour"}, // British spellings, from honor ↔ dishonor
		{"honour", "dishonor"},
		// A satellite adjective takes its head's antonym: "huge" is
		// similar to "large", whose antonym is "small".
		{"huge", "small"},
		{"huge", "littl"},
		{"vast", "small"},
		{"broad", "specif"}, // "broad" (unspecific) under "general"
	}
	for _, tt := range tests {
		t.Run(tt.a+"↔"+tt.b, func(t *testing.T) {
			for _, p := range [][2]string{{tt.a, tt.b}, {tt.b, tt.a}} {
				if !has(p[0], p[1], wordnet.Antonym) {
					t.Errorf("Antonyms(%q) = %v, want %q among them", p[0], antonyms(p[0]), p[1])
				}
			}
		})
	}
}

// TestAntonymsNot checks antonyms the rules keep out.
func TestAntonymsNot(t *testing.T) {
	tests := []struct{ key, target, why string }{
		{"support", "oppos", "WordNet links neither to the other, nor either to any antonym"},
		{"support", "invalid", `"invalidating" under "disconfirming": not the main word of "invalid"`},
		{"win", "unattract", `"winning" (charming) is not the main word of "win"`},
		{"allow", "nondeduct", `"allowable" is not the main word of "allow"`},
		{"huge", "tini", "a satellite takes its head's antonyms, not the other head's satellites"},
		{"public", "privatis", `"privatis" is a British spelling of "privatize" only`},
		{"employ", "employe", "a derived form, which stays one (employer, employee)"},
		{"bless", "damn", `a synonym ("blessed", "damned"), which stays one`},
		{"allow", "forbid", "not linked in WordNet: permit ↔ forbid is"},
	}
	for _, tt := range tests {
		if has(tt.key, tt.target, wordnet.Antonym) {
			t.Errorf("Antonyms(%q) has %q, want it absent: %s", tt.key, tt.target, tt.why)
		}
	}
	for _, stem := range []string{"", "zzzzqx", "the", "unit state", "us", "support"} {
		if got := wordnet.Antonyms(stem).Len(); got != 0 {
			t.Errorf("Antonyms(%q) = %v, want none", stem, antonyms(stem))
		}
	}
	// A clash keeps the other relation.
	if !has("employ", "employe", wordnet.Derived) {
		t.Errorf("Related(%q) = %v, want %q as derived", "employ", related("employ"), "employe")
	}
}

// TestInflections checks irregular forms that read as their base: the
// base comes first among the form's related words, as an Inflection, and
// the form among the base's; the form is as frequent as its base.
func TestInflections(t *testing.T) {
	tests := []struct{ form, base string }{
		{"struck", "strike"},
		{"won", "win"},
		{"led", "lead"}, // WordNet's "LED" is an acronym, never tagged
		{"lost", "lose"},
		{"shown", "show"},
		{"sunk", "sink"},
		{"sank", "sink"},
		{"laid", "lay"},
		{"began", "begin"},
		{"begun", "begin"},
		{"felt", "feel"}, // felt, the fabric, is never tagged
		{"children", "child"},
		{"men", "man"},
		{"analyses", "analysis"},
		{"better", "good"},
		{"best", "good"},
		{"worse", "bad"},
		{"bigger", "big"},
		{"learnt", "learn"},
		// Regular comparatives and superlatives, which no list names.
		{"wider", "wide"},
		{"broader", "broad"},
		{"newest", "new"},
		{"tougher", "tough"},
	}
	for _, tt := range tests {
		form, base := stem(tt.form), stem(tt.base)
		t.Run(tt.form, func(t *testing.T) {
			if got, rel := wordnet.Related(form).At(0); rel != wordnet.Inflection {
				t.Errorf("Related(%q) starts with %q/%v, want an inflection", form, got, rel)
			}
			if !has(form, base, wordnet.Inflection) {
				t.Errorf("Related(%q) = %v, want %q/inflection", form, related(form), base)
			}
			if !has(base, form, wordnet.Inflection) {
				t.Errorf("Related(%q) = %v, want %q/inflection", base, related(base), form)
			}
			if f, b := wordnet.Frequency(form), wordnet.Frequency(base); f < b || b == 0 {
				t.Errorf("Frequency(%q) = %d, want at least Frequency(%q) = %d, above 0", form, f, base, b)
			}
		})
	}
	// Two forms of one base are inflections of each other.
	if !has("began", "begun", wordnet.Inflection) || !has("better", "best", wordnet.Inflection) {
		t.Errorf("Related(began) = %v, Related(better) = %v, want begun and best as inflections", related("began"), related("better"))
	}
}

// TestInflectionsInherit checks that a form reaches what its base reaches:
// every synonym of the base is among the form's related words, with the
// same relation or a stronger one.
func TestInflectionsInherit(t *testing.T) {
	for _, p := range [][2]string{{"struck", "strike"}, {"won", "win"}, {"shown", "show"}, {"began", "begin"}, {"children", "child"}, {"led", "lead"}} {
		form, base := stem(p[0]), stem(p[1])
		e := wordnet.Related(base)
		for i := range e.Len() {
			target, rel := e.At(i)
			if rel != wordnet.Synonym {
				continue
			}
			if got, ok := relationOf(form, target); !ok || rank(got) > rank(rel) {
				t.Errorf("Related(%q) = %v, want %q (a synonym of %q) among them", form, related(form), target, base)
			}
		}
	}
	if !has("struck", "hit", wordnet.Synonym) {
		t.Errorf("Related(%q) = %v, want %q/synonym, from %q", "struck", related("struck"), "hit", "strike")
	}
}

// TestInflectionsAntonyms checks that a form takes its base's antonyms, and
// gives them its own: the same word, in another form.
func TestInflectionsAntonyms(t *testing.T) {
	tests := []struct{ a, b string }{
		{"won", "lose"},
		{"won", "lost"},
		{"lost", "win"},
		{"lost", "keep"},  // lose ↔ keep
		{"lost", "found"}, // WordNet's own pair of adjectives: "lost" ↔ "found"
		{"began", "end"},
		{"better", "bad"},
		{"better", "worse"},
		{"sold", "buy"},
		{"bigger", "small"},
	}
	for _, tt := range tests {
		a, b := stem(tt.a), stem(tt.b)
		if !has(a, b, wordnet.Antonym) {
			t.Errorf("Antonyms(%q) = %v, want %q among them", a, antonyms(a), b)
		}
	}
	// WordNet's own pairs come first: "good" before "better".
	if got, _ := wordnet.Antonyms("bad").At(0); got != "good" {
		t.Errorf("Antonyms(%q) = %v, want %q first", "bad", antonyms("bad"), "good")
	}
}

// TestInflectionsNot checks forms the rules leave alone: words of their own,
// which WordNet tags in another sense.
func TestInflectionsNot(t *testing.T) {
	tests := []struct{ form, base, why string }{
		{"left", "leave", "the direction"},
		{"found", "find", "to establish"},
		{"saw", "see", "to cut with a saw"},
		{"lay", "lie", "to put down"},
		{"thought", "think", "an idea"},
		{"ground", "grind", "the land"},
		{"rose", "rise", "the flower"},
		{"wound", "wind", "an injury"},
		{"rang", "ring", `Porter2's stem of "range"`},
		{"lives", "life", `Porter2's stem of "live"`},
		{"modest", "mod", "a word of its own"},
		{"closer", "close", "one who closes"},
		{"number", "numb", "a word of its own"},
	}
	for _, tt := range tests {
		form, base := stem(tt.form), stem(tt.base)
		for _, p := range [][2]string{{form, base}, {base, form}} {
			if rel, ok := relationOf(p[0], p[1]); ok && rel == wordnet.Inflection {
				t.Errorf("Related(%q) has %q as an inflection, want none: %q is %s", p[0], p[1], tt.form, tt.why)
			}
		}
	}
}

// stem returns the Porter2 stem of word, as knowledge computes it.
func stem(word string) string { return english.Stem(word, true) }

// relationOf returns how target relates to key among its Related words.
func relationOf(key, target string) (wordnet.Relation, bool) {
	e := wordnet.Related(key)
	for i := range e.Len() {
		if got, rel := e.At(i); got == target {
			return rel, true
		}
	}
	return 0, false
}

func TestFrequency(t *testing.T) {
	tests := []struct {
		stem     string
		min, max uint32
	}{
		{"peopl", 200, 400},
		{"new", 300, 500},
		{"soon", 40, 100},
		{"statement", 40, 100},
		{"principl", 20, 60},
		{"recogn", 80, 200},
		{"centrifug", 1, 19},
		{"enrich", 1, 19},
		{"fordow", 0, 0},     // not in WordNet
		{"everyon", 0, 0},    // a pronoun: WordNet has none
		{"the", 0, 0},        // a stop word
		{"unit state", 0, 0}, // a phrase
		{"", 0, 0},
	}
	for _, tt := range tests {
		if got := wordnet.Frequency(tt.stem); got < tt.min || got > tt.max {
			t.Errorf("Frequency(%q) = %d, want %d to %d", tt.stem, got, tt.min, tt.max)
		}
	}
	// A British stem counts as often as its American one.
	for _, p := range [][2]string{{"recognis", "recogn"}, {"favour", "favor"}, {"colour", "color"}} {
		if b, a := wordnet.Frequency(p[0]), wordnet.Frequency(p[1]); b < a {
			t.Errorf("Frequency(%q) = %d, want at least Frequency(%q) = %d", p[0], b, p[1], a)
		}
	}
	// A stem may be a key only for its frequency.
	if got := wordnet.Related("alreadi").Len(); got != 0 {
		t.Errorf("Related(%q).Len() = %d, want 0: %v", "alreadi", got, related("alreadi"))
	}
}

func TestVerb(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"passed", true}, {"met", true}, {"improve", true}, {"signed", true}, {"teach", true},
		{"talks", false}, {"vote", false}, {"senate", false}, {"negotiatons", false}, {"gloomy", false},
		{"Passed", false}, // lower case only
	} {
		if got := wordnet.Verb(tt.word); got != tt.want {
			t.Errorf("Verb(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestAdjective(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"tougher", true}, {"messy", true}, {"temporary", true}, {"lopsided", true}, {"gloomy", true},
		{"concrete", false}, {"sanctions", false}, {"sink", false}, {"backer", false}, {"unbridgeable", false},
		{"Messy", false}, // lower case only
	} {
		if got := wordnet.Adjective(tt.word); got != tt.want {
			t.Errorf("Adjective(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestRelatedUnknown(t *testing.T) {
	for _, stem := range []string{"", "zzzzqx", "the", "a", "unit stat", "us "} {
		if got := wordnet.Related(stem).Len(); got != 0 {
			t.Errorf("Related(%q).Len() = %d, want 0: %v", stem, got, related(stem))
		}
	}
	var zero wordnet.Entries
	if got := zero.Len(); got != 0 {
		t.Errorf("zero Entries.Len() = %d, want 0", got)
	}
}

func TestStartsPhrase(t *testing.T) {
	tests := []struct {
		stem string
		want bool
	}{
		{"unit", true},
		{"intern", true},
		{"european", true},
		{"state", false},
		{"unit state", false},
		{"zzzzqx", false},
	}
	for _, tt := range tests {
		if got := wordnet.StartsPhrase(tt.stem); got != tt.want {
			t.Errorf("StartsPhrase(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
}

// TestTableInvariants checks every key: no self relation, no duplicate, a
// valid relation, relations in order (Inflection first), at most 16
// related words, 5 hypernyms and 6 hyponyms, then at most 8 antonyms, no
// stop word; that each Inflection, Spelling and Antonym goes both ways; and
// that Related and Antonyms divide the key's entries between them.
func TestTableInvariants(t *testing.T) {
	stop := make(map[string]bool)
	for _, w := range strings.Fields(wordlist.Stop + " " + wordlist.Question) {
		stop[w] = true
	}
	delete(stop, "us") // an acronym ("US") may spell a stop word
	keys := 0
	prev := ""
	for key, e := range wordnet.All() {
		keys++
		if key <= prev {
			t.Errorf("key %q after %q: keys out of order", key, prev)
		}
		prev = key
		if stop[key] {
			t.Errorf("stop word %q is a key", key)
		}
		checkSplit(t, key, e)
		seen := make(map[string]bool)
		last := wordnet.Inflection
		var n [wordnet.LooseSynonym + 1]int
		for i := range e.Len() {
			target, rel := e.At(i)
			if rel <= wordnet.LooseSynonym {
				n[rel]++
			}
			if (rel == wordnet.Inflection || rel == wordnet.Spelling || rel == wordnet.Antonym) && !has(target, key, rel) {
				t.Errorf("Related(%q) has %q as %v, but not the reverse", key, target, rel)
			}
			switch {
			case target == key:
				t.Errorf("Related(%q) has itself", key)
			case seen[target]:
				t.Errorf("key %q has %q twice", key, target)
			case rel < wordnet.Spelling || rel > wordnet.LooseSynonym:
				t.Errorf("key %q has %q with invalid relation %d", key, target, rel)
			case rank(rel) < rank(last):
				t.Errorf("key %q has %q/%v after a %v", key, target, rel, last)
			case stop[target] || target == "" || strings.Contains(target, "  "):
				t.Errorf("key %q has bad target %q", key, target)
			case rel == wordnet.Antonym && (strings.Contains(key, " ") || strings.Contains(target, " ")):
				t.Errorf("phrase key %q has antonym %q, want single words only", key, target)
			}
			seen[target] = true
			last = rel
		}
		if n[wordnet.Hypernym] > 5 || n[wordnet.Hyponym] > 6 {
			t.Errorf("Related(%q) has %d hypernyms and %d hyponyms, want at most 5 and 6", key, n[wordnet.Hypernym], n[wordnet.Hyponym])
		}
	}
	if keys < 10000 {
		t.Errorf("table has %d keys, want over 10000", keys)
	}
}

// rank orders the relations as a key's entries do: Inflection, the
// strongest, has the highest value only because it came last.
func rank(r wordnet.Relation) int {
	switch r {
	case wordnet.Inflection:
		return 0
	case wordnet.LooseSynonym:
		return 2*int(wordnet.Hyponym) + 1
	}
	return 2 * int(r)
}

// checkSplit checks that key's entries e are Related(key), at most 16 and
// none an antonym, then Antonyms(key), at most 8 and all antonyms: a
// caller expanding words never meets an antonym.
func checkSplit(t *testing.T, key string, e wordnet.Entries) {
	t.Helper()
	r, a := wordnet.Related(key), wordnet.Antonyms(key)
	if r.Len()+a.Len() != e.Len() {
		t.Errorf("key %q: Related has %d entries and Antonyms %d, want %d in all", key, r.Len(), a.Len(), e.Len())
		return
	}
	if r.Len() > 16 || a.Len() > 8 {
		t.Errorf("key %q: Related has %d entries and Antonyms %d, want at most 16 and 8", key, r.Len(), a.Len())
	}
	for i := range e.Len() {
		want, wantRel := e.At(i)
		var got string
		var rel wordnet.Relation
		if i < r.Len() {
			got, rel = r.At(i)
		} else {
			got, rel = a.At(i - r.Len())
		}
		if got != want || rel != wantRel {
			t.Errorf("key %q: entry %d is %q/%v, want %q/%v", key, i, got, rel, want, wantRel)
		}
		if (i < r.Len()) == (rel == wordnet.Antonym) {
			t.Errorf("key %q: entry %d, %q/%v, is in the wrong list", key, i, got, rel)
		}
	}
}

// has reports whether key has target with relation rel, among its Related
// words or its Antonyms.
func has(key, target string, rel wordnet.Relation) bool {
	e := wordnet.Related(key)
	if rel == wordnet.Antonym {
		e = wordnet.Antonyms(key)
	}
	for i := range e.Len() {
		if got, r := e.At(i); got == target {
			return r == rel
		}
	}
	return false
}

func TestTableSize(t *testing.T) {
	fi, err := os.Stat("table.bin")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fi.Size(), int64(3<<20); got > want {
		t.Errorf("table.bin is %d bytes, want at most %d", got, want)
	}
}

// TestGenerate checks that the generator, run on the installed data,
// reproduces the committed table and lists byte for byte.
func TestGenerate(t *testing.T) {
	const dir = "/usr/share/wordnet"
	if _, err := os.Stat(dir); err != nil {
		missingData(t, "wordnet-base", err)
	}
	if testing.Short() {
		t.Skip("-short: this test builds and runs the generator (seconds); CI runs it")
	}
	gentest.ReproducesAll(t, []gentest.Output{{Flag: "-o", Committed: "table.bin"}, {Flag: "-adjectives", Committed: "adjectives.txt"}, {Flag: "-verbs", Committed: "verbs.txt"}}, "-wordnet", dir)
}

func TestRelatedAllocs(t *testing.T) {
	var sink int
	allocs := testing.AllocsPerRun(100, func() {
		for _, stem := range []string{"deal", "us", "unit state", "zzzzqx", "increas", "strong", "struck", "won"} {
			for _, e := range []wordnet.Entries{wordnet.Related(stem), wordnet.Antonyms(stem)} {
				for i := range e.Len() {
					s, rel := e.At(i)
					sink += len(s) + int(rel)
				}
			}
			if wordnet.StartsPhrase(stem) {
				sink++
			}
			sink += int(wordnet.Frequency(stem))
		}
	})
	if allocs != 0 {
		t.Errorf("Related+Antonyms+At+StartsPhrase+Frequency allocate %v times per run, want 0", allocs)
	}
	_ = sink
}

// TestFirstLookup logs the cost of the first lookup, which touches the
// embedded table for the first time. Run it alone, in a fresh process, with
// the package's init cost shown by the runtime:
//
//	GODEBUG=inittrace=1 go test -count=1 -run TestFirstLookup -v ./knowledge/internal/wordnet
func TestFirstLookup(t *testing.T) {
	start := time.Now()
	n := wordnet.Related("deal").Len()
	first := time.Since(start)
	start = time.Now()
	wordnet.Related("sedan")
	t.Logf("first lookup: %v (%d entries); second: %v", first, n, time.Since(start))
}

// TestStats logs the table's figures: run with -v.
func TestStats(t *testing.T) {
	table, err := os.ReadFile("table.bin")
	if err != nil {
		t.Fatal(err)
	}
	allKeys := binary.LittleEndian.Uint32(table[4:]) // with those holding only a frequency or a phrase's start
	var keys, phrases, entries int
	perRel := make(map[wordnet.Relation]int)
	for key, e := range wordnet.All() {
		keys++
		if strings.Contains(key, " ") {
			phrases++
		}
		entries += e.Len()
		for i := range e.Len() {
			_, rel := e.At(i)
			perRel[rel]++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "table.bin: %d bytes, %d keys, %d with entries (%d phrases), %d entries;", len(table), allKeys, keys, phrases, entries)
	for r := wordnet.Spelling; r <= wordnet.Inflection; r++ {
		fmt.Fprintf(&b, " %v %d", r, perRel[r])
	}
	t.Log(b.String())
}

func BenchmarkFrequency(b *testing.B) {
	stems := []string{"deal", "talk", "alreadi", "centrifug", "fordow", "peopl", "recognis", "zzzzqx"}
	var sink uint32
	for i := 0; b.Loop(); i++ {
		sink += wordnet.Frequency(stems[i%len(stems)])
	}
	_ = sink
}

func BenchmarkRelated(b *testing.B) {
	stems := []string{"deal", "talk", "support", "us", "sedan", "zzzzqx", "unit state", "colour"}
	var sink int
	for i := 0; b.Loop(); i++ {
		e := wordnet.Related(stems[i%len(stems)])
		for j := range e.Len() {
			s, _ := e.At(j)
			sink += len(s)
		}
	}
	_ = sink
}

func BenchmarkAntonyms(b *testing.B) {
	stems := []string{"increas", "strong", "success", "huge", "small", "support", "zzzzqx", "unit state"}
	var sink int
	for i := 0; b.Loop(); i++ {
		e := wordnet.Antonyms(stems[i%len(stems)])
		for j := range e.Len() {
			s, _ := e.At(j)
			sink += len(s)
		}
	}
	_ = sink
}

// missingData skips a test that needs a Debian package's data which is not
// installed here, and fails it in CI, where .ci/run installs the package: a
// check that never runs would prove nothing.
func missingData(t *testing.T, pkg string, err error) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed (.ci/run installs it): %v", pkg, err)
	}
	t.Skipf("%s is not installed (apt-get install %s): %v", pkg, pkg, err)
}

// TestLooseSynonyms checks that words sharing a less frequent sense of one
// of them are loose synonyms, ranked after every other relation but the
// antonyms ("yield" and "concede"), among the first two senses of a word
// never tagged ("bedrock" and "fundament"); that words sharing a frequent sense
// stay synonyms; and that a loose synonym takes nothing from a stronger
// relation or an antonym ("internal" and "external" share a rare sense of
// "international", whose stem is "intern").
func TestLooseSynonyms(t *testing.T) {
	if rel, ok := relationOf("yield", "conced"); !ok || rel != wordnet.LooseSynonym {
		t.Errorf("Related(%q) has %q as %v (%v), want a loose synonym", "yield", "conced", rel, ok)
	}
	// "bedrock" is never tagged: its second sense, the principle, counts.
	if rel, ok := relationOf("bedrock", "fundament"); !ok || rel != wordnet.LooseSynonym {
		t.Errorf("Related(%q) has %q as %v (%v), want a loose synonym", "bedrock", "fundament", rel, ok)
	}
	if rel, ok := relationOf("help", "aid"); !ok || rel != wordnet.Synonym {
		t.Errorf("Related(%q) has %q as %v (%v), want a synonym", "help", "aid", rel, ok)
	}
	if rel, ok := relationOf("reduc", "reduct"); !ok || rel != wordnet.Derived {
		t.Errorf("Related(%q) has %q as %v (%v), want a derived form", "reduc", "reduct", rel, ok)
	}
	found := false
	a := wordnet.Antonyms("intern")
	for i := range a.Len() {
		s, _ := a.At(i)
		found = found || s == "extern"
	}
	if !found {
		t.Errorf("Antonyms(%q) lacks %q", "intern", "extern")
	}
}

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"recommend", "recomend", true}, // a letter dropped
		{"recomend", "recommend", true}, // added
		{"sanction", "sanctiom", true},  // replaced
		{"achiev", "acheiv", true},      // two adjacent letters swapped
		{"achiev", "achiev", false},     // the same word
		{"achiev", "ahceiv", false},     // two edits
		{"sanction", "sanctio", true},   // the last letter dropped
		{"sanction", "anction", true},   // the first
		{"sanction", "sactnion", false}, // swapped letters not adjacent
		{"negoti", "nego", false},       // two letters dropped
		{"abc", "cba", false},
		{"ab", "ba", true},
	}
	for _, tt := range tests {
		if got := wordnet.OneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("OneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	tests := []struct {
		stem, want string
	}{
		{"recomend", "recommend"},
		{"acheiv", "achiev"},
		{"sanctoin", "sanction"},
		{"negotiatoin", ""}, // two edits from "negoti"'s forms: no guess
		{"xqzvw", ""},       // nothing near
		{"acor", ""},        // too short to guess
		{"bchiev", ""},      // the first letter is taken as typed
	}
	for _, tt := range tests {
		got, freq := wordnet.Nearest(tt.stem)
		if tt.want == "" && freq != 0 || tt.want != "" && got != tt.want {
			t.Errorf("Nearest(%q) = %q (frequency %d), want %q", tt.stem, got, freq, tt.want)
		}
	}
}
