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
// something the knowledge base does not know, asks about a kind of thing it
// knows by no form ("which senators…?"), asks for a figure the sentence
// lacks or asks whether things turned out so ("did they end up…?").
func TestContinue(t *testing.T) {
	ix := article()
	const portrayed = "“In light of the way Iran is portrayed by some policymakers and pundits, one would think that it rivals the former Soviet Union in terms of threatening Western interests.”\n  — Dialogue Among Equals (vienna-talks)"
	const limbert = "“Ambassador John Limbert beautifully described to me the challenge that lies ahead: “Diplomacy is like remodeling a house: it’s probably going to be more complicated, take longer, and cost more than you think.””"
	const geneva = "“Successful nuclear diplomacy in Geneva strengthened relationships between all relevant parties and provided valuable insights into their perspectives.”"
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
		// A number in what is read next must count what is asked about.
		{"a number counting something else", "how many countries took part in them?", geneva, nil},
		{"a number counting what is asked about", "and how many issues are there?", geneva, []string{"four big picture issues"}},
		{"no previous answer", "Is that accurate?", "", nil},
		{"the one before, after a paragraph's last sentence", "Is that accurate?",
			"“It should be made clear to Iran in word and deed that they are being challenged for what they do, not for what they are.”",
			[]string{"Emasculating this argument"}},
		{"a draft's wording, found by its words", "Is that accurate?",
			"Some politicians and pundits portray Iran as if it rivalled the former Soviet Union as a threat to Western interests [1].",
			[]string{"Simply put: It doesn’t.", "Iran is a regional power"}},
		{"a previous answer the knowledge base does not hold", "Is that accurate?", "Hello there, and welcome to the general chat.", nil},
		{"a time asked for that the sentence lacks", "When was that?", trickle, nil},
		// A time the next sentence gives, sharing no word of the
		// question, dates no deed of the person asked about; it may
		// date what was just read.
		{"a time of what someone did, in no sentence of theirs", "When did he serve as ambassador?", limbert, nil},
		{"a time since what was just read", "How long has it been since that happened?", limbert, []string{"three decades"}},
		{"a focus the knowledge base knows by no form", "Which senators are leading that?",
			"“Congress has pushed for more hard-hitting sanctions.”", nil},
		{"an adverb after the focus", "Which officials specifically have been doing that?", trickle, []string{"Foreign Minister Zarif"}},
		// How things turned out, which a sentence written before does not
		// tell; what they did, it may.
		{"whether it turned out so", "Did they end up passing?", "“Congress has pushed for more hard-hitting sanctions.”", nil},
		// A meeting after the one the text tells of, which what it says
		// next does not speak of.
		{"the next round", "and where's the next round after vienna?",
			"“However, the bigger picture is no less important, and it provides an important backdrop to the negotiations that will be taking place here over the next few days.”", nil},
		{"what happened back then", "what happened back then that broke things off?",
			"“Both sides have long known this to be true — but for the first time in over three decades, they are simultaneously demonstrating a willingness to spend their (political) capital on peace.”", nil},
		{"what they ended up doing", "And what did those end up doing?",
			"“Unlike years past, senior officials on both sides now openly acknowledge that alleged alternatives to diplomacy — such as an escalation of sanctions, or an escalation in the technical aspects of Iran’s nuclear program — have not only caused the drumbeat of war to intensify, but also narrowed the remaining escalatory options that both sides have at their disposal.”",
			[]string{"sharpened focus"}},
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

// TestContinueInSection checks that the section-wide continuation reads
// on past the answer's paragraph to the end of its section, never before
// the paragraph nor past the section.
func TestContinueInSection(t *testing.T) {
	ix := indexOfFile(t, "t.md", "# Talks\n\n## Spoilers\n\nSpoilers are everywhere. Hardliners in the capital torpedoed the last attempt.\n\n"+
		"The parliament pushed for sanctions. Port officials are seeking to delay the vote.\n\n"+
		"## Weather\n\nThe port officials complained of the cold.")
	const previous = "“Hardliners in the capital torpedoed the last attempt.”"
	if a := ix.Continue(knowledge.Query{Text: "and the port?"}, previous); a.Answerable && strings.Contains(a.Quotes[0].Text(), "Port") {
		t.Errorf("Continue: got %q, from past the answer's paragraph", a.Quotes[0].Text())
	}
	a := ix.ContinueInSection(knowledge.Query{Text: "and the port?"}, previous)
	if !a.Answerable || !strings.Contains(a.Quotes[0].Text(), "Port officials are seeking") {
		t.Errorf("ContinueInSection: got %+v, want the next paragraph's sentence on the port", a.Quotes)
	}
	if a := ix.ContinueInSection(knowledge.Query{Text: "and the spoilers?"}, "“The parliament pushed for sanctions.”"); a.Answerable &&
		strings.Contains(a.Quotes[0].Text(), "Spoilers are everywhere") {
		t.Errorf("ContinueInSection: got %q, from before the answer's paragraph", a.Quotes[0].Text())
	}
}

// TestContinueAfterAWholeParagraph checks that a follow-up about an answer
// that quoted every sentence of its paragraph is not answered with what was
// just read.
func TestContinueAfterAWholeParagraph(t *testing.T) {
	ix := article()
	a := ix.Answer(knowledge.Query{Text: "What has Congress pushed for?"})
	if !a.Answerable {
		t.Fatal("the first question is not answered")
	}
	whole := a.Quotes[0].Passage.Text
	if c := ix.Continue(knowledge.Query{Text: "Is that accurate?"}, whole); c.Answerable {
		t.Errorf("got %q, want no answer: every sentence was quoted", c.Quotes[0].Text())
	}
}

// TestMore checks that a request for more of an answer is answered with
// what comes after the last sentence it quoted: in the same paragraph, in
// the paragraph after it when the answer quoted the whole of its own, and
// nothing at the end of the document or for an answer that quotes nothing.
func TestMore(t *testing.T) {
	ix := indexOfFile(t, "t.md", "# Talks\n\n## Start\n\n"+
		"The talks began in spring. The delegations met daily in the old palace hall. Progress was slow.\n\n"+
		"The second round of talks opened in the summer heat. It went better.\n\n"+
		"## End\n\nThe final round closed in winter.")
	tests := []struct {
		name, previous string
		want           []string // the quotes' texts, in order; none for a decline
	}{
		{"the next sentence", "“The talks began in spring.”", []string{"The delegations met daily in the old palace hall."}},
		{"past several quoted", "“The talks began in spring.” “The delegations met daily in the old palace hall.”", []string{"Progress was slow."}},
		{"the next paragraph", "“The talks began in spring. The delegations met daily in the old palace hall. Progress was slow.”",
			[]string{"The second round of talks opened in the summer heat."}},
		{"across two quoted paragraphs", "“Progress was slow.” “The second round of talks opened in the summer heat. It went better.”", []string{"The final round closed in winter."}},
		{"the end of the document", "“The final round closed in winter.”", nil},
		{"nothing quoted", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ix.More(tt.previous)
			var got []string
			for _, q := range a.Quotes {
				got = append(got, q.Text())
			}
			if a.Answerable != (tt.want != nil) || strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got answerable %v with %q, want %q", a.Answerable, got, tt.want)
			}
		})
	}
}

