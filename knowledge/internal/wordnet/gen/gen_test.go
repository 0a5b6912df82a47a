package main

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestTermOf(t *testing.T) {
	tests := []struct {
		raw  string
		want term
		ok   bool
	}{
		{"sedan", term{stem: "sedan"}, true},
		{"America", term{stem: "america"}, true},
		{"o'clock", term{stem: "oclock"}, true},
		{"US", term{stem: "us", acronym: true}, true},
		{"U.S.", term{stem: "us", acronym: true}, true},
		{"U.S.A.", term{stem: "usa", acronym: true}, true},
		{"IAEA", term{stem: "iaea", acronym: true}, true},
		{"AIDS", term{stem: "aid", acronym: true}, true},
		{"United_States", term{stem: "unit state", phrase: true}, true},
		{"United_States_of_America", term{stem: "unit state america", phrase: true}, true},
		{"Secretary_of_State", term{stem: "secretari state", phrase: true}, true},
		{"the_States", term{}, false}, // one content word: neither word nor phrase
		{"will", term{}, false},       // a stop word
		{"willing", term{}, false},    // stems to a stop word
		{"Eu", term{}, false},         // a chemical symbol
		{"A", term{}, false},
		{"1000", term{}, false},
	}
	for _, tt := range tests {
		got, ok := termOf(tt.raw)
		if got != tt.want || ok != tt.ok {
			t.Errorf("termOf(%q) = %+v, %v, want %+v, %v", tt.raw, got, ok, tt.want, tt.ok)
		}
	}
}

func TestInitials(t *testing.T) {
	tests := []struct{ raw, all, content string }{
		{"United_States_of_America", "USOA", "USA"},
		{"International_Atomic_Energy_Agency", "IAEA", "IAEA"},
		{"European_Union", "EU", "EU"},
	}
	for _, tt := range tests {
		if all, content := initials(tt.raw); all != tt.all || content != tt.content {
			t.Errorf("initials(%q) = %q, %q, want %q, %q", tt.raw, all, content, tt.all, tt.content)
		}
	}
}

func TestAmericanize(t *testing.T) {
	tests := []struct {
		british string
		want    string // one of the candidates
		not     string // not a candidate
	}{
		{"colour", "color", ""},
		{"organise", "organize", ""},
		{"centre", "center", ""},
		{"manoeuvre", "maneuver", ""},
		{"programme", "program", ""},
		{"travelled", "traveled", ""},
		{"tyre", "tire", "tier"}, // two respellings may not overlap
	}
	for _, tt := range tests {
		got := americanize(tt.british)
		if !slices.Contains(got, tt.want) {
			t.Errorf("americanize(%q) = %v, want %q among them", tt.british, got, tt.want)
		}
		if tt.not != "" && slices.Contains(got, tt.not) {
			t.Errorf("americanize(%q) = %v, want no %q", tt.british, got, tt.not)
		}
	}
}

func TestSpellingStems(t *testing.T) {
	got := spellingStems([][2]string{
		{"organise", "organize"}, {"colour", "color"}, {"personalise", "personalize"}, {"colours", "colors"},
	})
	want := [][2]string{{"colour", "color"}, {"organis", "organ"}} // "personalis", "person": drifted apart
	if !slices.Equal(got, want) {
		t.Errorf("spellingStems = %v, want %v", got, want)
	}
}

func TestGroupSpellings(t *testing.T) {
	g := groupSpellings([][2]string{{"colouris", "colour"}, {"colouris", "coloris"}, {"colour", "color"}, {"skil", "skill"}, {"skill", "skil"}})
	tests := []struct {
		british string
		want    []string
	}{
		{"colouris", []string{"color", "coloris", "colour"}}, // "color" through "colour"
		{"colour", []string{"color"}},
		{"skil", []string{"skill"}}, // a cycle
		{"color", nil},
	}
	for _, tt := range tests {
		if got := g[tt.british]; !slices.Equal(got, tt.want) {
			t.Errorf("group of %q = %v, want %v", tt.british, got, tt.want)
		}
	}
}

