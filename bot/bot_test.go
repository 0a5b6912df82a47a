package bot_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

var articleThemes = []string{
	"Handling the Spoilers",
	"Keeping Support At The Top",
	"Pursuing Interests Over Ideology",
	"Dialogue Among Equals — But Not Equally Powerful",
}

func TestHandleAnswersWithQuotedCitedSentence(t *testing.T) {
	ix := newIndex(t)
	b := bot.New(ix, bot.Options{})
	r := ask(t, b, "What has Congress pushed for?")

	if r.Kind != bot.KindAnswer {
		t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, bot.KindAnswer)
	}
	const want = "Congress has pushed for more hard-hitting sanctions."
	if len(r.Quotes) == 0 || r.Quotes[0].Text != want {
		t.Fatalf("got quotes %q, want %q first", quoteTexts(r), want)
	}
	if got := r.Citations[r.Quotes[0].Citation].Section; got != "Handling the Spoilers" {
		t.Errorf("got the quote cited in section %q, want %q", got, "Handling the Spoilers")
	}
	if r.Text != quoteTexts(r) {
		t.Errorf("got text %q, want the quotes joined %q", r.Text, quoteTexts(r))
	}
	if r.Mode != bot.ModeExtractive || r.Model != "" {
		t.Errorf("got mode %q model %q, want %q and no model", r.Mode, r.Model, bot.ModeExtractive)
	}
	if r.Question != "What has Congress pushed for?" {
		t.Errorf("got question %q, want the question as asked", r.Question)
	}
	if len(r.Citations) > bot.DefaultK {
		t.Errorf("got %d citations, want at most %d", len(r.Citations), bot.DefaultK)
	}
	for i := 1; i < len(r.Citations); i++ {
		if r.Citations[i].Score > r.Citations[i-1].Score {
			t.Errorf("citation %d scores %v above citation %d (%v): want best first", i, r.Citations[i].Score, i-1, r.Citations[i-1].Score)
		}
	}
	if r.Ephemeral {
		t.Error("got an ephemeral answer, want a public one")
	}
	if !regexp.MustCompile(`^[0-9a-f]{20}$`).MatchString(r.ID) {
		t.Errorf("got id %q, want 20 hex digits (12 random, 8 of signature)", r.ID)
	}
	checkGrounded(t, ix, r)
}

func TestHandleRespectsK(t *testing.T) {
	ix := newIndex(t)
	questions := []string{
		"What has Congress pushed for?",
		"What are the Iranian hardliners seeking?",
		"What foundation did the leaders provide?", // quotes from two passages
		"Will reaching a deal be easy?",            // quotes from two passages
		"Who is Zarif?",
	}
	for _, k := range []int{1, 2, 3, 5, 50} {
		b := bot.New(ix, bot.Options{K: k})
		wantMax := min(k, 20)
		for _, q := range questions {
			t.Run(fmt.Sprint(k, "/", q), func(t *testing.T) {
				r := ask(t, b, q)
				if r.Kind != bot.KindAnswer {
					t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, bot.KindAnswer)
				}
				if len(r.Citations) > wantMax {
					t.Errorf("got %d citations with K=%d, want at most %d", len(r.Citations), k, wantMax)
				}
				if r.Text != quoteTexts(r) {
					t.Errorf("got text %q, want the quotes it keeps %q", r.Text, quoteTexts(r))
				}
				for i := 1; i < len(r.Citations); i++ {
					if r.Citations[i].Score > r.Citations[i-1].Score {
						t.Errorf("citation %d scores %v above citation %d (%v): want best first", i, r.Citations[i].Score, i-1, r.Citations[i-1].Score)
					}
				}
				checkGrounded(t, ix, r)
			})
		}
	}
}

func TestHandleDeclinesUncoveredQuestion(t *testing.T) {
	tests := []struct {
		name     string
		twoDocs  bool
		question string
		wantText string
		themes   int
	}{
		{"article", false, "Who won the World Cup?", "The article doesn't cover that.", 4},
		{"knowledge base", true, "Who won the World Cup?", "The knowledge base doesn't cover that.", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := newIndex(t)
			if tt.twoDocs {
				ix = twoDocIndex(t)
			}
			r := ask(t, bot.New(ix, bot.Options{}), tt.question)
			if r.Kind != bot.KindDeclined {
				t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, bot.KindDeclined)
			}
			if r.Text != tt.wantText {
				t.Errorf("got text %q, want %q", r.Text, tt.wantText)
			}
			if len(r.Citations) != 0 || len(r.Quotes) != 0 {
				t.Errorf("got %d citations and %d quotes, want none", len(r.Citations), len(r.Quotes))
			}
			if len(r.Themes) != tt.themes {
				t.Errorf("got %d themes, want %d", len(r.Themes), tt.themes)
			}
			if r.Question != tt.question {
				t.Errorf("got question %q, want %q", r.Question, tt.question)
			}
		})
	}
}

func TestHandleRejectsBadInput(t *testing.T) {
	long := strings.Repeat("a", bot.MaxInput+1)
	tests := []struct {
		name string
		req  bot.Request
		want string
	}{
		{"empty", bot.Request{}, "for example"},
		{"white space", bot.Request{Text: " \n\t "}, "for example"},
		{"too long", bot.Request{Text: long}, "2000"},
		{"too long argument", bot.Request{Command: &bot.Command{Name: "ask", Arg: long}}, "2000"},
		{"NUL", bot.Request{Text: "what\x00 now"}, "control characters"},
		{"escape", bot.Request{Text: "what \x1b[31m now"}, "control characters"},
		{"C1 control", bot.Request{Text: "what \u0085 now"}, "control characters"},
		{"bell in argument", bot.Request{Command: &bot.Command{Name: "summary", Arg: "spoil\aers"}}, "control characters"},
		{"invalid UTF-8", bot.Request{Text: "what \xff\xfe now"}, "UTF-8"},
		{"invalid UTF-8 argument", bot.Request{Command: &bot.Command{Name: "ask", Arg: "\xc3"}}, "UTF-8"},
		{"right-to-left override", bot.Request{Text: "What has \u202eCongress pushed for?"}, "invisible formatting"},
		{"left-to-right embedding", bot.Request{Text: "What has \u202aCongress pushed for?"}, "invisible formatting"},
		{"pop directional formatting", bot.Request{Text: "What has Congress\u202c pushed for?"}, "invisible formatting"},
		{"first strong isolate", bot.Request{Text: "What has \u2068Congress\u2069 pushed for?"}, "invisible formatting"},
		{"isolate in argument", bot.Request{Command: &bot.Command{Name: "summary", Arg: "spoil\u2066ers"}}, "invisible formatting"},
		{"zero-width space", bot.Request{Text: "he\u200blp"}, "invisible formatting"},
		{"zero-width joiner in a word", bot.Request{Text: "he\u200dlp"}, "invisible formatting"},
		{"zero-width non-joiner leading", bot.Request{Text: "\u200cمی خواهم"}, "invisible formatting"},
		{"zero-width joiner trailing", bot.Request{Text: "👩\u200d"}, "invisible formatting"},
		{"byte order mark", bot.Request{Text: "\ufeffWhat has Congress pushed for?"}, "invisible formatting"},
		{"ask without a question", bot.Request{Text: "ask"}, "ask What has Congress pushed for?"},
		{"ask command without a question", bot.Request{Command: &bot.Command{Name: "ask"}}, "ask What has Congress pushed for?"},
	}
	b := bot.New(newIndex(t), bot.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := b.Handle(context.Background(), tt.req)
			if r.Kind != bot.KindError {
				t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, bot.KindError)
			}
			if !strings.Contains(r.Text, tt.want) {
				t.Errorf("got text %q, want it to contain %q", r.Text, tt.want)
			}
			if !r.Ephemeral {
				t.Error("got a public error reply, want an ephemeral one")
			}
			if r.Problem != bot.ProblemBadInput {
				t.Errorf("got problem %q, want %q", r.Problem, bot.ProblemBadInput)
			}
			if r.ID == "" {
				t.Error("got an empty reply id")
			}
		})
	}
}

