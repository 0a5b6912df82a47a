package knowledge_test

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/talksbot/talksbot/knowledge"
)

var article = sync.OnceValue(func() *knowledge.Index {
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		panic(err)
	}
	return ix
})

func TestAnswerCoveredQuestions(t *testing.T) {
	tests := []struct {
		question, want, section string
	}{
		{"What has Congress pushed for?", "Congress has pushed for more hard-hitting sanctions.", "Handling the Spoilers"},
		{"What are Iranian hardliners trying to do?", "narrow the window of opportunity", "Handling the Spoilers"},
		{"Which leaders openly supported the efforts?", "openly supported President Obama and Ayatollah Khamenei", "Keeping Support At The Top"},
		{"What will Washington and Tehran need to do with expectations?", "lower expectations publicly while raising them privately", "Keeping Support At The Top"},
		{"What did the Western official say about favors?", "We’re not in the business of doing favors.", "Pursuing Interests Over Ideology"},
		{"What is diplomacy like, according to Ambassador Limbert?", "remodeling a house", "Dialogue Among Equals — But Not Equally Powerful"},
		{"Is Iran a superpower?", "Iran is a regional power, not a superpower.", "Dialogue Among Equals — But Not Equally Powerful"},
		{"What has the US demonstrated?", "the U.S. has demonstrated through word and deed", "Dialogue Among Equals — But Not Equally Powerful"},
		{"Where did this article first appear?", "Huffington Post", "About this article"},
		// The best sentence says "they provided…": the one before says who.
		{"Which two leaders backed the interim deal?", "President Obama and Ayatollah Khamenei", "Keeping Support At The Top"},
		{"Where are the nuclear talks being held?", "nuclear talks commence here in Vienna", "Introduction"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a := article().Answer(knowledge.Query{Text: tt.question})
			if !a.Answerable {
				t.Fatalf("declined (confidence %.3f), want an answer", a.Confidence)
			}
			if len(a.Quotes) == 0 || len(a.Quotes) > 3 {
				t.Fatalf("got %d quotes, want 1–3", len(a.Quotes))
			}
			if got := a.Quotes[0].Text(); !strings.Contains(got, tt.want) {
				t.Errorf("got best sentence %q, want one containing %q", got, tt.want)
			}
			if got := a.Hits[0].Passage.Section; got != tt.section {
				t.Errorf("got first citation in section %q, want %q", got, tt.section)
			}
			if len(a.Hits) > 3 {
				t.Errorf("got %d hits, want at most 3", len(a.Hits))
			}
		})
	}
}

func TestAnswerDeclinesUncoveredQuestions(t *testing.T) {
	for _, q := range []string{
		"How many centrifuges will Iran keep?",
		"Who won the World Cup?",
		"What is the capital of Australia?",
		"When will the IAEA inspectors arrive?",
		"How much oil does Iran export?",
		"What is the recipe for Sachertorte?",
		"Is it going to rain tomorrow?",
		"How old is Ayatollah Khamenei?",
		// A person the article names, asked what it never says of them.
		"where did zarif go to university?",
		"When was Rouhani elected?",
		// How things turned out, which a text written before says nothing of.
		"did they end up getting a final deal?",
		"was a final nuclear deal eventually signed?",
		"what was the outcome of this round in Vienna?",
		// What someone's job is now, which a title in the text does not
		// tell.
		"what's John Limbert's current job",
		// How someone did a thing to something the article knows by no
		// form.
		"How did Rouhani win the presidential election?",
		"how is iran's supreme leader chosen?",
		// Whether an effort worked in the end.
		"Did the hardliners succeed in narrowing Rouhani's negotiating window?",
		"did the hardliners manage to narrow rouhani's negotiating window?",
		// Whether it ended so.
		"did the talks in vienna collapse?",
		"did the vienna round fail?",
		// What happened after an end the text was written before.
		"what happened to the sanctions after the final deal was signed",
		"how did iranian hardliners react after the vienna round ended?",
		"Did Zarif stay on as foreign minister after the deal was done?",
		"what happened to the nuclear deal after obama left office?",
		"so what happened when the talks ended, did they get a deal?",
		// The final outcome of what went on as the text was written.
		"What was the final outcome of the Vienna talks?",
		// A role the article never speaks of, beside one it does.
		"who is iran's deputy foreign minister leading the technical talks?",
		// The name of someone the article does not name, beside a place
		// it does.
		"Who was the senior Western official the author spoke to?",
		"who exactly was the senior western official who spoke to the author?",
		"Who was Iran's president before Rouhani?",
		// The same typed in lower case: the possessive, not a capital,
		// says whose president is asked for.
		"who was iran's president before rouhani?",
		// When someone named did what the article never dates.
		"when did kerry become secretary of state?",
		"when did rouhani become president of iran",
		// The maker of a thing the text only names.
		"who founded the Huffington Post?",
		"who first coined the phrase 'dialogue among equals'?",
		// What someone said, an adverb before the verb of saying.
		"what did khamenei actually say in his speeches about the negotiations?",
		// A span asked for, then a count.
		"how long is Rouhani's window, like how many months?",
		// A focus opened by an everyday word ("think").
		"which think tank does the author work for?",
		// A name typed in lower case that the article writes only with a
		// capital, and no dictionary calls a name.
		"when did the soviet union collapse?",
		// How often, which a number of something else ("three decades")
		// does not tell.
		"how many times has he met zarif one on one?",
		// A measure of something the article knows by no form.
		"what level of enrichment would a final deal allow?",
	} {
		t.Run(q, func(t *testing.T) {
			a := article().Answer(knowledge.Query{Text: q})
			if a.Answerable {
				t.Errorf("answered with %q (confidence %.3f), want a decline", a.Quotes[0].Text(), a.Confidence)
			}
			if len(a.Quotes) != 0 || len(a.Hits) != 0 {
				t.Errorf("a declined answer carries %d quotes and %d hits, want none", len(a.Quotes), len(a.Hits))
			}
		})
	}
}

