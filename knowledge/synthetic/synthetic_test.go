package synthetic_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/talksbot/talksbot/knowledge"
	"github.com/talksbot/talksbot/knowledge/synthetic"
)

func TestDocumentsDeterministic(t *testing.T) {
	tests := []struct {
		name string
		n    int
		seed int64
	}{
		{"one passage", 1, 1},
		{"a few documents", 250, 7},
		{"negative seed", 90, -3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := synthetic.Documents(tt.n, tt.seed)
			b := synthetic.Documents(tt.n, tt.seed)
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("Documents(%d, %d) differs between two calls", tt.n, tt.seed)
			}
			if got := passages(a); len(got) != tt.n {
				t.Fatalf("got %d passages, want %d", len(got), tt.n)
			}
			c := synthetic.Documents(tt.n, tt.seed+1)
			if reflect.DeepEqual(a, c) {
				t.Errorf("Documents(%d, %d) equals Documents(%d, %d), want a different corpus", tt.n, tt.seed, tt.n, tt.seed+1)
			}
		})
	}
}

func TestDocumentsEmpty(t *testing.T) {
	for _, n := range []int{0, -5} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			if got := synthetic.Documents(n, 1); got != nil {
				t.Errorf("got %d documents, want nil", len(got))
			}
		})
	}
}

// TestDocumentsIntegrity checks every passage against the contracts of
// knowledge.Document: IDs, ordinals, section names and sentence offsets.
func TestDocumentsIntegrity(t *testing.T) {
	docs := synthetic.Documents(1200, 42)
	ids := make(map[string]bool)
	totalWords := 0
	for _, d := range docs {
		if d.ID == "" || d.Title == "" || d.Path == "" {
			t.Errorf("document %+v: want ID, Title and Path set", *d)
		}
		if ids[d.ID] {
			t.Errorf("document ID %q used twice", d.ID)
		}
		ids[d.ID] = true
		if len(d.Sections) < 2 {
			t.Errorf("document %s: got %d sections, want a lead and at least one titled section", d.ID, len(d.Sections))
		}
		ordinal := 0
		for si, s := range d.Sections {
			if si == 0 && (s.Title != "" || s.Theme) {
				t.Errorf("document %s: lead has title %q, theme %v, want untitled, not a theme", d.ID, s.Title, s.Theme)
			}
			if si > 0 && (s.Title == "" || !s.Theme || s.Number != si) {
				t.Errorf("document %s section %d: got title %q, theme %v, number %d, want titled theme number %d", d.ID, si, s.Title, s.Theme, s.Number, si)
			}
			if len(s.Passages) == 0 {
				t.Errorf("document %s section %d has no passages", d.ID, si)
			}
			wantName := s.Title
			if wantName == "" {
				wantName = "Introduction"
			}
			for _, p := range s.Passages {
				ordinal++
				if want := fmt.Sprintf("%s#%d", d.ID, ordinal); p.ID != want || p.Ordinal != ordinal {
					t.Errorf("got passage %s ordinal %d, want %s ordinal %d", p.ID, p.Ordinal, want, ordinal)
				}
				if ids[p.ID] {
					t.Errorf("passage ID %q used twice", p.ID)
				}
				ids[p.ID] = true
				if p.Doc != d.ID || p.DocTitle != d.Title || p.Section != wantName || p.SectionNo != si {
					t.Errorf("passage %s: got doc %q %q section %q %d, want %q %q %q %d",
						p.ID, p.Doc, p.DocTitle, p.Section, p.SectionNo, d.ID, d.Title, wantName, si)
				}
				checkSentences(t, p)
				totalWords += len(strings.Fields(p.Text))
			}
		}
	}
	if mean := float64(totalWords) / 1200; mean < 50 || mean > 70 {
		t.Errorf("got %.1f words per passage on average, want about 60", mean)
	}
}

// checkSentences verifies that the sentences tile the passage text: each one is
// Text[Start:End], they are in order, only spaces lie between them and together
// they cover the whole text.
func checkSentences(t *testing.T, p knowledge.Passage) {
	t.Helper()
	if len(p.Sentences) == 0 {
		t.Errorf("passage %s has no sentences", p.ID)
		return
	}
	prev := 0
	for i, s := range p.Sentences {
		if s.Start < prev || s.End <= s.Start || s.End > len(p.Text) {
			t.Errorf("passage %s sentence %d: got offsets [%d,%d), want within [%d,%d]", p.ID, i, s.Start, s.End, prev, len(p.Text))
			return
		}
		if got := p.Text[s.Start:s.End]; got != s.Text {
			t.Errorf("passage %s sentence %d: got Text[%d:%d] = %q, want %q", p.ID, i, s.Start, s.End, got, s.Text)
		}
		if gap := p.Text[prev:s.Start]; strings.TrimSpace(gap) != "" {
			t.Errorf("passage %s sentence %d: got %q between sentences, want only spaces", p.ID, i, gap)
		}
		if !strings.ContainsAny(s.Text[len(s.Text)-1:], ".?") {
			t.Errorf("passage %s sentence %d: got %q, want it to end in . or ?", p.ID, i, s.Text)
		}
		prev = s.End
	}
	if prev != len(p.Text) {
		t.Errorf("passage %s: sentences end at %d, want %d", p.ID, prev, len(p.Text))
	}
}