func TestHandleAcceptsLongestInput(t *testing.T) {
	// 2,000 two-byte characters are 4,000 bytes but within the limit.
	text := "Congress " + strings.Repeat("é", bot.MaxInput-len("Congress "))
	r := ask(t, bot.New(newIndex(t), bot.Options{}), text)
	if r.Kind == bot.KindError {
		t.Errorf("got an error reply %q for %d characters, want it accepted", r.Text, bot.MaxInput)
	}
	r = ask(t, bot.New(newIndex(t), bot.Options{}), "What has\tCongress\r\npushed for?")
	if r.Kind != bot.KindAnswer {
		t.Errorf("got kind %q (%q) for text with tabs and line breaks, want %q", r.Kind, r.Text, bot.KindAnswer)
	}
	// Persian needs the zero-width non-joiner inside words, and emoji
	// sequences the joiner: between non-ASCII characters both are text.
	for _, text := range []string{"کنگره برای چه تحریم\u200cهایی فشار آورده است؟", "What has Congress pushed for? 👩\u200d💻"} {
		if r := ask(t, bot.New(newIndex(t), bot.Options{}), text); r.Kind == bot.KindError {
			t.Errorf("got an error reply %q for %q, want it accepted", r.Text, text)
		}
	}
}

func TestHandleCommands(t *testing.T) {
	ix := newIndex(t)
	b := bot.New(ix, bot.Options{})
	tests := []struct {
		name     string
		req      bot.Request
		kind     bot.Kind
		contains []string
		section  string // every citation's section, when set
	}{
		{"summary by words", bot.Request{Text: "summary spoilers"}, bot.KindSummary, nil, "Handling the Spoilers"},
		{"summary by number", bot.Request{Text: "/talks summarise 2"}, bot.KindSummary, nil, "Keeping Support At The Top"},
		{"summary command", bot.Request{Command: &bot.Command{Name: "Summary", Arg: "ideology"}}, bot.KindSummary, nil, "Pursuing Interests Over Ideology"},
		{"summary alias", bot.Request{Command: &bot.Command{Name: "summarize", Arg: "equals"}}, bot.KindSummary, nil, articleThemes[3]},
		{"themes", bot.Request{Text: "themes"}, bot.KindThemes, articleThemes, ""},
		{"topics", bot.Request{Command: &bot.Command{Name: "topics"}}, bot.KindThemes, articleThemes, ""},
		{"sources", bot.Request{Text: "talks sources"}, bot.KindSources, []string{"Vienna Nuclear Talks", "Huffington Post"}, ""},
		{"help", bot.Request{Text: "help"}, bot.KindHelp, []string{"ask", "summary", "themes", "sources", "help", "What has Congress pushed for?"}, ""},
		{"unknown slash command", bot.Request{Text: "/frobnicate now"}, bot.KindHelp, []string{"don't recognise", "/frobnicate", "summary"}, ""},
		{"unknown command name", bot.Request{Command: &bot.Command{Name: "dance"}}, bot.KindHelp, []string{"don't recognise", "dance"}, ""},
		{"unknown unprintable name", bot.Request{Command: &bot.Command{Name: strings.Repeat("x", 100)}}, bot.KindHelp, []string{"don't recognise that command"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := b.Handle(context.Background(), tt.req)
			if r.Kind != tt.kind {
				t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, tt.kind)
			}
			for _, s := range tt.contains {
				if !strings.Contains(r.Text, s) {
					t.Errorf("got text %q, want it to contain %q", r.Text, s)
				}
			}
			if tt.section != "" {
				checkGrounded(t, ix, r)
				for _, c := range r.Citations {
					if c.Section != tt.section || c.Score != 0 {
						t.Errorf("got citation %s in section %q with score %v, want section %q and score 0", c.ID, c.Section, c.Score, tt.section)
					}
				}
				if r.Text != quoteTexts(r) {
					t.Errorf("got text %q, want the quotes joined %q", r.Text, quoteTexts(r))
				}
				if len(r.Themes) != 1 || r.Themes[0].Title != tt.section {
					t.Errorf("got themes %+v, want just %q", r.Themes, tt.section)
				}
				if n := len(r.Quotes); n < 2 || n > 4 {
					t.Errorf("got %d summary sentences, want 2 to 4", n)
				}
			}
			wantEphemeral := tt.kind == bot.KindHelp
			if r.Ephemeral != wantEphemeral {
				t.Errorf("got ephemeral %v, want %v", r.Ephemeral, wantEphemeral)
			}
		})
	}
}

func TestHandleThemesAndSourcesFields(t *testing.T) {
	b := bot.New(twoDocIndex(t), bot.Options{})

	r := ask(t, b, "themes")
	if len(r.Themes) != 5 {
		t.Fatalf("got %d themes, want 5", len(r.Themes))
	}
	for i, title := range articleThemes {
		if got := r.Themes[i]; got.Title != title || got.Number != i+1 {
			t.Errorf("theme %d: got %d %q, want %d %q", i, got.Number, got.Title, i+1, title)
		}
	}
	if got := r.Themes[4]; got.Title != "Centrifuges" || got.Doc != "Enrichment Glossary" {
		t.Errorf("got the last theme %+v, want Centrifuges of Enrichment Glossary", got)
	}
	if !strings.Contains(r.Text, "(Enrichment Glossary)") {
		t.Errorf("got text %q, want document titles with several documents", r.Text)
	}

	r = ask(t, b, "sources")
	if len(r.Sources) != 2 {
		t.Fatalf("got %d sources, want 2", len(r.Sources))
	}
	if got := r.Sources[0]; got.ID != "vienna-talks" || got.Source != "Huffington Post" || got.Passages < 10 || !strings.HasPrefix(got.Path, "embedded:") {
		t.Errorf("got the first source %+v, want the embedded article", got)
	}
	if got := r.Sources[1]; got.ID != "glossary" || got.Title != "Enrichment Glossary" || got.Passages != 1 || got.Path != "glossary.md" {
		t.Errorf("got the second source %+v, want the glossary with 1 passage", got)
	}
}

func TestHandleSummaryOfEveryTheme(t *testing.T) {
	ix := newIndex(t)
	r := ask(t, bot.New(ix, bot.Options{}), "summary")
	if r.Kind != bot.KindSummary {
		t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, bot.KindSummary)
	}
	lines := strings.Split(r.Text, "\n")
	if len(lines) != len(articleThemes) {
		t.Fatalf("got %d lines %q, want one per theme (%d)", len(lines), r.Text, len(articleThemes))
	}
	for i, title := range articleThemes {
		if !strings.HasPrefix(lines[i], title+": ") {
			t.Errorf("line %d: got %q, want it to start with %q", i, lines[i], title+": ")
		}
	}
	if n := len(r.Quotes); n < len(articleThemes) || n > 2*len(articleThemes) {
		t.Errorf("got %d quotes, want 1 or 2 per theme", n)
	}
	if len(r.Themes) != len(articleThemes) {
		t.Errorf("got %d themes, want %d", len(r.Themes), len(articleThemes))
	}
	checkGrounded(t, ix, r)
}