func TestAnswerWithoutContentWords(t *testing.T) {
	for _, q := range []string{"", "   ", "what is it?", "?!", "the of and", "What does the article say?"} {
		a := article().Answer(knowledge.Query{Text: q})
		if a.Answerable || a.ContentWords != 0 {
			t.Errorf("%q: got answerable %v with %d content words, want a decline with none", q, a.Answerable, a.ContentWords)
		}
	}
	if a := article().Answer(knowledge.Query{Text: "What did the U.S. Congress push for?"}); a.ContentWords != 3 {
		t.Errorf("got %d content words, want 3 (us, congress, push)", a.ContentWords)
	}
}

func TestFollowUpUsesContext(t *testing.T) {
	ix := article()
	// The previous question and its answer, as the bot passes them.
	prev := "What has Congress pushed for?"
	answer := ix.Answer(knowledge.Query{Text: prev}).Quotes[0].Text()
	tests := []struct{ followUp, want string }{
		{"and the Iranian side?", "Iranian hardliners"},
		{"and Khamenei?", "Khamenei"},
	}
	for _, tt := range tests {
		a := ix.Answer(knowledge.Query{Text: tt.followUp, Context: prev, Previous: answer})
		if !a.Answerable || !strings.Contains(a.Quotes[0].Text(), tt.want) {
			t.Errorf("%q after %q: got %+v, want a sentence with %q", tt.followUp, prev, a.Quotes, tt.want)
		}
	}
	// The context leans the ranking towards the previous turn's passage.
	with := ix.Answer(knowledge.Query{Text: "and the Iranian side?", Context: prev, Previous: answer})
	if with.Hits[0].Passage.Section != "Handling the Spoilers" {
		t.Errorf("got section %q, want the previous turn's section", with.Hits[0].Passage.Section)
	}
}

// TestFollowUpNearThePreviousAnswer: a follow-up is answered beside the
// sentence the previous answer quoted, in its paragraph, where a sentence
// elsewhere holds as many of its words ("two", "sides").
func TestFollowUpNearThePreviousAnswer(t *testing.T) {
	ix := article()
	q := knowledge.Query{Text: "What should the two sides do about it?", Context: "How will opponents portray the diplomacy?"}
	const beside = "absorb these ideological criticisms"
	if a := ix.Answer(q); a.Answerable && strings.Contains(a.Quotes[0].Text(), beside) {
		t.Fatalf("without the previous answer: got %q first, which leaves this test nothing to show", a.Quotes[0].Text())
	}
	q.Previous = "If past is prologue, opponents of diplomacy will continue portraying it as weakness, appeasement, or selling out to the enemy."
	a := ix.Answer(q)
	if !a.Answerable || !strings.Contains(a.Quotes[0].Text(), beside) {
		t.Errorf("got %+v, want the sentence after the previous answer's, with %q", a.Quotes, beside)
	}
	// A previous answer the knowledge base does not hold changes nothing.
	q.Previous = "Nothing of the article at all."
	if b := ix.Answer(q); len(b.Quotes) > 0 && strings.Contains(b.Quotes[0].Text(), beside) {
		t.Errorf("with a previous answer from nowhere: got %q first", b.Quotes[0].Text())
	}
}

