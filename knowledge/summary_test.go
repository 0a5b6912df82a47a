package knowledge_test

import (
	"strings"
	"testing"

	"github.com/talksbot/talksbot/knowledge"
)

// opensBack lists sentence openings that lean on the sentence before.
var opensBack = []string{"however", "but", "in turn", "this ", "they ", "these ", "that "}

func leansBack(s string) bool {
	s = strings.ToLower(s)
	for _, p := range opensBack {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func TestSummaryNeverOpensPointingBack(t *testing.T) {
	ix := article()
	for _, th := range ix.Themes() {
		t.Run(th.Title, func(t *testing.T) {
			s := ix.Summarize(th)
			if len(s.Quotes) == 0 {
				t.Fatal("empty summary")
			}
			first := s.Quotes[0]
			isSectionStart := first.Sentence == 0 && first.Passage.Ordinal == firstOrdinal(ix, th)
			if leansBack(first.Text()) && !isSectionStart {
				t.Errorf("summary opens with %q, which points back", first.Text())
			}
		})
	}
}

// TestSummaryBringsInTheSentenceItPointsTo builds a section whose most
// central sentence opens with "However": the summary must quote the
// sentence before it first.
func TestSummaryBringsInTheSentenceItPointsTo(t *testing.T) {
	text := "1) Budgets\n\n" +
		"Money got tight. However, the harbour budget for dredging the harbour channel and the harbour budget for harbour repairs now rise again. Harbour repairs and dredging need the harbour budget.\n\n" +
		"The harbour budget pays for harbour repairs and dredging.\n\n" +
		"Ferries still sail on time."
	doc, err := knowledge.Parse("budgets.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := knowledge.NewIndex([]*knowledge.Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	s := ix.Summarize(ix.Themes()[0])
	var texts []string
	for _, q := range s.Quotes {
		texts = append(texts, q.Text())
	}
	if len(texts) > 4 {
		t.Fatalf("got %d sentences, want at most 4: %q", len(texts), texts)
	}
	for i, q := range texts {
		if strings.HasPrefix(q, "However") {
			if i == 0 || texts[i-1] != "Money got tight." {
				t.Errorf("got %q, want the sentence before “However” quoted just before it", texts)
			}
			return
		}
	}
	t.Fatalf("summary does not quote the “However” sentence, so the test proves nothing: %q", texts)
}

// firstOrdinal returns the ordinal of the first passage of a theme's section.
func firstOrdinal(ix *knowledge.Index, th knowledge.Theme) int {
	for _, p := range ix.Passages() {
		if p.Doc == th.Doc && p.Section == th.Title {
			return p.Ordinal
		}
	}
	return -1
}