func TestHandleUnknownThemeListsThemes(t *testing.T) {
	r := ask(t, bot.New(newIndex(t), bot.Options{}), "summary basketball playoffs")
	if r.Kind != bot.KindThemes {
		t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, bot.KindThemes)
	}
	want := append([]string{"couldn't find", "basketball playoffs"}, articleThemes...)
	for _, s := range want {
		if !strings.Contains(r.Text, s) {
			t.Errorf("got text %q, want it to contain %q", r.Text, s)
		}
	}
	if len(r.Themes) != len(articleThemes) {
		t.Errorf("got %d themes, want %d", len(r.Themes), len(articleThemes))
	}
}

func TestHandleFollowUps(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})

	first := inThread(t, b, "T1", "What did Congress push for?")
	if first.Kind != bot.KindAnswer || !strings.Contains(first.Text, "hard-hitting sanctions") {
		t.Fatalf("got %s %q, want the sanctions answer", first.Kind, first.Text)
	}

	tests := []struct {
		text string
		want string
	}{
		{"and the Iranian side?", "Iranian hardliners are seeking ways"},
		{"and Khamenei?", "Khamenei"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := inThread(t, b, "T1", tt.text)
			if r.Kind != bot.KindAnswer {
				t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, bot.KindAnswer)
			}
			if !strings.Contains(r.Text, tt.want) {
				t.Errorf("got %q, want an answer containing %q", r.Text, tt.want)
			}
			if want := tt.text + " (following up on “What did Congress push for?”)"; r.Question != want {
				t.Errorf("got question %q, want %q", r.Question, want)
			}
		})
	}

	t.Run("a short question complete on its own", func(t *testing.T) {
		r := inThread(t, b, "T1", "Who is Zarif?")
		if r.Question != "Who is Zarif?" || !strings.Contains(r.Text, "Foreign Minister Zarif") {
			t.Errorf("got question %q answered %q, want the Zarif sentence without context", r.Question, r.Text)
		}
	})
	t.Run("another thread has no context", func(t *testing.T) {
		r := inThread(t, b, "T2", "and the Iranian side?")
		if r.Question != "and the Iranian side?" {
			t.Errorf("got question %q, want the text without context", r.Question)
		}
	})
	t.Run("another channel has no context", func(t *testing.T) {
		r := b.Handle(context.Background(), bot.Request{Platform: bot.Slack, Channel: "C2", Thread: "T1", Text: "and Khamenei?"})
		if r.Question != "and Khamenei?" {
			t.Errorf("got question %q, want the text without context", r.Question)
		}
	})
	t.Run("no thread has no context", func(t *testing.T) {
		r := b.Handle(context.Background(), bot.Request{Platform: bot.Slack, Channel: "C1", Text: "and Khamenei?"})
		if r.Question != "and Khamenei?" {
			t.Errorf("got question %q, want the text without context", r.Question)
		}
	})
}

