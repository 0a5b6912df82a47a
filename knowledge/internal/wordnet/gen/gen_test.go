package main

import (
	"cmp"
	"fmt"
	"maps"
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
