package knowledge_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/talksbot/talksbot/knowledge"
)

func TestTerms(t *testing.T) {
	got := knowledge.Terms("Sanctions: the article says the U.S. Congress pushed for 2 more sanctions in March.")
	var words []string
	for _, term := range got {
		words = append(words, term.Word)
	}
	if want := []string{"sanctions", "us", "congress", "pushed", "2", "sanctions", "march"}; !slices.Equal(words, want) {
		t.Fatalf("got %q, want %q", words, want)
	}
	want := []knowledge.Term{
		{Word: "sanctions", Stem: "sanction", Capital: true}, // first: capitalised, no name
		{Word: "us", Stem: "us", Name: true, Capital: true},
		{Word: "congress", Stem: "congress", Name: true, Capital: true},
		{Word: "pushed", Stem: "push"},
		{Word: "2", Stem: "2", Number: true},
		{Word: "sanctions", Stem: "sanction"},
		{Word: "march", Stem: "march", Name: true, Capital: true},
	}
	for i, term := range got {
		if term != want[i] {
			t.Errorf("term %d: got %+v, want %+v", i, term, want[i])
		}
	}
}

// TestTermsGeneric checks that Terms marks an everyday word, and only
// such a word, as generic.
func TestTermsGeneric(t *testing.T) {
	for _, term := range knowledge.Terms("Congress should take the real sanctions seriously.") {
		want := term.Word == "take" || term.Word == "real"
		if term.Generic != want {
			t.Errorf("%q: got generic %v, want %v", term.Word, term.Generic, want)
		}
	}
}

func TestRelated(t *testing.T) {
	ix := article()
	credits := map[string]float64{}
	ix.Related("acknowledg", func(related string, credit float64) bool {
		credits[related] = credit
		return true
	})
	if c := credits["admit"]; c <= 0 || c > 1 {
		t.Errorf("acknowledge → admit: got credit %v, want one in (0, 1]", c)
	}
	n := 0
	ix.Related("acknowledg", func(string, float64) bool { n++; return false })
	if n != 1 {
		t.Errorf("got %d calls after yield returned false, want 1", n)
	}
}

func TestSplitSentences(t *testing.T) {
	got := knowledge.SplitSentences("The U.S. has pushed. Dr. Limbert said “It won’t be easy.” Then he left.")
	var texts []string
	for _, s := range got {
		texts = append(texts, s.Text)
	}
	want := []string{"The U.S. has pushed.", "Dr. Limbert said “It won’t be easy.”", "Then he left."}
	if !slices.Equal(texts, want) {
		t.Fatalf("got %q, want %q", texts, want)
	}
}

func TestAntonyms(t *testing.T) {
	tests := []struct{ stem, want string }{
		{"increas", "decreas"}, // WordNet's
		{"support", "oppos"},   // one WordNet lacks
		{"oppos", "support"},   // both ways
	}
	for _, tt := range tests {
		var got []string
		article().Antonyms(tt.stem, func(a string) bool { got = append(got, a); return true })
		if !slices.Contains(got, tt.want) {
			t.Errorf("%s: got antonyms %q, want %s among them", tt.stem, got, tt.want)
		}
	}
}

func TestSplitSentencesAnswerWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"No. The author says the opposite.", []string{"No.", "The author says the opposite."}},
		{"See No. 5 and Fig. 2 for details.", []string{"See No. 5 and Fig. 2 for details."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range knowledge.SplitSentences(tt.text) {
			got = append(got, s.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestWritesAsName(t *testing.T) {
	ix := article()
	tests := []struct {
		stem string
		want bool
	}{
		{"american", true}, // "Iranian and American officials"
		{"us", true},       // "U.S.", an acronym
		{"element", false}, // only first in its sentence: "Elements seeking…"
		{"sanction", false},
		{"diplomaci", false}, // "Public Diplomacy 101", and in lower case elsewhere
		{"zzzz", false},
	}
	for _, tt := range tests {
		if got := ix.WritesAsName(tt.stem); got != tt.want {
			t.Errorf("WritesAsName(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
}

func TestMagnitude(t *testing.T) {
	for word, want := range map[string]int{"huge": 1, "crucial": 1, "greater": 1, "minor": -1, "secondary": -1, "fewer": -1, "diplomacy": 0} {
		stem := knowledge.Terms(word)[0].Stem
		if got := knowledge.Magnitude(stem); got != want {
			t.Errorf("Magnitude(%q) = %d, want %d", stem, got, want)
		}
	}
}

func TestStance(t *testing.T) {
	for word, want := range map[string]int{"reaffirmed": 1, "acknowledges": 1, "recognised": 1, "disproving": -1, "disputed": -1, "undermined": -1, "questioned": -1, "diplomacy": 0} {
		stem := knowledge.Terms(word)[0].Stem
		if got := knowledge.Stance(stem); got != want {
			t.Errorf("Stance(%q) = %d, want %d", stem, got, want)
		}
	}
}

// The lexicon relates an everyday sense WordNet lacks as a synonym wherever
// it is read, not only in questions; a sense whose plain word says only
// part of it is left to questions.
func TestRelatedPlainSenses(t *testing.T) {
	ix := article()
	relates := func(from, to string) float64 {
		var got float64
		for _, s := range knowledge.Terms(from + " " + to)[:1] {
			ix.Related(s.Stem, func(related string, credit float64) bool {
				if related == knowledge.Terms(to)[0].Stem {
					got = max(got, credit)
				}
				return true
			})
		}
		return got
	}
	for _, tt := range []struct {
		word, plain string
		want        bool
	}{
		{"sunk", "torpedoed", true},
		{"saboteurs", "spoilers", true},
		{"lobbying", "pushing", true},
		{"concedes", "acknowledges", true},
		{"tougher", "hard", true},
		{"useful", "valuable", true},
		{"standoff", "impasse", true},
		{"viewpoints", "perspectives", true},
		{"temporary", "interim", true},
		{"shielding", "protecting", true},
		{"undermined", "torpedoed", true},
		{"fears", "concerns", true},
		{"earns", "deserves", true},
		{"fixes", "solutions", true},
		{"actions", "deeds", true},
		{"settlements", "solutions", true},
		{"camps", "sides", true},
		{"shocked", "surprised", true},
		{"unexpected", "surprising", true},
		{"clout", "power", true},
		{"internal", "domestic", true},
		{"needs", "necessary", true},
		{"strengthened", "empowered", true},
		{"eternal", "permanent", true},
		{"hostility", "confrontation", true},
		{"counterpart", "interlocutor", true},
		{"matters", "important", false},
		{"round", "talks", false},
		{"specifics", "details", false},
		{"particulars", "details", false},
		{"achieved", "success", false},
		{"concrete", "tangible", false},
		{"stage", "part", false},
		{"cheaper", "cost", false},
		{"quicker", "longer", false},
	} {
		if got := relates(tt.word, tt.plain); (got >= 0.8) != tt.want {
			t.Errorf("%q → %q: got credit %v, want related as a synonym: %v", tt.word, tt.plain, got, tt.want)
		}
	}
}

// Figures gives the content words of a figure of speech the plain words
// questions read it as; not an everyday sense of one word, nor an aside
// that says nothing.
func TestFigures(t *testing.T) {
	got := knowledge.Figures("Long story short, both systems are locked in, and it matters.")
	want := map[string][]string{"locked": {"entrench"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := knowledge.Figures("The talks commence in Vienna."); got != nil {
		t.Errorf("got %v for a sentence without figures, want nil", got)
	}
}

// TestUSWrittenAnyWay: chat writes the U.S. in lower case after "the" or
// before a hyphen, and with a possessive after its capitals; the pronoun
// "us" stays a stop word.
func TestUSWrittenAnyWay(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int // how many times "us" is a name among the terms
	}{
		{"what's new about how the us treats iran", 1},
		{"were the us-iran talks in vienna", 1},
		{"what was the US's old policy", 1},
		{"does US's policy work", 1},
		{"let us know what they told us", 0},
		{"is it us-versus-them thinking", 0},
		{"an us/them divide", 0},
		{"the author tells us about it", 0},
	} {
		n := 0
		for _, term := range knowledge.Terms(tt.text) {
			if term.Stem == "us" && term.Name {
				n++
			}
		}
		if n != tt.want {
			t.Errorf("%q: %d terms for the U.S., want %d", tt.text, n, tt.want)
		}
	}
}