// TestHandleFollowUpCues shows when a question in a thread is read with
// the previous turn: when it refers back (a lead such as "and", a pronoun),
// when it is an ellipsis with no topic of its own, and otherwise only when
// it cannot be answered alone but can in context.
func TestHandleFollowUpCues(t *testing.T) {
	const (
		congress   = "What did Congress push for?"
		hardliners = "What are the hardliners doing?"
	)
	tests := []struct {
		name        string
		first, text string
		wantContext bool
		wantKind    bot.Kind
		wantText    string // in the reply; "" for no check
	}{
		{"lead and", congress, "and the Iranian side?", true, bot.KindAnswer, ""},
		{"lead and, a name", hardliners, "and Congress?", true, bot.KindAnswer, "Congress has pushed"},
		// The previous question asked of someone else: its names give
		// way to the follow-up's.
		{"lead and, the same question of another side", "Who has been trying to undermine the talks on the American side?",
			"And on the Iranian side?", true, bot.KindAnswer, "Iranian hardliners are seeking"},
		{"lead and, the same question of another side, names typed in lower case", "who's been trying to undermine the talks on the american side?",
			"and in iran?", true, bot.KindAnswer, "Iranian hardliners are seeking"},
		// Or further on in the answer's section.
		{"lead and, the other side in the next paragraph", "who's been trying to derail things on the US side?",
			"and in iran?", true, bot.KindAnswer, "Iranian hardliners are seeking"},
		// The other side is named beside the answer just read.
		{"lead and, the other side beside the answer", "Who's been pushing for tougher sanctions?",
			"And on the Iranian side?", true, bot.KindAnswer, "Iranian hardliners are seeking"},
		// Asked of someone the answer would not name, it is no such question.
		{"lead what about, a name the article lacks", "Who leads Iran's negotiating team?",
			"What about the Revolutionary Guards — where do they stand?", false, bot.KindDeclined, ""},
		{"lead what about", congress, "what about the Iranian hardliners in Tehran and their efforts today?", true, bot.KindAnswer, ""},
		{"lead how about", congress, "How about the Iranian hardliners in Tehran and their efforts today?", true, bot.KindAnswer, ""},
		{"lead what of", congress, "what of the Iranian hardliners in Tehran and their efforts today?", true, bot.KindAnswer, ""},
		{"ellipsis", congress, "why?", true, bot.KindAnswer, "hard-hitting sanctions"},
		{"ellipsis after another topic", hardliners, "why?", true, bot.KindAnswer, "Iranian hardliners"},
		{"ellipsis of two words", congress, "how so?", true, bot.KindAnswer, "hard-hitting sanctions"},
		{"ellipsis with a lead", congress, "and then?", true, bot.KindAnswer, "hard-hitting sanctions"},
		{"lead after an interjection", congress, "ok, and the Iranian side?", true, bot.KindAnswer, "Iranian hardliners are seeking"},
		// "Like" opening a question is an aside of speech, and a lead.
		{"lead like", "What do senior officials on both sides now acknowledge about the alternatives to diplomacy?",
			"like which options?", true, bot.KindAnswer, "such as an escalation of sanctions"},
		// A closing "then" does not make a complete question a follow-up.
		{"a complete question ending in then", "Who are the spoilers?",
			"Where are the talks being held then?", false, bot.KindAnswer, "Vienna"},
		// A lead and words the article lacks: the answer's paragraph reads
		// on, where it used to be declined.
		{"lead and, reading on", "where are these nuclear talks happening?",
			"and what has everybody been gossiping over so far?", true, bot.KindAnswer, "backdrop to the negotiations"},
		{"an item of the list the previous turn spoke of", "How many big picture issues does the author go through?",
			"what's the first?", true, bot.KindAnswer, "spoilers"},
		{"ellipsis with a personal pronoun", "Who is Zarif?", "what did he say?", true, bot.KindAnswer, "Zarif"},
		{"ellipsis pointing back with that", "What was the Limbert quote again?", "who is that guy?", true, bot.KindAnswer, "Ambassador John Limbert"},
		{"pronoun", "Who has openly supported efforts to build confidence?", "what did they provide?", true, bot.KindAnswer, "unprecedented foundation"},
		{"pronoun at the end", "What did the interim nuclear deal in Geneva do?", "who backed it?", true, bot.KindAnswer, "openly supported"},
		{"pronoun opening a long question", congress, "They pushed for sanctions, but what are the Iranian hardliners seeking in response?", true, bot.KindAnswer, ""},
		{"about the previous answer", "How do pundits portray Iran?", "Is that accurate?", true, bot.KindAnswer, "regional power, not a superpower"},
		// Who or where of what the answer told: the person or place it names.
		{"who, of what the answer told", "what's the home renovation analogy in the article?", "who came up with it?", true, bot.KindAnswer, "Ambassador John Limbert"},
		{"where, of what the answer told", "what did that western official tell the writer?", "where was the author when they heard that?", true, bot.KindAnswer, "upon arriving in Vienna"},
		// A request for more reads on from where the answer stopped.
		{"more of the previous answer", "How do pundits portray Iran?", "can you say more?", true, bot.KindAnswer, "Iran is a regional power"},
		{"go on", hardliners, "go on, please", true, bot.KindAnswer, "risk of spoilers lashing out"},
		{"what they did, told next", "which leaders have been openly supporting the diplomacy", "what did they do that matters so much?", true, bot.KindAnswer, "By backing the interim nuclear deal"},
		{"what their backing did, told next", "which leaders were openly behind the confidence building efforts?", "and what did their backing actually do?", true, bot.KindAnswer, "By backing the interim nuclear deal"},
		{"what the previous answer means", "What did Limbert say about diplomacy?", "what did he mean by that?", true, bot.KindAnswer, "Both sides have long known this to be true"},
		{"the next item of the list", "What's the first big-picture issue?", "and the next?", true, bot.KindAnswer, "enormity of the task"},
		// What the answer led to: told in its own sentence, or right after.
		{"what the answer led to, in its sentence", "What alternatives to diplomacy does the article mention?",
			"What effect have they had?", true, bot.KindAnswer, "caused the drumbeat of war to intensify"},
		{"what the answer as a whole led to, after it", "What do senior officials now admit about escalating sanctions?",
			"and what has that realization led to?", true, bot.KindAnswer, "sharpened focus"},
		{"what the things named ended up doing", "What alternatives to diplomacy does the article mention?",
			"and what did those end up doing?", true, bot.KindAnswer, "caused the drumbeat of war to intensify"},
		{"what the answer led to, after it", "What does the author give Washington credit for?",
			"and what came of it?", true, bot.KindAnswer, "slowly reinvigorated diplomatic process"},
		{"what the answer led to, named after a pointer", "What does the author give Washington credit for?",
			"and what's come of that shift?", true, bot.KindAnswer, "slowly reinvigorated diplomatic process"},
		// "What is it then?" after a view the answer reports: what the text
		// says next; after an answer that denies, the answer again.
		{"what it is then, after a view", "is iran really as much of a threat as the soviets were?",
			"so what is it then?", true, bot.KindAnswer, "Iran is a regional power, not a superpower."},
		{"what it is then, after a denial", "Is Iran a superpower?",
			"So what is it then?", true, bot.KindAnswer, "Iran is a regional power, not a superpower."},
		// Why, of the answer read: the sentence it follows from, or the
		// one that goes on to explain it.
		{"why, of what follows from the sentence before", "What PR approach does the author recommend for Washington and Tehran?",
			"why is it needed?", true, bot.KindAnswer, "political cover"},
		{"why not, explained after", "Should it surprise anyone that both sides downplay the odds for success?",
			"why not?", true, bot.KindAnswer, "words should not overshadow facts"},
		{"why, with a contraction", "Should it surprise anyone that both sides downplay the odds for success?",
			"why shouldn't we read too much into it?", true, bot.KindAnswer, "words should not overshadow facts"},
		// An answer of quotes from two paragraphs is read from its first.
		{"why not, after quotes from two paragraphs", "what does the writer make of both sides talking down the chances?",
			"why not?", true, bot.KindAnswer, "words should not overshadow facts"},
		// What is to be done about what the answer told: what the text
		// says next.
		{"what to do about it", "how will critics of diplomacy spin it?",
			"so what should the negotiators do about that?", true, bot.KindAnswer, "absorb these ideological criticisms"},
		{"how to handle it", "should we be shocked that both sides talk down the chances?",
			"so what should we focus on instead?", true, bot.KindAnswer, "words should not overshadow facts"},
		{"how to respond", "how will critics of diplomacy spin it?",
			"how should both sides respond?", true, bot.KindAnswer, "absorb these ideological criticisms"},
		// The words the answer quoted someone as saying, whole.
		{"the rest of the quote", "who said the line about not doing favors?",
			"what was the rest of the quote?", true, bot.KindAnswer, "pursuing our interests"},
		// The catch the text puts to the answer, right after it.
		{"the downside", "is being skeptical about the process fair?",
			"whats the downside though?", true, bot.KindAnswer, "an overemphasis on this skepticism"},
		// Why go on at all: the turn the text takes right after the doubt.
		{"why go on, after a doubt", "is the gap between technical and political solutions too wide to bridge?",
			"then why keep going?", true, bot.KindAnswer, "the likely alternative"},
		{"why bother, after a doubt", "is the gap between technical and political solutions too wide to bridge?",
			"why bother continuing then?", true, bot.KindAnswer, "the likely alternative"},
		// What is really so, after what was said: the text's turn too.
		{"the reality, after what was said", "is the rhetoric downplaying the odds surprising?",
			"so whats the reality then?", true, bot.KindAnswer, "words should not overshadow facts"},
		{"what is different now, after what was long so", "what did Limbert compare diplomacy to?",
			"so whats different now?", true, bot.KindAnswer, "for the first time in over three decades"},
		{"what matters more, after what was said", "is the rhetoric downplaying the odds surprising?",
			"so what actually matters more than the talk?", true, bot.KindAnswer, "words should not overshadow facts"},
		// What the text says must be done, a paragraph on.
		{"how to deal with them", "who are these spoilers he keeps mentioning?",
			"how does he think you deal with them?", true, bot.KindAnswer, "The only way to neutralize them"},
		// What they are doing is no question of what the answer led to.
		{"what they are doing", "What do Iranian hardliners want?", "what are they doing?", true, bot.KindAnswer,
			"Iranian hardliners are seeking ways"},
		// Who wrote the text is asked of the text, whatever came before.
		{"who wrote it, pointing at the text", "What's the author say about spoilers?", "who wrote this article anyway?", false, bot.KindDeclined, ""},
		{"who wrote it, with a pronoun", "Where are the talks being held?", "who wrote it tho?", false, bot.KindDeclined, ""},
		{"a question of its own", congress, "What are the Iranian hardliners seeking in response to the talks in Vienna?", false, bot.KindAnswer, ""},
		{"a short question of its own after another topic", hardliners, "Where are the talks?", false, bot.KindAnswer, "talks"},
		{"a longer one", hardliners, "Where are the talks taking place?", false, bot.KindAnswer, "here in Vienna"},
		// A greeting, an address or a label before the question is no part
		// of it.
		{"a greeting and an address", congress, "hey bot, which city are the talks in?", false, bot.KindAnswer, "Vienna"},
		{"a label", congress, "Q: which city are the talks in?", false, bot.KindAnswer, "Vienna"},
		{"a greeting without punctuation", congress, "hi there which city are the talks in?", false, bot.KindAnswer, "Vienna"},
		// A lead that says the subject changes: the rest stands alone.
		{"a lead changing the subject", congress, "unrelated: which city are the talks in?", false, bot.KindAnswer, "Vienna"},
		{"a lead changing the subject, with a dash", hardliners, "switching gears - what is the author skeptical of?", false, bot.KindAnswer, "skepticism"},
		{"a lead changing the subject after an interjection", congress, "Ok, different question: which city are the talks in?", false, bot.KindAnswer, "Vienna"},
		{"a lead changing the subject, with a comma", congress, "changing the subject, which city are the talks in?", false, bot.KindAnswer, "Vienna"},
		{"a lead changing the subject, unpunctuated", congress, "unrelated but which city are the talks in?", false, bot.KindAnswer, "Vienna"},
		{"a lead asking the next question", hardliners, "ok next thing - which city are the talks in?", false, bot.KindAnswer, "Vienna"},
		{"a lead asking one more", hardliners, "one more: which city are the talks in?", false, bot.KindAnswer, "Vienna"},
		{"a lead asking one more, then a pronoun", "What did Limbert say about diplomacy?", "one more: who is he?", true, bot.KindAnswer, "Ambassador John Limbert"},
		{"a short covered question after an unrelated one", congress, "Who is Zarif?", false, bot.KindAnswer, "Foreign Minister Zarif"},
		{"a question about the article", congress, "What is this article about?", false, bot.KindSummary, "Handling the Spoilers"},
		{"an uncovered question", congress, "Who won the World Cup?", false, bot.KindDeclined, ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := bot.New(newIndex(t), bot.Options{})
			thread := fmt.Sprint("T", i)
			if r := inThread(t, b, thread, tt.first); r.Kind != bot.KindAnswer {
				t.Fatalf("first turn %q: got kind %q, want %q", tt.first, r.Kind, bot.KindAnswer)
			}
			r := inThread(t, b, thread, tt.text)
			want := tt.text
			if tt.wantContext {
				want += " (following up on “" + tt.first + "”)"
			}
			if r.Question != want {
				t.Errorf("got question %q, want %q", r.Question, want)
			}
			if r.Kind != tt.wantKind {
				t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, tt.wantKind)
			}
			if !strings.Contains(r.Text, tt.wantText) {
				t.Errorf("got %q, want it to contain %q", r.Text, tt.wantText)
			}
			if alone := ask(t, b, tt.text); !tt.wantContext && (r.Kind != alone.Kind || r.Text != alone.Text) {
				t.Errorf("got %s %q, want the reply to the question asked alone: %s %q", r.Kind, r.Text, alone.Kind, alone.Text)
			}
		})
	}
}