// TestContextWordTheQuestionAlreadyExpands: a word of the previous turn
// that the question already holds as an expansion of one of its own words
// ("talks" for "deal") stays the question's, in the question's slot. It
// once took a slot of the context's that was never made, and the follow-up
// panicked.
func TestContextWordTheQuestionAlreadyExpands(t *testing.T) {
	ix := article()
	tests := []struct{ context, followUp string }{
		{"what are these talks about", "did they end up getting a final deal?"},
		{"where are the talks happening?", "and the interim deal before that?"},
	}
	for _, tt := range tests {
		a := ix.Answer(knowledge.Query{Text: tt.followUp, Context: tt.context})
		if a.Answerable && len(a.Hits) == 0 {
			t.Errorf("%q after %q: answerable without a passage", tt.followUp, tt.context)
		}
	}
}

func TestCitationsAreStoredPassages(t *testing.T) {
	ix := article()
	for _, k := range []int{1, 3, 5} {
		a := ix.Answer(knowledge.Query{Text: "What do senior officials on both sides acknowledge?", K: k})
		if len(a.Hits) == 0 || len(a.Hits) > k {
			t.Fatalf("k=%d: got %d hits", k, len(a.Hits))
		}
		for i, h := range a.Hits {
			p, ok := ix.Passage(h.Passage.ID)
			if !ok || p.Text != h.Passage.Text {
				t.Errorf("hit %d (%s) is not a stored passage", i, h.Passage.ID)
			}
			if i > 1 && h.Score > a.Hits[i-1].Score {
				t.Errorf("hits not best first: %v then %v", a.Hits[i-1].Score, h.Score)
			}
		}
	}
}

// TestFirstCitationHoldsTheFirstQuote checks that the first passage cited
// is the one the answer opens with, even where another passage holds more
// sentences of middling score ("Iran is a regional power…" and the
// sentence after it, against the foreign minister's one sentence).
func TestFirstCitationHoldsTheFirstQuote(t *testing.T) {
	ix := article()
	for _, q := range []string{"what does iran's FM say is in both countries' interest?",
		"What do senior officials on both sides acknowledge?", "where are the talks being held?",
		"what did he compare diplomacy to?"} {
		a := ix.Answer(knowledge.Query{Text: q})
		if !a.Answerable || a.Hits[0].Passage != a.Quotes[0].Passage {
			t.Errorf("%q: got first quote %q, first citation %s", q, a.Quotes[0].Text(), a.Hits[0].Passage.ID)
		}
	}
}

func TestSearchNormalisesQuotesAndCase(t *testing.T) {
	ix := article()
	for _, q := range []string{"it won't be easy", "IT WON’T BE EASY", "won`t be easy"} {
		hits := ix.Search(q, 1)
		if len(hits) == 0 || !strings.Contains(hits[0].Passage.Text, "it won’t be easy") {
			t.Errorf("%q: got %v, want the passage ending \"it won’t be easy\"", q, hits)
		}
	}
}

func TestThemes(t *testing.T) {
	ix := article()
	themes := ix.Themes()
	if len(themes) != 4 {
		t.Fatalf("got %d themes, want 4", len(themes))
	}
	for i, th := range themes {
		if th.Number != i+1 || th.Doc != "vienna-talks" {
			t.Errorf("theme %d: got number %d doc %q", i, th.Number, th.Doc)
		}
	}
}

