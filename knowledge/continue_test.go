package knowledge_test

import (
	"strings"
	"testing"

	"github.com/talksbot/talksbot/knowledge"
)

// TestContinue checks that a follow-up about the previous answer is
// answered from the paragraph that answer quoted: by the sentence that
// holds the question's words, or else by the one after what was quoted
// (with the next when it is short), and not at all when the question names
// something the knowledge base does not know or asks for a figure the
// sentence lacks.
func TestContinue(t *testing.T) {
	ix := article()
	const portrayed = "“In light of the way Iran is portrayed by some policymakers and pundits, one would think that it rivals the former Soviet Union in terms of threatening Western interests.”\n  — Dialogue Among Equals (vienna-talks)"
	const trickle = "“Support at the top has helped create a trickle-down effect, producing a greater (though by no means comprehensive) number of officials in both capitals that are protecting and nurturing diplomacy.”"
	tests := []struct {
		name, question, previous string
		want                     []string // the quotes' texts contain these, in order; none for a decline
	}{
		{"what follows, with the next when short", "Is that accurate?", portrayed, []string{"Simply put: It doesn’t.", "Iran is a regional power, not a superpower."}},
		{"a word of the question in the paragraph", "Did that affect the negotiating teams?", trickle, []string{"respective negotiating teams"}},
		{"what follows a quote", "Does that include all of them?", trickle, []string{"Foreign Minister Zarif"}},
		{"a name the knowledge base does not know", "Does that include Israel?", trickle, nil},
		{"a figure asked for outright", "How many officials does that make?", trickle, nil},
		{"no previous answer", "Is that accurate?", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ix.Continue(knowledge.Query{Text: tt.question}, tt.previous)
			if len(tt.want) == 0 {
				if a.Answerable {
					t.Fatalf("got %+v, want no answer", a.Quotes)
				}
				return
			}
			if !a.Answerable || len(a.Quotes) != len(tt.want) {
				t.Fatalf("got answerable %v with %d quotes, want %d", a.Answerable, len(a.Quotes), len(tt.want))
			}
			for i, w := range tt.want {
				if got := a.Quotes[i].Text(); !strings.Contains(got, w) {
					t.Errorf("quote %d: got %q, want it to contain %q", i, got, w)
				}
			}
			if len(a.Hits) != 1 || a.Hits[0].Passage != a.Quotes[0].Passage {
				t.Errorf("got hits %+v, want the quoted paragraph alone", a.Hits)
			}
		})
	}
}