// TestFollowUpAskingForAKindOfPlace: the noun after "which" asks for a
// kind of place, and weighs less than the words of what it is about: the
// sentence naming where the talks are comes first, not the one naming an
// earlier round's city that the turn before led to.
func TestFollowUpAskingForAKindOfPlace(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	inThread(t, b, "T", "what old saying does the article quote")
	r := inThread(t, b, "T", "which city are these talks in")
	if r.Kind != bot.KindAnswer || !strings.HasPrefix(r.Text, "As nuclear talks commence here in Vienna") {
		t.Errorf("got %s %q, want an answer opening with the sentence naming Vienna", r.Kind, r.Text)
	}
}

// TestHandleFollowUpAboutCauses shows that a follow-up asking what led to
// the answer is not answered with what the answer led to.
func TestHandleFollowUpAboutCauses(t *testing.T) {
	const first = "What does the author give Washington credit for?"
	b := bot.New(newIndex(t), bot.Options{})
	inThread(t, b, "R", first)
	result := inThread(t, b, "R", "and what came of it?")
	for i, q := range []string{"what led to that?", "where did it come from?"} {
		thread := fmt.Sprint("C", i)
		inThread(t, b, thread, first)
		if r := inThread(t, b, thread, q); r.Text == result.Text {
			t.Errorf("%q: got %q, the answer to what came of it", q, r.Text)
		}
	}
}

// TestHandleFollowUpAboutAPlace checks that "and in the conclusion?" after
// a question asks about its topic there, not what the conclusion says: on
// its own, the question gets the conclusion's first sentence.
func TestHandleFollowUpAboutAPlace(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	const conclusion = "So, now the hard part begins."
	if r := ask(t, b, "What does the conclusion say?"); !strings.Contains(r.Text, conclusion) {
		t.Fatalf("alone: got %q, want %q", r.Text, conclusion)
	}
	inThread(t, b, "P", "What has Congress pushed for?")
	if r := inThread(t, b, "P", "and in the conclusion?"); strings.Contains(r.Text, conclusion) {
		t.Errorf("after a question about Congress: got %q, want its topic, not the conclusion's opening", r.Text)
	}
}

// TestHandleFollowUpAskedAgain: a follow-up asked again is answered alike,
// though answers beside the previous one are favoured.
func TestHandleFollowUpAskedAgain(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	inThread(t, b, "A", "What has Congress pushed for?")
	for i := range 2 {
		if r := inThread(t, b, "A", "and the Iranian side?"); !strings.Contains(r.Text, "Iranian hardliners are seeking") {
			t.Errorf("asked %d times: got %q, want the Iranian hardliners", i+1, r.Text)
		}
	}
}

// TestHandleNameAskedOfSomeoneJustNamed: a name asked for of someone the
// previous answer named ("he") is not that name; a question without a
// pronoun may be answered by what the previous answer quoted.
func TestHandleNameAskedOfSomeoneJustNamed(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	if r := inThread(t, b, "L", "Which ambassador is quoted at the end?"); !strings.Contains(r.Text, "Limbert") {
		t.Fatalf("got %q, want Limbert's quotation", r.Text)
	}
	if r := inThread(t, b, "L", "Which country was he ambassador to?"); r.Kind != bot.KindDeclined {
		t.Errorf("got %s %q, want a decline: the article names no country of his", r.Kind, r.Text)
	}
	// A place the previous answer named may be the answer.
	if r := inThread(t, b, "W", "What did the senior Western official say?"); !strings.Contains(r.Text, "Vienna") {
		t.Fatalf("got %q, want the official's quotation, on arriving in Vienna", r.Text)
	}
	if r := inThread(t, b, "W", "Which city was he arriving in?"); !strings.Contains(r.Text, "Vienna") {
		t.Errorf("got %s %q, want Vienna", r.Kind, r.Text)
	}
	if r := inThread(t, b, "V", "Where are the nuclear talks being held?"); !strings.Contains(r.Text, "Vienna") {
		t.Fatalf("got %q, want the sentence naming Vienna", r.Text)
	}
	if r := inThread(t, b, "V", "Which city are the talks in?"); !strings.Contains(r.Text, "Vienna") {
		t.Errorf("got %s %q, want Vienna again", r.Kind, r.Text)
	}
}

// TestHandleNamesAskedOfPeopleJustSpokenOf: "any names?" after an answer
// that speaks of officials unnamed is answered by the sentence of its
// paragraph that names them, not by a name the question before gave.
func TestHandleNamesAskedOfPeopleJustSpokenOf(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	if r := inThread(t, b, "N", "does the support from the top actually filter down to other officials?"); !strings.Contains(r.Text, "trickle-down") {
		t.Fatalf("got %q, want the trickle-down effect", r.Text)
	}
	if r := inThread(t, b, "N", "any names?"); !strings.Contains(r.Text, "Zarif") {
		t.Errorf("got %s %q, want Zarif and Kerry", r.Kind, r.Text)
	}
	if r := inThread(t, b, "O", "what did obama and khamenei's support lead to further down the chain"); r.Kind != bot.KindAnswer {
		t.Fatalf("got %s %q, want an answer", r.Kind, r.Text)
	}
	if r := inThread(t, b, "O", "who specifically? any names"); !strings.Contains(r.Text, "Zarif") {
		t.Errorf("got %s %q, want Zarif and Kerry, not Obama and Khamenei again", r.Kind, r.Text)
	}
	// Where the paragraph names no one after the answer, a decline.
	if r := inThread(t, b, "P", "what is building confidence at the negotiating table?"); r.Kind != bot.KindAnswer {
		t.Fatalf("got %s %q, want an answer", r.Kind, r.Text)
	}
	if r := inThread(t, b, "P", "any names?"); r.Kind != bot.KindDeclined {
		t.Errorf("got %s %q, want a decline", r.Kind, r.Text)
	}
}