// TestConsequence checks that a follow-up asking what the previous answer
// led to is answered by the answer's own sentence when that sentence tells
// a result, else by the sentence after it, and declined when the previous
// answer holds nothing of the knowledge base.
func TestConsequence(t *testing.T) {
	ix := indexOf(t, "The embargo on grain exports has caused prices to rise across the region. Traders have moved to other ports.\n\n"+
		"The council approved the harbour plan in May. The plan has since cut waiting times by half.\n\n"+
		"The mayor backed the ferry plan. She deserves credit for it. The results have been clear: the queues are gone.")
	tests := []afterCase{
		{"a result told after next", "“The mayor backed the ferry plan.”", "The results have been clear"},
		{"a result told in the answer's sentence", "“The embargo on grain exports has caused prices to rise across the region.”", "caused prices to rise"},
		{"a result told after it", "“The council approved the harbour plan in May.”", "cut waiting times by half"},
		{"a result told after the answer's quote from another paragraph", "“Traders have moved to other ports.” “She deserves credit for it.”", "The results have been clear"},
		{"a previous answer the knowledge base does not hold", "Hello there, and welcome to the general chat.", ""},
	}
	wantAfter(t, ix.Consequence, tests)
}

// TestOutcome checks that a follow-up asking what the answer as a whole
// led to is answered by the next sentence when that one takes it up as a
// whole, even where the sentence read tells a result of its own, and
// otherwise as Consequence answers.
func TestOutcome(t *testing.T) {
	ix := indexOf(t, "The embargo on grain exports has caused prices to rise across the region. This shift has opened a window for new trade talks.\n\n"+
		"The council approved the harbour plan in May. The plan has since cut waiting times by half.")
	wantAfter(t, ix.Outcome, []afterCase{
		{"the next sentence taking the answer up", "“The embargo on grain exports has caused prices to rise across the region.”", "opened a window"},
		{"a result told after it", "“The council approved the harbour plan in May.”", "cut waiting times by half"},
	})
	wantAfter(t, ix.Consequence, []afterCase{
		{"what the things named led to, in the answer's sentence", "“The embargo on grain exports has caused prices to rise across the region.”", "caused prices to rise"},
	})
}