func TestSpellingGroupsAddTo(t *testing.T) {
	rel := make(relations)
	rel.add("recogn", "realiz", synonym, 10)
	rel.add("recogn", "know", hypernym, 5)
	rel.add("recognis", "know", hyponym, 1) // weaker than what it inherits
	rel.add("organ", "organis", derived, 0)
	groupSpellings([][2]string{{"recognis", "recogn"}, {"organis", "organ"}}).addTo(rel)
	tests := []struct {
		key, target string
		want        Relation // 0: no relation
	}{
		{"recognis", "recogn", spelling},
		{"recogn", "recognis", spelling}, // both ways
		{"recognis", "realiz", synonym},  // inherited
		{"recognis", "know", hypernym},   // the stronger relation wins
		{"organ", "organis", spelling},
		{"organis", "organis", 0}, // no self relation from "organ" → "organis"
		{"realiz", "recognis", 0}, // one way only
	}
	for _, tt := range tests {
		if got := rel[tt.key][tt.target].rel; got != tt.want {
			t.Errorf("relation %q → %q = %d, want %d", tt.key, tt.target, got, tt.want)
		}
	}
}

func TestInheritFrequency(t *testing.T) {
	freq := map[string]int{"colouris": 1, "colour": 3, "color": 111, "organis": 50, "organ": 20}
	groupSpellings([][2]string{{"colouris", "colour"}, {"colour", "color"}, {"organis", "organ"}}).inheritFrequency(freq)
	want := map[string]int{"colouris": 111, "colour": 111, "color": 111, "organis": 50, "organ": 20}
	if !maps.Equal(freq, want) {
		t.Errorf("frequencies = %v, want %v", freq, want)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"colour", "color", 1},
		{"centr", "center", 1},
		{"person", "personalis", 4},
		{"", "abc", 3},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestRanked(t *testing.T) {
	rel := make(relations)
	for i := range 8 {
		rel.add("key", fmt.Sprintf("hyper%d", i), hypernym, i)
		rel.add("key", fmt.Sprintf("hypo%d", i), hyponym, i)
	}
	rel.add("key", "syn", synonym, 0)
	rel.add("key", "spell", spelling, 0)
	var got []string
	for _, tg := range rel.ranked("key") {
		got = append(got, tg.stem)
	}
	want := []string{"spell", "syn", "hyper7", "hyper6", "hyper5", "hyper4", "hyper3",
		"hypo7", "hypo6", "hypo5", "hypo4", "hypo3", "hypo2"}
	if !slices.Equal(got, want) {
		t.Errorf("ranked = %v, want %v", got, want)
	}
	for i := range maxTargets {
		rel.add("key", fmt.Sprintf("syn%02d", i), synonym, 0)
	}
	if got := len(rel.ranked("key")); got != maxTargets {
		t.Errorf("len(ranked) = %d, want %d", got, maxTargets)
	}
	// Antonyms come after the first maxTargets, outside their cap.
	rel.add("key", "opp1", antonym, 1)
	rel.add("key", "opp2", antonym, 2)
	ts := rel.ranked("key")
	got = got[:0]
	for _, tg := range ts[maxTargets:] {
		got = append(got, tg.stem)
	}
	if want := []string{"opp2", "opp1"}; len(ts) != maxTargets+2 || !slices.Equal(got, want) {
		t.Errorf("ranked has %d targets ending %v, want %d ending %v", len(ts), got, maxTargets+2, want)
	}
	for _, tg := range ts[:maxTargets] {
		if tg.rel == antonym {
			t.Errorf("ranked has antonym %q among the first %d", tg.stem, maxTargets)
		}
	}
}

func TestAntonymSetAddTo(t *testing.T) {
	rel := make(relations)
	rel.add("employ", "employe", derived, 3) // one way only: still a clash
	s := make(antonymSet)
	s.add("employe", "employ", antonymLink{score: 9})
	s.add("increas", "decreas", antonymLink{score: 5})
	s.add("increas", "increas", antonymLink{score: 5}) // no self-antonym
	s.add("larg", "small", antonymLink{score: 1})
	// A head-derived pair ranks below a direct one whatever its score, and
	// the cap keeps pairs whole: "small" fills up before "tini" is reached.
	for i := range maxAntonyms + 2 {
		s.add("small", fmt.Sprintf("huge%02d", i), antonymLink{head: true, score: 100 - i})
	}
	s.add("tini", "huge00", antonymLink{head: true, score: 0})
	s.addTo(rel)
	tests := []struct {
		key, target string
		want        Relation // 0: no relation
	}{
		{"increas", "decreas", antonym},
		{"decreas", "increas", antonym},
		{"increas", "increas", 0},
		{"employ", "employe", derived},
		{"employe", "employ", 0},
		{"small", "larg", antonym},
		{"small", "huge00", antonym},
		{"huge00", "small", antonym},
		{"tini", "huge00", antonym},
		{"small", fmt.Sprintf("huge%02d", maxAntonyms-1), 0}, // over the cap, both ways
		{fmt.Sprintf("huge%02d", maxAntonyms-1), "small", 0},
	}
	for _, tt := range tests {
		if got := rel[tt.key][tt.target].rel; got != tt.want {
			t.Errorf("relation %q → %q = %d, want %d", tt.key, tt.target, got, tt.want)
		}
	}
	if got := len(rel["small"]); got != maxAntonyms {
		t.Errorf("small has %d antonyms, want %d", got, maxAntonyms)
	}
}

func TestAntonymsWithSpellings(t *testing.T) {
	s := make(antonymSet)
	s.add("honor", "dishonor", antonymLink{score: 4})
	s.add("privat", "public", antonymLink{score: 7})
	g := groupSpellings([][2]string{{"honour", "honor"}, {"dishonour", "dishonor"}, {"privatis", "privat"}})
	got := slices.SortedFunc(maps.Keys(s.withSpellings(g)), func(x, y antonymPair) int {
		return cmp.Or(strings.Compare(x.a, y.a), strings.Compare(x.b, y.b))
	})
	want := []antonymPair{
		{"dishonor", "honor"}, {"dishonor", "honour"}, {"dishonour", "honor"}, {"dishonour", "honour"},
		{"privat", "public"}, // not "privatis": a spelling of "privatize" only
	}
	if !slices.Equal(got, want) {
		t.Errorf("withSpellings = %v, want %v", got, want)
	}
}

func TestRankedInflectionFirst(t *testing.T) {
	rel := make(relations)
	rel.add("key", "spell", spelling, 9)
	rel.add("key", "syn", synonym, 9)
	rel.add("key", "form", inflection, 0)
	rel.add("key", "opp", antonym, 9)
	rel.add("key", "syn", inflection, 0) // the stronger relation wins, though its value is higher
	var got []string
	for _, tg := range rel.ranked("key") {
		got = append(got, tg.stem+"/"+relNames[tg.rel])
	}
	want := []string{"form/inflection", "syn/inflection", "spell/spelling", "opp/antonym"}
	if !slices.Equal(got, want) {
		t.Errorf("ranked = %v, want %v", got, want)
	}
}

func TestInflectionsAddTo(t *testing.T) {
	rel := make(relations)
	rel.add("strike", "hit", synonym, 10)
	rel.add("strike", "knock", hyponym, 3)
	rel.add("begin", "start", synonym, 5)
	rel.add("show", "shew", spelling, 0) // a base's spelling
	rel.add("shew", "show", spelling, 0)
	rel.add("dial", "diall", spelling, 0) // a form that is also a spelling
	rel.add("diall", "dial", spelling, 0)
	rel.add("struck", "knock", synonym, 1) // the form's own, stronger than what it inherits
	in := inflections{"struck": {"strike"}, "began": {"begin"}, "begun": {"begin"}, "shown": {"show"}, "diall": {"dial"}}
	freq := map[string]int{"strike": 105, "begin": 541, "show": 482}
	in.addTo(rel, freq)
	tests := []struct {
		key, target string
		want        Relation // 0: no relation
	}{
		{"struck", "strike", inflection},
		{"strike", "struck", inflection}, // both ways
		{"struck", "hit", synonym},       // inherited
		{"struck", "knock", synonym},     // its own, the stronger
		{"began", "begun", inflection},   // two forms of one base
		{"begun", "began", inflection},
		{"began", "start", synonym},
		{"diall", "dial", spelling}, // a spelling stays one
		{"dial", "diall", spelling},
		{"shown", "show", inflection},
		{"shown", "shew", 0}, // a base's spelling is not the form's
		{"hit", "struck", 0}, // inherited relations are one way
		{"struck", "struck", 0},
		{"start", "began", 0},
	}
	for _, tt := range tests {
		if got := rel[tt.key][tt.target].rel; got != tt.want {
			t.Errorf("relation %q → %q = %d, want %d", tt.key, tt.target, got, tt.want)
		}
	}
	// The commoner target first: the score is its frequency.
	if got, want := rel["struck"]["strike"].score, 105; got != want {
		t.Errorf("score of struck → strike = %d, want %d", got, want)
	}
}

func TestInflectionsInheritFrequency(t *testing.T) {
	freq := map[string]int{"better": 153, "good": 321, "well": 161, "struck": 0, "strike": 105, "data": 76, "datum": 5}
	inflections{"better": {"good", "well"}, "struck": {"strike"}, "data": {"datum"}}.inheritFrequency(freq)
	want := map[string]int{"better": 321, "good": 321, "well": 161, "struck": 105, "strike": 105, "data": 76, "datum": 5}
	if !maps.Equal(freq, want) {
		t.Errorf("frequencies = %v, want %v", freq, want)
	}
}

func TestAntonymsWithInflections(t *testing.T) {
	s := make(antonymSet)
	s.add("win", "lose", antonymLink{score: 30})
	s.add("good", "bad", antonymLink{score: 50})
	s.add("lost", "found", antonymLink{score: 2}) // a form's own pair
	in := inflections{"won": {"win"}, "lost": {"lose"}, "better": {"good"}}
	got := s.withInflections(in)
	tests := []struct {
		a, b      string
		inflected bool
	}{
		{"lose", "win", false},
		{"lose", "won", true},
		{"lost", "win", true},
		{"lost", "won", true},
		{"found", "lost", false},
		{"bad", "better", true},
	}
	for _, tt := range tests {
		if l, ok := got[antonymPair{tt.a, tt.b}]; !ok || l.inflected != tt.inflected {
			t.Errorf("pair %q ↔ %q = %+v, %v, want inflected %v", tt.a, tt.b, l, ok, tt.inflected)
		}
	}
	if n := len(got); n != 7 {
		t.Errorf("withInflections has %d pairs, want 7: %v", n, got)
	}
	// A key lists WordNet's pairs first, then those through an inflection,
	// which fill only what the cap leaves.
	rel := make(relations)
	got.addTo(rel)
	var list []string
	for _, tg := range rel.ranked("lost") {
		list = append(list, tg.stem)
	}
	if want := []string{"found", "win", "won"}; !slices.Equal(list, want) {
		t.Errorf("antonyms of lost = %v, want %v", list, want)
	}
	if !(antonymLink{score: 1}).better(antonymLink{inflected: true, score: 100}) {
		t.Error("a pair through an inflection ranks before one of WordNet's own")
	}
}

func TestInflectionPOS(t *testing.T) {
	tests := []struct {
		base, pos byte
		want      bool
	}{
		{'v', 'a', true},  // a participle: "lost", "known"
		{'v', 'v', false}, // "found", to establish
		{'v', 'n', false}, // "saw", the tool
		{'a', 'r', true},  // "better", the adverb
		{'a', 'n', false},
		{'n', 'n', true}, // "men", "data"
		{'n', 'v', false},
	}
	for _, tt := range tests {
		if got := inflectionPOS(tt.base, tt.pos); got != tt.want {
			t.Errorf("inflectionPOS(%c, %c) = %v, want %v", tt.base, tt.pos, got, tt.want)
		}
	}
}

// TestJudge checks the rules on WordNet's own exception lists.
func TestJudge(t *testing.T) {
	b := installedBuilder(t)
	tests := []struct {
		form, base string
		pos        byte
		why        string // "" when kept; else part of the reason
	}{
		{"struck", "strike", 'v', ""},
		{"won", "win", 'v', ""},   // "won", the currency, is never tagged
		{"led", "lead", 'v', ""},  // "LED" is an acronym, never tagged
		{"lost", "lose", 'v', ""}, // "lost", the adjective, is its participle
		{"shown", "show", 'v', ""},
		{"sunk", "sink", 'v', ""},
		{"laid", "lay", 'v', ""},
		{"began", "begin", 'v', ""},
		{"children", "child", 'n', ""},
		{"men", "man", 'n', ""}, // "men", the work force, is its plural
		{"analyses", "analysis", 'n', ""},
		{"better", "good", 'a', ""},
		{"worse", "bad", 'a', ""},
		{"left", "leave", 'v', "left#n1"},
		{"found", "find", 'v', "found#v1"},
		{"saw", "see", 'v', "saw#v1"},
		{"lay", "lie", 'v', "lay#v1"},
		{"thought", "think", 'v', "thought#n1"},
		{"rang", "ring", 'v', "range#n1"},    // Porter2 joins "rang" and "range"
		{"lives", "life", 'n', "live#v1"},    // … and "lives" and "live"
		{"abetted", "abet", 'v', "one stem"}, // Porter2 joins them already
		{"manlier", "manly", 'a', "main word"},
	}
	for _, tt := range tests {
		_, _, why := b.judge(exception{tt.form, tt.base, tt.pos})
		if tt.why == "" && why != "" || !strings.Contains(why, tt.why) {
			t.Errorf("judge(%s → %s) = %q, want %q", tt.form, tt.base, why, tt.why)
		}
	}
}

// installedBuilder returns a builder for the installed WordNet and word
// lists, skipping the test when they are missing.
func installedBuilder(t *testing.T) *builder {
	t.Helper()
	wn, err := readWordNet("/usr/share/wordnet")
	if err != nil {
		missingData(t, "wordnet-base", err)
	}
	british, err := readWords("/usr/share/dict/british-english")
	if err != nil {
		missingData(t, "wbritish", err)
	}
	american, err := readWords("/usr/share/dict/american-english")
	if err != nil {
		missingData(t, "wamerican", err)
	}
	return newBuilder(wn, british, american)
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

// TestAdjectiveFirst checks the rule on a small WordNet: a word WordNet
// holds is read as itself, any other as its bases, and the adjective must
// be tagged more often than every other part of speech.
func TestAdjectiveFirst(t *testing.T) {
	wn := &wordNet{
		senses: map[byte]map[string][]uint32{
			'n': {"secret": {1, 2}, "backer": {3}, "sink": {4}},
			'v': {"sink": {5, 6}, "doom": {7}, "sign": {15}},
			'a': {"secret": {8, 9}, "tough": {10}, "back": {11}, "messy": {12}, "good": {13}, "doomed": {14}, "signed": {16}},
		},
		tagged: map[byte]map[string]int{
			'n': {"secret": 3, "sink": 1},
			'v': {"sink": 9, "doom": 2, "sign": 5},
			'a': {"secret": 5, "tough": 4, "back": 7, "signed": 1},
		},
	}
	irregular := map[string][]exception{"better": {{form: "better", base: "good", pos: 'a'}}}
	wn.tagged['a']["good"] = 9
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"secret", true},  // tagged more as an adjective than as a noun
		{"tougher", true}, // no word of WordNet's own: read as "tough"
		{"better", true},  // an exception list's base
		{"messy", true},   // untagged, an adjective only
		{"doomed", false}, // a participle: "doom" the verb is tagged, the adjective not
		{"signed", false}, // likewise, "sign" tagged more than "signed"
		{"bigger", false}, // neither WordNet's own word nor any base's
		{"backer", false}, // WordNet's own noun, not "back" + "er"
		{"sink", false},
		{"unbridgeable", false}, // no word of WordNet's
	} {
		if got := adjectiveFirst(wn, irregular, tt.word); got != tt.want {
			t.Errorf("adjectiveFirst(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestMostFrequent checks the rule for any part of speech on the same
// small WordNet: the verb of a participle or a detached form, and no part
// of speech where two are as frequent.
func TestMostFrequent(t *testing.T) {
	wn := &wordNet{
		senses: map[byte]map[string][]uint32{
			'n': {"pass": {1}, "vote": {2}, "talk": {3}},
			'v': {"pass": {4, 5}, "vote": {6}, "talk": {7}, "sign": {8}},
			'a': {"signed": {9}},
		},
		tagged: map[byte]map[string]int{
			'n': {"pass": 2, "vote": 4, "talk": 6},
			'v': {"pass": 9, "vote": 4, "talk": 3, "sign": 5},
			'a': {"signed": 1},
		},
	}
	irregular := map[string][]exception{"met": {{form: "met", base: "meet", pos: 'v'}}}
	wn.senses['v']["meet"], wn.tagged['v']["meet"] = []uint32{10}, 7
	for _, tt := range []struct {
		word string
		pos  int
		ok   bool
	}{
		{"passed", verbPOS, true}, // no word of its own: "pass", a verb first
		{"met", verbPOS, true},    // an exception list's base
		{"signed", verbPOS, true}, // a participle: "sign" tagged more than "signed"
		{"talks", 0, true},        // a noun first
		{"vote", 0, false},        // as often a noun as a verb
		{"negotiatons", 0, false}, // no word of WordNet's
	} {
		pos, ok := mostFrequent(wn, irregular, tt.word)
		if ok != tt.ok || ok && pos != tt.pos {
			t.Errorf("mostFrequent(%q) = %d, %v, want %d, %v", tt.word, pos, ok, tt.pos, tt.ok)
		}
	}
}