// TestHandleDoubtOfTheAnswer: "is the writer saying that's wrong?" after
// an answer gets the text's turn right after it.
func TestHandleDoubtOfTheAnswer(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	for _, tt := range []struct{ thread, first, doubt, want string }{
		{"S", "the writer mentions skepticism about the process", "is he saying thats wrong?", "an overemphasis on this skepticism"},
		{"F", "so what's everyone been focusing on at the vienna nuclear talks?", "is the writer saying that's the wrong thing to focus on?", "the bigger picture is no less important"},
		{"C", "what has most of the chatter around the vienna negotiations been about", "so is the writer saying thats all that counts?", "the bigger picture is no less important"},
	} {
		if r := inThread(t, b, tt.thread, tt.first); r.Kind != bot.KindAnswer {
			t.Fatalf("%q: got %s %q, want an answer", tt.first, r.Kind, r.Text)
		}
		if r := inThread(t, b, tt.thread, tt.doubt); !strings.Contains(r.Text, tt.want) {
			t.Errorf("%q: got %s %q, want %q", tt.doubt, r.Kind, r.Text, tt.want)
		}
	}
	// A bare "that" opens a clause with a topic of its own.
	if r := inThread(t, b, "S", "does the author think that iran is a superpower?"); !strings.Contains(r.Text, "regional power") {
		t.Errorf("got %s %q, want Iran a regional power", r.Kind, r.Text)
	}
}

// TestHandleFollowUpWithoutPreviousTurn shows that the cues of a follow-up
// mean nothing outside a conversation: an ellipsis gets the overview, like
// any question without a topic, and a pronoun is read as it stands.
func TestHandleFollowUpWithoutPreviousTurn(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	if r := inThread(t, b, "T1", "why?"); r.Kind != bot.KindSummary || r.AskKind != bot.AskOverview {
		t.Errorf("got %s (%s), want the overview", r.Kind, r.AskKind)
	}
	if r := inThread(t, b, "T2", "what did they provide?"); r.Kind != bot.KindAnswer || r.Question != "what did they provide?" {
		t.Errorf("got %s for %q, want an answer without context", r.Kind, r.Question)
	}
}

// TestHandleNextItemsOfTheList checks that a chain of "and the next?"
// walks the document's list from the place first asked for, whether the
// list was named by that question or by one before it.
func TestHandleNextItemsOfTheList(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	for _, tt := range []struct {
		thread string
		turns  []string
		want   []string // a phrase of each reply, from the second turn on
	}{
		{"T1", []string{"What's the first big-picture issue?", "and the next?", "and the next?", "and the next?"},
			[]string{"enormity of the task", "degree of skepticism", "dialogue among equals"}},
		{"T2", []string{"How many big-picture issues does the author raise?", "what's the first?", "and the next?"},
			[]string{"presence of spoilers", "enormity of the task"}},
	} {
		inThread(t, b, tt.thread, tt.turns[0])
		for i, q := range tt.turns[1:] {
			if r := inThread(t, b, tt.thread, q); !strings.Contains(r.Text, tt.want[i]) {
				t.Errorf("%s turn %d %q: got %q, want it to contain %q", tt.thread, i+2, q, r.Text, tt.want[i])
			}
		}
	}
	// Past the last item there is none: declined, not read as a question
	// about "next".
	if r := inThread(t, b, "T1", "and the next?"); r.Kind != bot.KindDeclined {
		t.Errorf("after the last item: got %s %q, want a decline", r.Kind, r.Text)
	}
}

// TestHandleNameAskedOfSomeoneUnnamed checks that a name asked of someone
// a pronoun stands for, whom the article does not name, is declined rather
// than answered by a sentence naming something else.
func TestHandleNameAskedOfSomeoneUnnamed(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	inThread(t, b, "W1", "who's the senior western official quoted")
	if r := inThread(t, b, "W1", "which country is he from?"); r.Kind != bot.KindDeclined {
		t.Errorf("got %s %q, want a decline", r.Kind, r.Text)
	}
	// "That official" points back as "he" does.
	inThread(t, b, "W2", "what did the western official tell the author")
	if r := inThread(t, b, "W2", "which country was that official from?"); r.Kind != bot.KindDeclined {
		t.Errorf("that official: got %s %q, want a decline", r.Kind, r.Text)
	}
}

// TestHandleThemeAskedByPlace checks that a question asking for one of
// the article's themes by its place ("what's the second big issue?") is
// answered under the theme's label, as the list of themes numbers it, and
// carries the theme.
func TestHandleThemeAskedByPlace(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	r := ask(t, b, "What's the second big issue the author lists?")
	if r.Kind != bot.KindAnswer || !strings.HasPrefix(r.Text, "2) Keeping Support At The Top\n") {
		t.Fatalf("got %s %q, want an answer opening with the theme's label", r.Kind, r.Text)
	}
	if len(r.Themes) != 1 || r.Themes[0].Number != 2 || r.Themes[0].Title != "Keeping Support At The Top" {
		t.Errorf("got themes %+v, want the second", r.Themes)
	}
	for _, q := range r.Quotes {
		if !strings.Contains(r.Text, q.Text) {
			t.Errorf("quote %q is not in the text %q", q.Text, r.Text)
		}
	}
	// Any other answer has no label.
	if r := ask(t, b, "What has Congress pushed for?"); len(r.Themes) != 0 || r.Text != r.Quotes[0].Text {
		t.Errorf("got themes %+v and text %q, want none and the quote alone", r.Themes, r.Text)
	}
}

// TestHandleMoreAtTheEnd checks that a request for more after the
// document's last sentence is declined, not read as a question of its own
// ("go" matching "go a long way").
func TestHandleMoreAtTheEnd(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	if r := inThread(t, b, "T1", "Where did this article originally appear?"); r.Kind != bot.KindAnswer || !strings.Contains(r.Text, "Huffington Post") {
		t.Fatalf("got %s %q, want the sentence about the Huffington Post", r.Kind, r.Text)
	}
	if r := inThread(t, b, "T1", "go on"); r.Kind != bot.KindDeclined {
		t.Errorf("got %s %q, want a decline", r.Kind, r.Text)
	}
}

func TestHandleFollowUpInDirectMessage(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	dm := func(text string) bot.Reply {
		return b.Handle(context.Background(), bot.Request{Platform: bot.Discord, User: "u", Channel: "D1", DM: true, Text: text})
	}
	if r := dm("What did Congress push for?"); r.Kind != bot.KindAnswer {
		t.Fatalf("got kind %q, want %q", r.Kind, bot.KindAnswer)
	}
	r := dm("and the Iranian side?")
	if !strings.Contains(r.Text, "Iranian hardliners are seeking ways") {
		t.Errorf("got %q, want the Iranian hardliners answer", r.Text)
	}
}