// TestNamed checks that a follow-up asking who or where of the previous
// answer is answered by the sentence it quotes first when that sentence
// names a person (for who) or a name of any kind (for where), and declined
// otherwise.
func TestNamed(t *testing.T) {
	ix := indexOf(t, "Ambassador John Smith compared the harbour to a maze. The comparison stuck.\n\n"+
		"The council met in Bristol to approve the plan. The plan was approved.\n\n"+
		"The queues are gone. The traders are pleased.")
	who := func(previous string) knowledge.Answer { return ix.Named(previous, true) }
	where := func(previous string) knowledge.Answer { return ix.Named(previous, false) }
	wantAfter(t, who, []afterCase{
		{"who: the person the sentence names", "“Ambassador John Smith compared the harbour to a maze.”", "John Smith compared"},
		{"who: a sentence naming a place only", "“The council met in Bristol to approve the plan.”", ""},
		{"who: a sentence naming no one", "“The queues are gone.”", ""},
		{"who: a previous answer the knowledge base does not hold", "Hello there, and welcome to the general chat.", ""},
	})
	wantAfter(t, where, []afterCase{
		{"where: the place the sentence names", "“The council met in Bristol to approve the plan.”", "met in Bristol"},
		{"where: a sentence naming nothing", "“The traders are pleased.”", ""},
	})
}

// TestReason checks that a follow-up asking why of the previous answer is
// answered by the sentence before it when that answer says it follows from
// it, by the sentence after it when that one goes on to explain it, and
// not at all otherwise.
func TestReason(t *testing.T) {
	ix := indexOf(t, "The ferry is too slow for the traders. To that end, the council will buy a new boat. The boat arrives in May.\n\n"+
		"The delay should come as no surprise. But the yard has only one crane. The crane is old.\n\n"+
		"The harbour is busy. The market is open.")
	tests := []afterCase{
		{"what it follows from", "“To that end, the council will buy a new boat.”", "too slow for the traders"},
		{"what goes on to explain it", "“The delay should come as no surprise.”", "only one crane"},
		{"neither", "“The harbour is busy.”", ""},
		{"a previous answer the knowledge base does not hold", "Hello there, and welcome to the general chat.", ""},
	}
	wantAfter(t, ix.Reason, tests)
}

// TestRemedy checks that a follow-up asking what is to be done about the
// previous answer is answered by the first sentence after it, in its
// section, that says what must or needs to be done, passing over the
// answer's own sentences and a later paragraph's opening; by the next
// sentence when none does; and declined when the previous answer holds
// nothing of the knowledge base.
func TestRemedy(t *testing.T) {
	ix := indexOfFile(t, "t.md", "# Floods\n\n"+
		"Floods threaten the old town every spring. They have ruined the market twice.\n\n"+
		"The river rose again this year. The only way to stop them is to raise the dykes. The work will take a year.\n\n"+
		"# Roads\n\n"+
		"The roads are crowded at noon. The buses are late.\n\n"+
		"# Trade\n\n"+
		"The mayor fears the traders will leave. The port is small.\n\n"+
		"The council must widen the port.")
	tests := []afterCase{
		{"a remedy a paragraph on", "“Floods threaten the old town every spring.”", "The only way to stop them"},
		{"none in the section", "“The roads are crowded at noon.”", "The buses are late"},
		{"the answer's own sentence passed over", "“The mayor fears the traders will leave.” “The port is small.”", "must widen the port"},
		{"a previous answer the knowledge base does not hold", "Hello there, and welcome to the general chat.", ""},
	}
	wantAfter(t, ix.Remedy, tests)
}