func TestFindTheme(t *testing.T) {
	tests := []struct {
		in   string
		want int // theme number, 0 for none
	}{
		{"spoilers", 1}, {"Spoiler", 1}, {"spoil", 1}, {"spoliers", 1}, {"1", 1}, {"#1", 1}, {"theme 1", 1},
		{"2", 2}, {"support at the top", 2}, {"keeping support", 2},
		{"ideology", 3}, {"interests over ideology", 3}, {"pursuing", 3},
		{"equals", 4}, {"equal", 4}, {"dialogue", 4}, {"4)", 4},
		{"5", 0}, {"0", 0}, {"weather", 0}, {"", 0}, {"the", 0}, {"centrifuges", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			th, ok := article().FindTheme(tt.in)
			got := 0
			if ok {
				got = th.Number
			}
			if got != tt.want {
				t.Errorf("got theme %d (%q), want %d", got, th.Title, tt.want)
			}
		})
	}
}

func TestSummarizeCitesOnlyItsSection(t *testing.T) {
	ix := article()
	for _, th := range ix.Themes() {
		t.Run(th.Title, func(t *testing.T) {
			s := ix.Summarize(th)
			if n := len(s.Quotes); n < 2 || n > 4 {
				t.Fatalf("got %d sentences, want 2–4", n)
			}
			for i, q := range s.Quotes {
				if q.Passage.Section != th.Title {
					t.Errorf("sentence %d from section %q, want %q", i, q.Passage.Section, th.Title)
				}
				if i > 0 {
					prev := s.Quotes[i-1]
					if prev.Passage.Ordinal > q.Passage.Ordinal || prev.Passage.Ordinal == q.Passage.Ordinal && prev.Sentence >= q.Sentence {
						t.Errorf("sentences not in reading order at %d", i)
					}
				}
			}
		})
	}
}

func TestSummarizeSingleSentenceSection(t *testing.T) {
	doc, err := knowledge.Parse("one.txt", []byte("1) Only\n\nJust this sentence."))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := knowledge.NewIndex([]*knowledge.Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	s := ix.Summarize(ix.Themes()[0])
	if len(s.Quotes) != 1 || s.Quotes[0].Text() != "Just this sentence." {
		t.Errorf("got %+v, want the one sentence", s.Quotes)
	}
}

func TestExtraDocumentsAreSearchable(t *testing.T) {
	extra, err := knowledge.Parse("inspections.md", []byte("# Inspections\n\n## Access\n\nThe IAEA will send forty inspectors to Natanz each month."))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default(), extra})
	if err != nil {
		t.Fatal(err)
	}
	a := ix.Answer(knowledge.Query{Text: "How many inspectors will the IAEA send?"})
	if !a.Answerable || a.Hits[0].Passage.Doc != "inspections" {
		t.Fatalf("got %+v, want an answer from the inspections document", a)
	}
	if got := len(ix.Themes()); got != 5 {
		t.Errorf("got %d themes, want 5 (4 + Access)", got)
	}
}

func TestConcurrentAnswers(t *testing.T) {
	ix := article()
	// A new index builds what it builds on first use (the names it
	// writes) while several questions need it at once.
	fresh, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Go(func() {
			if c := fresh.Consequence("“Congress has pushed for more hard-hitting sanctions.”"); !c.Answerable {
				t.Errorf("what it led to: declined")
			}
			for j := 0; j < 50; j++ {
				a := ix.Answer(knowledge.Query{Text: "What has Congress pushed for?"})
				if !a.Answerable || !strings.Contains(a.Quotes[0].Text(), "hard-hitting") {
					t.Errorf("got %+v", a.Quotes)
					return
				}
				// A follow-up about that answer shares the same scratch pool.
				c := ix.Continue(knowledge.Query{Text: "Why was that?"}, "“"+a.Quotes[0].Text()+"”")
				if !c.Answerable || c.Quotes[0].Passage != a.Quotes[0].Passage {
					t.Errorf("follow-up: got %+v", c.Quotes)
					return
				}
			}
		})
	}
	wg.Wait()
}

func ExampleIndex_Answer() {
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		panic(err)
	}
	a := ix.Answer(knowledge.Query{Text: "What has Congress pushed for?"})
	fmt.Println(a.Answerable)
	fmt.Println(a.Quotes[0].Text())
	fmt.Println(a.Hits[0].Passage.ID, "—", a.Hits[0].Passage.Section)
	// Output:
	// true
	// Congress has pushed for more hard-hitting sanctions.
	// vienna-talks#4 — Handling the Spoilers
}