func TestHandleFollowUpContextExpires(t *testing.T) {
	clk := newClock(0)
	b := bot.New(newIndex(t), bot.Options{Now: clk.Now, ThreadTTL: time.Hour})
	inThread(t, b, "T1", "What did Congress push for?")
	clk.Advance(time.Hour)
	r := inThread(t, b, "T1", "and Khamenei?")
	if r.Question != "and Khamenei?" {
		t.Errorf("got question %q an hour later, want no context", r.Question)
	}
}

func TestHandleLogsEveryQuestion(t *testing.T) {
	store := bot.NewMemoryStore()
	b := bot.New(newIndex(t), bot.Options{Store: store, Now: newClock(time.Millisecond).Now})
	answered := b.Handle(context.Background(), bot.Request{Platform: bot.Discord, User: "u7", Text: "What has Congress pushed for?"})
	declined := ask(t, b, "Who won the World Cup?")
	ask(t, b, "themes") // not a question

	got := store.Questions()
	if len(got) != 2 {
		t.Fatalf("got %d logged questions, want 2", len(got))
	}
	want := []struct {
		id       string
		question string
		answered bool
	}{
		{answered.ID, "What has Congress pushed for?", true},
		{declined.ID, "Who won the World Cup?", false},
	}
	for i, w := range want {
		e := got[i]
		if e.ReplyID != w.id || e.Question != w.question || e.Answered != w.answered || e.Mode != bot.ModeExtractive {
			t.Errorf("entry %d: got %+v, want reply %s, question %q, answered %v, extractive", i, e, w.id, w.question, w.answered)
		}
		if e.Latency <= 0 || e.At.IsZero() {
			t.Errorf("entry %d: got latency %v at %v, want both set", i, e.Latency, e.At)
		}
	}
	if got[0].Platform != bot.Discord || got[0].User != "u7" {
		t.Errorf("got platform %q user %q, want discord u7", got[0].Platform, got[0].User)
	}
}

// failingStore fails to save feedback, log questions and claim
// deliveries.
type failingStore struct{ *bot.MemoryStore }

func (failingStore) SaveFeedback(context.Context, bot.Feedback) error { return errors.New("disk full") }
func (failingStore) LogQuestion(context.Context, bot.LogEntry) error  { return errors.New("disk full") }
func (failingStore) Claim(context.Context, string, time.Time, time.Duration) (bool, error) {
	return false, errors.New("disk full")
}

func TestHandleAnswersDespiteStoreFailure(t *testing.T) {
	var logs logBuffer
	b := bot.New(newIndex(t), bot.Options{Store: failingStore{bot.NewMemoryStore()}, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	r := ask(t, b, "What has Congress pushed for?")
	if r.Kind != bot.KindAnswer {
		t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, bot.KindAnswer)
	}
	if strings.Contains(r.Text, "disk full") {
		t.Errorf("got text %q, want no store error shown", r.Text)
	}
	if !strings.Contains(logs.String(), "disk full") {
		t.Errorf("got logs %q, want the store error logged", logs.String())
	}

	if err := b.Feedback(context.Background(), bot.Feedback{ReplyID: r.ID, User: "u"}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("got feedback error %v, want the store error wrapped", err)
	}
	// Deliveries fall back to the process: claimed once, still.
	for i, want := range []bool{true, false} {
		if got, err := b.FirstDelivery(context.Background(), "Ev1"); got != want || err != nil {
			t.Errorf("delivery %d with the store failing: got %v, %v; want %v, nil", i+1, got, err, want)
		}
	}
}

// panickingStore panics while logging a question.
type panickingStore struct{ failingStore }

func (panickingStore) LogQuestion(context.Context, bot.LogEntry) error {
	panic("secret internal state")
}

func TestHandleRecoversPanic(t *testing.T) {
	var logs logBuffer
	b := bot.New(newIndex(t), bot.Options{Store: panickingStore{failingStore{bot.NewMemoryStore()}}, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	r := ask(t, b, "What has Congress pushed for?")
	if r.Kind != bot.KindError || !strings.Contains(r.Text, "something went wrong on my side") {
		t.Fatalf("got %s %q, want an error reply saying something went wrong", r.Kind, r.Text)
	}
	if strings.Contains(r.Text, "secret") {
		t.Errorf("got text %q, want no internals", r.Text)
	}
	for _, want := range []string{"secret internal state", "goroutine", r.ID} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("got logs %q, want them to contain %q", logs.String(), want)
		}
	}
}

func TestHandleWithoutIndex(t *testing.T) {
	b := bot.New(nil, bot.Options{})
	if r := ask(t, b, "What has Congress pushed for?"); r.Kind != bot.KindError {
		t.Errorf("got kind %q, want %q before an index is loaded", r.Kind, bot.KindError)
	}
	if got := b.Themes(); len(got) != 0 {
		t.Errorf("got themes %v, want none", got)
	}
	b.SetIndex(newIndex(t))
	if r := ask(t, b, "What has Congress pushed for?"); r.Kind != bot.KindAnswer {
		t.Errorf("got kind %q, want %q after SetIndex", r.Kind, bot.KindAnswer)
	}
}

func TestSetIndexSwapsKnowledgeBase(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	if got := len(b.Themes()); got != 4 {
		t.Fatalf("got %d themes, want 4", got)
	}
	const q = "What do cascades of centrifuges do?"
	if r := ask(t, b, q); r.Kind != bot.KindDeclined {
		t.Errorf("got kind %q for a glossary question, want %q before the swap", r.Kind, bot.KindDeclined)
	}
	b.SetIndex(twoDocIndex(t))
	b.SetIndex(nil) // ignored
	if got := len(b.Themes()); got != 5 {
		t.Errorf("got %d themes after the swap, want 5", got)
	}
	r := ask(t, b, q)
	if r.Kind != bot.KindAnswer || r.Citations[r.Quotes[0].Citation].Doc != "glossary" {
		t.Errorf("got %s %q, want an answer from the glossary", r.Kind, r.Text)
	}
}

func TestHandleIDsAreUnique(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	seen := make(map[string]bool)
	for range 200 {
		id := ask(t, b, "help").ID
		if seen[id] {
			t.Fatalf("got id %s twice", id)
		}
		seen[id] = true
	}
}

func TestFeedback(t *testing.T) {
	store := bot.NewMemoryStore()
	clk := newClock(0)
	b := bot.New(newIndex(t), bot.Options{Store: store, Now: clk.Now})
	issued := ask(t, b, "What has Congress pushed for?").ID
	// A reply of another bot, with a key of its own: not one of b's.
	foreign := ask(t, bot.New(newIndex(t), bot.Options{ReplyKey: []byte("another key")}), "What has Congress pushed for?").ID
	tests := []struct {
		name    string
		f       bot.Feedback
		wantErr string
	}{
		{"no reply id", bot.Feedback{User: "u"}, "reply id"},
		{"no user", bot.Feedback{ReplyID: issued}, "user"},
		{"forged id", bot.Feedback{ReplyID: "abc", User: "u"}, "did not give"},
		{"another bot's reply", bot.Feedback{ReplyID: foreign, User: "u"}, "did not give"},
		{"tampered id", bot.Feedback{ReplyID: issued[:19] + string("01"[strings.IndexByte("0", issued[19])+1]), User: "u"}, "did not give"},
		{"valid", bot.Feedback{ReplyID: issued, User: "u", Platform: bot.Slack, Helpful: true, Theme: "Handling the Spoilers"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := b.Feedback(context.Background(), tt.f)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("got error %v, want none", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got error %v, want one mentioning %q", err, tt.wantErr)
			}
		})
	}
	got := store.Feedbacks()
	if len(got) != 1 {
		t.Fatalf("got %d stored feedbacks, want 1", len(got))
	}
	if f := got[0]; f.ReplyID != issued || !f.Helpful || f.Theme != "Handling the Spoilers" || !f.At.Equal(clk.Now()) {
		t.Errorf("got %+v, want the valid feedback with At filled", f)
	}
}

// TestSetReplyKey swaps the key that signs reply ids, as serve does when
// the replicas' shared key becomes available after a start with a key of
// its own: new ids are signed with the new key, which other replicas
// holding it accept, and ids signed with the key before are still accepted
// here, one key back.
func TestSetReplyKey(t *testing.T) {
	local, shared, third := []byte("this replica's own key"), []byte("the replicas' shared key"), []byte("yet another key")
	b := bot.New(newIndex(t), bot.Options{ReplyKey: local})
	replica := bot.New(newIndex(t), bot.Options{ReplyKey: shared}) // another replica
	before := ask(t, b, "What has Congress pushed for?").ID
	elsewhere := ask(t, replica, "What has Congress pushed for?").ID

	key := bytes.Clone(shared)
	b.SetReplyKey(key)
	key[0] ^= 1 // the bot keeps its own copy
	after := ask(t, b, "What has Congress pushed for?").ID
	b.SetReplyKey(nil)    // ignored
	b.SetReplyKey(shared) // the current key: the one before stays accepted

	accepts := func(b *bot.Bot, id string) bool {
		err := b.Feedback(context.Background(), bot.Feedback{ReplyID: id, User: "u", Helpful: true})
		if err != nil && !errors.Is(err, bot.ErrUnknownReply) {
			t.Fatalf("feedback on %s: %v", id, err)
		}
		return err == nil
	}
	tests := []struct {
		name string
		bot  *bot.Bot
		id   string
		want bool
	}{
		{"an id given before the swap, where it was given", b, before, true},
		{"an id given after the swap, where it was given", b, after, true},
		{"an id another replica gave with the shared key", b, elsewhere, true},
		{"an id given after the swap, on another replica", replica, after, true},
		{"an id given before the swap, on another replica", replica, before, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := accepts(tt.bot, tt.id); got != tt.want {
				t.Errorf("accepted: got %v, want %v", got, tt.want)
			}
		})
	}

	// Another swap forgets the first key: one key back is kept, no more.
	b.SetReplyKey(third)
	if accepts(b, before) || !accepts(b, after) || !accepts(b, ask(t, b, "help").ID) {
		t.Errorf("after a second swap: want the first key's ids refused, the second's and the third's accepted")
	}
}