// TestCaveat checks that a follow-up asking for the catch in the previous
// answer is answered by the next sentence or the one after when it turns
// against it or speaks of a risk, or by such a sentence the answer quoted
// after its first, and declined otherwise.
func TestCaveat(t *testing.T) {
	ix := indexOf(t, "Some doubt about the harbour plan is fair. However, too much doubt risks stalling the work. The work starts in May.\n\n"+
		"The ferry is slow. It leaves at noon. The crossing is a danger in winter.\n\n"+
		"The market is open. The stalls sell fish. The fish is fresh.")
	tests := []afterCase{
		{"a turn right after", "“Some doubt about the harbour plan is fair.”", "too much doubt risks stalling"},
		{"a danger after next", "“The ferry is slow.”", "a danger in winter"},
		{"the catch the answer quoted", "“Some doubt about the harbour plan is fair.” “However, too much doubt risks stalling the work.”", "too much doubt risks stalling"},
		{"none", "“The market is open.”", ""},
		{"a previous answer the knowledge base does not hold", "Hello there, and welcome to the general chat.", ""},
	}
	wantAfter(t, ix.Caveat, tests)
}

// TestRebuttal checks that a follow-up challenging the previous answer is
// answered by the next sentence or the one after when it turns against
// it, or by such a sentence the answer quoted after its first, and
// declined otherwise: a turn three sentences on, or a sentence that only
// speaks of a risk, is no answer to "then why keep going?".
func TestRebuttal(t *testing.T) {
	ix := indexOf(t, "The harbour plan may be too costly. However, doing nothing floods the town. The work starts in May.\n\n"+
		"The ferry is slow. It leaves at noon. Still, it is cheap.\n\n"+
		"The tram is new. It runs often. It is quiet. Still, it is dear.\n\n"+
		"The bridge is old. Crossing it is a danger in winter.")
	tests := []afterCase{
		{"a turn right after", "“The harbour plan may be too costly.”", "doing nothing floods the town"},
		{"the turn the answer quoted", "“The harbour plan may be too costly.” “However, doing nothing floods the town.”", "doing nothing floods the town"},
		{"a turn two sentences on", "“The ferry is slow.”", "it is cheap"},
		{"a turn three sentences on", "“The tram is new.”", ""},
		{"a risk without a turn", "“The bridge is old.”", ""},
		{"a previous answer the knowledge base does not hold", "Hello there, and welcome to the general chat.", ""},
	}
	wantAfter(t, ix.Rebuttal, tests)
}

// TestQuotation checks that a follow-up asking for the words the previous
// answer quoted is answered by the answer's sentence that holds the
// quotation, whole, and declined when the answer quoted none.
func TestQuotation(t *testing.T) {
	ix := indexOf(t, "The harbour is busy. The mayor told me: “We are not in the business of ferries. We are in the business of fish.” The council agreed.\n\n"+
		"The ferry is slow. It leaves at noon.")
	tests := []afterCase{
		{"the quotation of an answer of two sentences", "The harbour is busy. The mayor told me: “We are not in the business of ferries. We are in the business of fish.”", "We are in the business of fish"},
		{"no quotation", "“The ferry is slow.”", ""},
		{"a previous answer the knowledge base does not hold", "Hello there, and welcome to the general chat.", ""},
	}
	wantAfter(t, ix.Quotation, tests)
}

// afterCase is a previous answer and what the quote a follow-up gets
// after it must hold, "" for a decline.
type afterCase struct{ name, previous, want string }

// wantAfter runs answer, a follow-up's answer found from the previous one,
// on each case.
func wantAfter(t *testing.T, answer func(previous string) knowledge.Answer, tests []afterCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := answer(tt.previous)
			if tt.want == "" {
				if a.Answerable {
					t.Fatalf("got %+v, want a decline", a.Quotes)
				}
				return
			}
			if !a.Answerable || !strings.Contains(a.Quotes[0].Text(), tt.want) {
				t.Errorf("got %v %+v, want a first quote with %q", a.Answerable, a.Quotes, tt.want)
			}
		})
	}
}
