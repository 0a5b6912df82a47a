package wordnet_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

func TestFrequency(t *testing.T) {
	tests := []struct {
		stem     string
		min, max uint32
	}{
		{"peopl", 200, 400},
		{"new", 300, 500},
		{"around", 40, 100},
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
	if got := wordnet.Related("around").Len(); got != 0 {
		t.Errorf("Related(%q).Len() = %d, want 0: %v", "around", got, related("around"))
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
// valid relation, relations in order, at most 16 targets, 5 hypernyms and 6
// hyponyms, no stop word; and that each Spelling goes both ways.
func TestTableInvariants(t *testing.T) {
	stop := map[string]bool{"the": true, "of": true, "and": true, "a": true, "to": true, "in": true, "is": true}
	keys := 0
	prev := ""
	for key, e := range wordnet.All() {
		keys++
		if key <= prev {
			t.Errorf("key %q after %q: keys out of order", key, prev)
		}
		prev = key
		if e.Len() > 16 {
			t.Errorf("Related(%q).Len() = %d, want at most 16", key, e.Len())
		}
		if stop[key] {
			t.Errorf("stop word %q is a key", key)
		}
		seen := make(map[string]bool)
		last := wordnet.Relation(0)
		var n [wordnet.Hyponym + 1]int
		for i := range e.Len() {
			target, rel := e.At(i)
			if rel <= wordnet.Hyponym {
				n[rel]++
			}
			if rel == wordnet.Spelling && !has(target, key, wordnet.Spelling) {
				t.Errorf("Related(%q) has %q as a spelling, but not the reverse", key, target)
			}
			switch {
			case target == key:
				t.Errorf("Related(%q) has itself", key)
			case seen[target]:
				t.Errorf("Related(%q) has %q twice", key, target)
			case rel < wordnet.Spelling || rel > wordnet.Hyponym:
				t.Errorf("Related(%q) has %q with invalid relation %d", key, target, rel)
			case rel < last:
				t.Errorf("Related(%q) has %q/%v after a %v", key, target, rel, last)
			case stop[target] || target == "" || strings.Contains(target, "  "):
				t.Errorf("Related(%q) has bad target %q", key, target)
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

// has reports whether Related(key) has target with relation rel.
func has(key, target string, rel wordnet.Relation) bool {
	e := wordnet.Related(key)
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
// reproduces the committed table byte for byte.
func TestGenerate(t *testing.T) {
	const dir = "/usr/share/wordnet"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("wordnet-base not installed: ", err)
	}
	if testing.Short() {
		t.Skip("slow: builds and runs the generator")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not found: ", err)
	}
	out := filepath.Join(t.TempDir(), "table.bin")
	cmd := exec.Command(goTool, "run", "./gen", "-wordnet", dir, "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./gen: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("table.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("generated table (%d bytes) differs from table.bin (%d bytes); run go generate", len(got), len(want))
	}
}

func TestRelatedAllocs(t *testing.T) {
	var sink int
	allocs := testing.AllocsPerRun(100, func() {
		for _, stem := range []string{"deal", "us", "unit state", "zzzzqx"} {
			e := wordnet.Related(stem)
			for i := range e.Len() {
				s, rel := e.At(i)
				sink += len(s) + int(rel)
			}
			if wordnet.StartsPhrase(stem) {
				sink++
			}
			sink += int(wordnet.Frequency(stem))
		}
	})
	if allocs != 0 {
		t.Errorf("Related+At+StartsPhrase+Frequency allocate %v times per run, want 0", allocs)
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
	for r := wordnet.Spelling; r <= wordnet.Hyponym; r++ {
		fmt.Fprintf(&b, " %v %d", r, perRel[r])
	}
	t.Log(b.String())
}

func BenchmarkFrequency(b *testing.B) {
	stems := []string{"deal", "talk", "around", "centrifug", "fordow", "peopl", "recognis", "zzzzqx"}
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
