package knowledge_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/knowledge"
)

func TestParseSynonyms(t *testing.T) {
	tests := []struct {
		name, text string
		words      int
		err        string
	}{
		{"spaces", "hardliners extremists radicals\n", 3, ""},
		{"commas and phrases", "# the article's voices\nsupreme leader, Ayatollah Khamenei\n\n", 2, ""},
		{"comments and blanks only", "# nothing\n\n   \n", 0, ""},
		{"one word", "hardliners\n", 0, "line 1: a group needs at least two different words"},
		{"same stem", "hardliner hardliners\n", 0, "line 1: a group needs at least two different words"},
		{"empty entry", "spoilers,, naysayers\n", 0, "line 1: an empty entry"},
		{"stop words only", "spoilers, the of\n", 0, `line 1: "the of" has no word that is not a stop word`},
		{"every bad line", "a\nspoilers naysayers\nb\n", 0, "line 3: a group needs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := knowledge.ParseSynonyms(strings.NewReader(tt.text))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Len() != tt.words {
				t.Errorf("got %d words, want %d", s.Len(), tt.words)
			}
		})
	}
}

func TestLoadSynonymsErrorsNameTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "synonyms.txt")
	if err := os.WriteFile(path, []byte("alone\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := knowledge.LoadSynonyms(path)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "line 1") {
		t.Fatalf("got %v, want an error naming %s and line 1", err, path)
	}
	if _, err := knowledge.LoadSynonyms(filepath.Join(t.TempDir(), "missing.txt")); err == nil {
		t.Fatal("got no error for a missing file")
	}
}

// TestOperatorSynonymsWidenQuestions checks that an operator's group lets a
// word of their users' own find the article's word, which neither WordNet
// nor the built-in lists relate to it.
func TestOperatorSynonymsWidenQuestions(t *testing.T) {
	const question = "Who are the naysayers?"
	plain, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if a := plain.Answer(knowledge.Query{Text: question}); a.Answerable {
		t.Fatalf("without synonyms got an answer %q; the test needs a word the lexicon lacks", a.Quotes[0].Text())
	}
	syn, err := knowledge.ParseSynonyms(strings.NewReader("spoilers, naysayers\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()}, knowledge.WithSynonyms(syn))
	if err != nil {
		t.Fatal(err)
	}
	a := ix.Answer(knowledge.Query{Text: question})
	if !a.Answerable || !strings.Contains(strings.ToLower(a.Quotes[0].Text()), "spoilers") {
		t.Fatalf("got %+v, want an answer quoting a sentence about spoilers", a)
	}
}

// TestExampleSynonymsFile keeps the documented example valid, and checks
// that it teaches the index a word neither WordNet nor the article has.
func TestExampleSynonymsFile(t *testing.T) {
	syn, err := knowledge.LoadSynonyms("../deploy/synonyms.example.txt")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()}, knowledge.WithSynonyms(syn))
	if err != nil {
		t.Fatal(err)
	}
	a := ix.Answer(knowledge.Query{Text: "Who are the doves?"})
	if !a.Answerable || !strings.Contains(a.Quotes[0].Text(), "moderat") {
		t.Fatalf("got %+v, want an answer about the moderates", a)
	}
}

// TestLooseSynonymsWidenQuestionsOnly checks that a synonym in a less
// frequent sense ("yield" for "concede") widens a question but is not
// offered by Related, which the claim check reads: a word that shares only
// a rare meaning does not vouch for a claim.
func TestLooseSynonymsWidenQuestionsOnly(t *testing.T) {
	ix := indexOf(t, "The delegation conceded the point after a long night.\n\nThe weather was cold.")
	if a := ix.Answer(knowledge.Query{Text: "Who yielded?"}); !a.Answerable || !strings.Contains(a.Quotes[0].Text(), "conceded") {
		t.Errorf("got %+v, want the sentence about conceding", a.Quotes)
	}
	ix.Related("yield", func(r string, credit float64) bool {
		if r == "conced" {
			t.Errorf("Related(yield) offers %q (credit %.2f), want loose synonyms left out", r, credit)
		}
		return true
	})
}

// TestEverydaySynonyms checks that the everyday senses spelled out beside
// WordNet's relate a word to its plain word as a synonym, in claims as in
// questions: WordNet's most frequent senses of these miss the one meant
// ("resolution" as a motion passed, "base" as a baseball bag).
func TestEverydaySynonyms(t *testing.T) {
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]string{{"distance", "gap"}, {"resolution", "solution"}, {"base", "foundation"}, {"statements", "words"}} {
		word, plain := knowledge.Terms(pair[0])[0].Stem, knowledge.Terms(pair[1])[0].Stem
		var credit float64
		ix.Related(word, func(related string, c float64) bool {
			if related == plain {
				credit = c
			}
			return true
		})
		if credit < 0.8 {
			t.Errorf("%q relates to %q with credit %.2f, want a synonym's (0.8 or more)", pair[0], pair[1], credit)
		}
	}
}