// Answers must not depend on the questions asked before: retrieval reuses
// pooled working memory between queries.
func TestAnswersIndependentOfOrder(t *testing.T) {
	ix := article()
	questions := []string{
		"How many big picture issues are there?",
		"Will reaching a deal be easy?",
		"Who has emphasized win-win solutions?",
		"and Khamenei?",
		"When will the talks end?",
		"Is Iran a superpower?",
	}
	answer := func(q string) string {
		a := ix.Answer(knowledge.Query{Text: q})
		var b strings.Builder
		fmt.Fprintf(&b, "%v %.3f", a.Answerable, a.Confidence)
		for _, x := range a.Quotes {
			b.WriteString("|" + x.Text())
		}
		return b.String()
	}
	forward := map[string]string{}
	for _, q := range questions {
		forward[q] = answer(q)
	}
	for i := len(questions) - 1; i >= 0; i-- {
		q := questions[i]
		if got := answer(q); got != forward[q] {
			t.Errorf("%q: got %q after other questions, want %q", q, got, forward[q])
		}
	}
}

// A question that asks outright for a quantity or a date is declined when
// the sentence that would answer it holds none, and answered when it does.
func TestQuantityAndDateQuestionsNeedOne(t *testing.T) {
	ix := indexOfFile(t, "team.md", "# Team\n\n## Delegation\n\n"+
		"The delegation arrived in Vienna with its negotiating team and its legal advisers.\n\n"+
		"## Schedule\n\nThe ministers met on 18 November to review the draft text.")
	tests := []struct {
		question string
		want     bool
	}{
		{"How many people are on the delegation's negotiating team?", false},
		{"What advisers came with the delegation's negotiating team?", true},
		{"On what date did the ministers meet to review the draft text?", true},
		{"In what year did the delegation arrive with its legal advisers?", false},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			a := ix.Answer(knowledge.Query{Text: tt.question})
			if a.Answerable != tt.want {
				t.Errorf("answerable %v (confidence %.3f), want %v", a.Answerable, a.Confidence, tt.want)
			}
		})
	}
}

// FuzzAnswer asks the article index any question, in any conversation: it
// must not panic, and an answer it calls answerable cites a passage.
func FuzzAnswer(f *testing.F) {
	f.Add("did they end up getting a final deal?", "what are these talks about")
	f.Add("and the interim deal before that?", "where are the talks happening?")
	f.Add("and the Iranian side?", "What has Congress pushed for?")
	f.Add("What's the second big issue the author lists?", "")
	f.Add("Who wrote this piece?", "Summarize the article")
	f.Add("how many \"quotes\" … 'are' there?", "\xff\xfe")
	ix := article()
	f.Fuzz(func(t *testing.T, text, context string) {
		a := ix.Answer(knowledge.Query{Text: text, Context: context})
		if a.Answerable && (len(a.Hits) == 0 || len(a.Quotes) == 0) {
			t.Fatalf("%q after %q: answerable without a passage", text, context)
		}
	})
}

// A question whose every word weighs nothing ("summarize pls": a word for
// the whole text the text lacks) still ranks with finite scores.
func TestSearchWithWeightlessWords(t *testing.T) {
	ix := article()
	for _, q := range []string{"summarize pls", "summarize in 2 sentences pls"} {
		for _, h := range ix.Search(q, 3) {
			if math.IsNaN(h.Score) || math.IsInf(h.Score, 0) {
				t.Errorf("%q: got score %v for %s, want a finite one", q, h.Score, h.Passage.ID)
			}
		}
	}
}

// A person the article names, asked what it does say of them, or asked for
// where it mentions them, is answered.
func TestAnswerPersonsAskedWhatTheArticleSays(t *testing.T) {
	for _, tt := range []struct{ question, want string }{
		{"what has zarif been emphasizing?", "Foreign Minister Zarif"},
		{"is kerry mentioned anywhere?", "Secretary Kerry"},
		{"what did Limbert compare diplomacy to?", "remodeling a house"},
	} {
		a := article().Answer(knowledge.Query{Text: tt.question})
		if !a.Answerable || !strings.Contains(a.Quotes[0].Text(), tt.want) {
			t.Errorf("%q: got answerable %v, quotes %v; want a first quote with %q", tt.question, a.Answerable, a.Quotes, tt.want)
		}
	}
}