// TestSetReplyKeyWhileAnswering swaps the reply key while replies are
// given and feedback is taken: every reply's id is accepted by the bot that
// gave it (the race detector checks the rest).
func TestSetReplyKeyWhileAnswering(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for range 20 {
				id := ask(t, b, "help").ID
				if err := b.Feedback(context.Background(), bot.Feedback{ReplyID: id, User: fmt.Sprint("u", i)}); err != nil {
					t.Errorf("feedback on a reply just given: %v", err)
					return
				}
			}
		})
	}
	wg.Go(func() {
		b.SetReplyKey([]byte("the shared key"))
	})
	wg.Wait()
}

func TestFeedbackTheme(t *testing.T) {
	store := bot.NewMemoryStore()
	key := []byte("a key both bots share")
	b := bot.New(newIndex(t), bot.Options{Store: store, ReplyKey: key})
	// A reply of another bot with the same key (another replica, or before
	// a restart): issued, but its theme is not remembered here.
	elsewhere := ask(t, bot.New(newIndex(t), bot.Options{ReplyKey: key}), "What has Congress pushed for?").ID
	answer := ask(t, b, "What has Congress pushed for?")
	summary := ask(t, b, "summary 2")
	overview := ask(t, b, "summary")
	declined := ask(t, b, "Who won the World Cup?")
	if answer.Kind != bot.KindAnswer || summary.Kind != bot.KindSummary || overview.Kind != bot.KindSummary || declined.Kind != bot.KindDeclined {
		t.Fatalf("got kinds %s, %s, %s, %s; want answer, summary, summary, declined", answer.Kind, summary.Kind, overview.Kind, declined.Kind)
	}
	tests := []struct {
		name  string
		id    string
		theme string // given by the adapter
		want  string
	}{
		{"answer", answer.ID, "", "Handling the Spoilers"},
		{"summary", summary.ID, "", "Keeping Support At The Top"},
		{"theme given by the adapter", answer.ID, "Pursuing Interests Over Ideology", "Pursuing Interests Over Ideology"},
		{"summary of every theme", overview.ID, "", ""},
		{"declined", declined.ID, "", ""},
		{"a reply given elsewhere", elsewhere, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := b.Feedback(context.Background(), bot.Feedback{ReplyID: tt.id, User: "u", Theme: tt.theme}); err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			saved := store.Feedbacks() // a new vote replaces the user's earlier one, last
			if got := saved[len(saved)-1]; got.ReplyID != tt.id || got.Theme != tt.want {
				t.Errorf("got feedback on %s with theme %q, want theme %q", got.ReplyID, got.Theme, tt.want)
			}
		})
	}
}

func TestFirstDelivery(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	ctx := context.Background()
	if _, err := b.FirstDelivery(ctx, ""); err == nil {
		t.Error("got no error for an empty event id, want one")
	}
	for i, want := range []bool{true, false, false} {
		got, err := b.FirstDelivery(ctx, "Ev123")
		if err != nil || got != want {
			t.Errorf("delivery %d: got %v, %v; want %v, nil", i+1, got, err, want)
		}
	}
	if got, _ := b.FirstDelivery(ctx, "Ev124"); !got {
		t.Error("got false for another event, want true")
	}
}

func TestSmallTalkGetsAFriendlyHelp(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	tests := []struct{ text, opening string }{
		{"hello", "Hello!"},
		{"Hi there!", "Hello!"},
		{"thanks!", "You're welcome!"},
		{"thank you so much", "You're welcome!"},
		{"ok cool", "Glad to help!"},
		{"bye", "Goodbye!"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := ask(t, b, tt.text)
			if r.Kind != bot.KindHelp || !strings.HasPrefix(r.Text, tt.opening) {
				t.Errorf("got %s %q, want a help reply opening with %q", r.Kind, r.Text, tt.opening)
			}
			// Short: a pointer to help, not the whole of it.
			if strings.Contains(r.Text, "Commands:") || len(r.Themes) > 0 || !strings.Contains(r.Text, "Type help") {
				t.Errorf("got %q with %d themes, want a short reply pointing to help", r.Text, len(r.Themes))
			}
		})
	}
	// A question that happens to use such words is still a question.
	if r := ask(t, b, "Is a good deal possible?"); r.Kind == bot.KindHelp {
		t.Errorf("got a help reply for a question")
	}
}

func TestTopiclessQuestionGetsTheOverview(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	for _, q := range []string{"What is this article about?", "what's it about", "What does the article say?"} {
		r := ask(t, b, q)
		if r.Kind != bot.KindSummary || len(r.Themes) != 4 || len(r.Citations) == 0 {
			t.Errorf("%q: got %s with %d themes and %d citations, want the overview of the 4 themes", q, r.Kind, len(r.Themes), len(r.Citations))
		}
	}
	if r := ask(t, b, "Who won the World Cup?"); r.Kind != bot.KindDeclined {
		t.Errorf("got %s, want a decline", r.Kind)
	}
}