// TestDocumentsVocabulary checks the Zipf-like shape: a large vocabulary with
// a long tail of words used once, and a few words that dominate.
func TestDocumentsVocabulary(t *testing.T) {
	counts := make(map[string]int)
	total := 0
	for _, p := range passages(synthetic.Documents(3000, 5)) {
		for _, w := range strings.FieldsFunc(strings.ToLower(p.Text), func(c rune) bool { return !unicode.IsLetter(c) }) {
			counts[w]++
			total++
		}
	}
	once, top := 0, 0
	for _, c := range counts {
		if c == 1 {
			once++
		}
		top = max(top, c)
	}
	if len(counts) < 3000 {
		t.Errorf("got %d distinct words, want at least 3000", len(counts))
	}
	if once < 1000 {
		t.Errorf("got %d words used once, want a long tail of at least 1000", once)
	}
	if share := float64(top) / float64(total); share < 0.03 || share > 0.2 {
		t.Errorf("got the commonest word at %.3f of all words, want between 0.03 and 0.2", share)
	}
}

func TestQueries(t *testing.T) {
	docs := synthetic.Documents(500, 3)
	corpus := make(map[string]bool)
	for _, p := range passages(docs) {
		for _, w := range strings.Fields(strings.ToLower(p.Text)) {
			corpus[strings.TrimFunc(w, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) })] = true
		}
	}
	qs := synthetic.Queries(docs, 400, 11)
	if len(qs) != 400 {
		t.Fatalf("got %d queries, want 400", len(qs))
	}
	if again := synthetic.Queries(docs, 400, 11); !reflect.DeepEqual(qs, again) {
		t.Errorf("Queries differs between two calls with the same seed")
	}
	if other := synthetic.Queries(docs, 400, 12); reflect.DeepEqual(qs, other) {
		t.Errorf("Queries with seeds 11 and 12 are equal, want different questions")
	}
	withUnseen, verbatim := 0, 0
	for _, q := range qs {
		fs := strings.Fields(q)
		if len(fs) < 3 || len(fs) > 8 {
			t.Errorf("query %q: got %d words, want 3 to 8", q, len(fs))
		}
		if !strings.HasSuffix(q, "?") {
			t.Errorf("query %q: want a question mark at the end", q)
		}
		unseen := false
		for _, w := range fs[1:] {
			if !corpus[strings.TrimSuffix(w, "?")] {
				unseen = true
			}
		}
		if unseen {
			withUnseen++
		}
		if body := strings.TrimSuffix(strings.Join(fs[1:], " "), "?"); len(fs) > 3 && containsRun(docs, body) {
			verbatim++
		}
	}
	if withUnseen < 40 || withUnseen > 250 {
		t.Errorf("got %d of 400 queries with a word the corpus lacks, want some but not most", withUnseen)
	}
	if verbatim < 100 {
		t.Errorf("got %d of 400 queries quoting a run of a passage, want at least 100", verbatim)
	}
}

func TestQueriesEmpty(t *testing.T) {
	tests := []struct {
		name string
		docs []*knowledge.Document
		n    int
	}{
		{"no documents", nil, 10},
		{"no passages", []*knowledge.Document{{ID: "empty"}}, 10},
		{"zero queries", synthetic.Documents(5, 1), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := synthetic.Queries(tt.docs, tt.n, 1); got != nil {
				t.Errorf("got %d queries, want nil", len(got))
			}
		})
	}
}

func TestText(t *testing.T) {
	docs := synthetic.Documents(80, 9)
	text := string(synthetic.Text(docs))
	heading := 0
	for _, d := range docs {
		for _, s := range d.Sections {
			if s.Title != "" {
				heading++
				if want := fmt.Sprintf("\n%d) %s\n\n", heading, s.Title); !strings.Contains(text, want) {
					t.Errorf("got no heading %q in the text", strings.TrimSpace(want))
				}
			}
			for _, p := range s.Passages {
				if !strings.Contains(text, "\n\n"+p.Text+"\n\n") && !strings.HasPrefix(text, p.Text+"\n\n") {
					t.Errorf("passage %s is not a paragraph of its own in the text", p.ID)
				}
			}
		}
	}
}

// containsRun reports whether some passage holds the words of body in a row,
// ignoring case and punctuation.
func containsRun(docs []*knowledge.Document, body string) bool {
	for _, p := range passages(docs) {
		norm := strings.Join(strings.FieldsFunc(strings.ToLower(p.Text), func(c rune) bool {
			return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '.'
		}), " ")
		norm = strings.NewReplacer(". ", " ").Replace(norm + " ")
		if strings.Contains(" "+norm, " "+body+" ") {
			return true
		}
	}
	return false
}

// passages flattens the passages of docs.
func passages(docs []*knowledge.Document) []knowledge.Passage {
	var ps []knowledge.Passage
	for _, d := range docs {
		for _, s := range d.Sections {
			ps = append(ps, s.Passages...)
		}
	}
	return ps
}
