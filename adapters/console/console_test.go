package console_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/talksbot/talksbot/adapters/console"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

var (
	citeSanctions = bot.Citation{ID: "talks#4", Doc: "talks", Title: "Vienna Talks", Section: "Handling the Spoilers",
		Text: "The most recent efforts. Congress has pushed for more hard-hitting sanctions.", Score: 7.5}
	citeSupport = bot.Citation{ID: "talks#6", Doc: "talks", Title: "Vienna Talks", Section: "Keeping Support At The Top",
		Text: "Support at the top has helped.", Score: 3.25}
	citeLead = bot.Citation{ID: "talks#1", Doc: "talks", Title: "Vienna Talks", Section: "Introduction",
		Text: "As nuclear talks commence here in Vienna.", Score: 1}
	themes = []bot.ThemeRef{
		{Number: 1, Title: "Handling the Spoilers", Doc: "Vienna Talks"},
		{Number: 2, Title: "Keeping Support At The Top", Doc: "Vienna Talks"},
	}
	extractive = bot.Reply{
		ID: "r1", Kind: bot.KindAnswer, Question: "What has Congress pushed for?",
		Text:      "Congress has pushed for more hard-hitting sanctions. Support at the top has helped.",
		Quotes:    []bot.Quote{{Text: "Congress has pushed for more hard-hitting sanctions.", Citation: 0}, {Text: "Support at the top has helped.", Citation: 1}},
		Citations: []bot.Citation{citeSanctions, citeSupport, citeLead},
		Mode:      bot.ModeExtractive,
	}
	drafted = bot.Reply{
		ID: "r2", Kind: bot.KindAnswer, Text: "Congress wants tougher sanctions [1].",
		Quotes:    []bot.Quote{{Text: "Congress has pushed for more hard-hitting sanctions.", Citation: 0}},
		Citations: []bot.Citation{citeSanctions},
		Mode:      bot.ModeLLM, Model: "tiny-model",
	}
	declined = bot.Reply{ID: "r3", Kind: bot.KindDeclined, Text: "The article doesn't cover that.", Themes: themes, Mode: bot.ModeExtractive}
	summary  = bot.Reply{
		ID: "r4", Kind: bot.KindSummary, Text: "Support at the top has helped.",
		Quotes:    []bot.Quote{{Text: "Support at the top has helped.", Citation: 0}},
		Citations: []bot.Citation{{ID: "talks#6", Doc: "talks", Title: "Vienna Talks", Section: "Keeping Support At The Top", Text: "Support at the top has helped."}},
		Themes:    themes[1:], Mode: bot.ModeExtractive,
	}
)

// render renders r and fails the test on error.
func render(t *testing.T, r bot.Reply) string {
	t.Helper()
	var b bytes.Buffer
	if err := console.Render(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestRender(t *testing.T) {
	tests := []struct {
		name  string
		reply bot.Reply
		want  string
	}{
		{"extractive answer", extractive,
			"“Congress has pushed for more hard-hitting sanctions.”\n" +
				"  — Handling the Spoilers (talks)\n\n" +
				"“Support at the top has helped.”\n" +
				"  — Keeping Support At The Top (talks)\n"},
		{"drafted answer", drafted,
			"Congress wants tougher sanctions [1].\n\nSources:\n[1] Handling the Spoilers (talks)\n"},
		{"declined", declined,
			"The article doesn't cover that.\n\nThemes it covers:\n  1) Handling the Spoilers\n  2) Keeping Support At The Top\n"},
		{"summary of one theme", summary,
			"2) Keeping Support At The Top\n\n“Support at the top has helped.”\n  — Keeping Support At The Top (talks)\n"},
		{"answer about one theme", bot.Reply{Kind: bot.KindAnswer, Text: "2) Keeping Support At The Top\nSupport at the top has helped.",
			Quotes: summary.Quotes, Citations: summary.Citations, Themes: themes[1:], Mode: bot.ModeExtractive},
			"2) Keeping Support At The Top\n\n“Support at the top has helped.”\n  — Keeping Support At The Top (talks)\n"},
		{"overview of every theme", bot.Reply{Kind: bot.KindSummary, Text: "Handling the Spoilers: A.\nKeeping Support At The Top: B.", Themes: themes},
			"Handling the Spoilers: A.\nKeeping Support At The Top: B.\n"},
		{"themes as worded", bot.Reply{Kind: bot.KindThemes, Text: "The themes:\n1) Handling the Spoilers", Themes: themes[:1]},
			"The themes:\n1) Handling the Spoilers\n"},
		{"themes without text", bot.Reply{Kind: bot.KindThemes, Themes: []bot.ThemeRef{themes[0], {Number: 3, Title: "Other", Doc: "Notes"}}},
			"Themes:\n  1) Handling the Spoilers (Vienna Talks)\n  3) Other (Notes)\n"},
		{"sources without text", bot.Reply{Kind: bot.KindSources, Sources: []bot.SourceRef{{Title: "Vienna Talks", Source: "Huffington Post", Passages: 12}}},
			"Sources:\n  Vienna Talks (Huffington Post), 12 passages\n"},
		{"one passage", bot.Reply{Kind: bot.KindSources, Sources: []bot.SourceRef{{Title: "Notes", Passages: 1}}},
			"Sources:\n  Notes, 1 passage\n"},
		{"help", bot.Reply{Kind: bot.KindHelp, Text: "Ask me.", Themes: themes[:1]},
			"Ask me.\n\nThemes:\n  1) Handling the Spoilers\n"},
		{"error", bot.Reply{Kind: bot.KindError, Text: "Your message is too long."},
			"Your message is too long.\n"},
		{"citation index out of range", bot.Reply{Kind: bot.KindAnswer, Quotes: []bot.Quote{{Text: "Q.", Citation: 5}}, Mode: bot.ModeExtractive},
			"“Q.”\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(t, tc.reply); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestStream(t *testing.T) {
	llmReply := bot.Reply{Kind: bot.KindAnswer, Text: "Congress wants sanctions [1]. Support helped [2].",
		Citations: []bot.Citation{citeSanctions, citeSupport}, Mode: bot.ModeLLM, Model: "tiny-model"}
	const sources = "\n\nSources:\n[1] Handling the Spoilers (talks)\n[2] Keeping Support At The Top (talks)\n"
	tests := []struct {
		name     string
		partials []string
		reply    bot.Reply
		want     string
	}{
		{"no progress renders the reply", nil, extractive, render(t, extractive)},
		{"draft streamed, then its sources", []string{"Congress wants sanctions [1].", "Congress wants sanctions [1]. Support helped [2]."}, llmReply,
			"Congress wants sanctions [1]. Support helped [2]." + sources},
		{"a partial that does not extend what was printed is skipped",
			[]string{"Congress wants sanctions [1].", "Something else.", "Congress wants sanctions [1]. Support"}, llmReply,
			"Congress wants sanctions [1]. Support helped [2]." + sources},
		{"draft replaced by the quoted answer", []string{"Congress wants sanctions [1]."}, extractive,
			"Congress wants sanctions [1]." +
				"\n\n(The draft above could not be checked against the sources; here is the answer from them.)\n\n" +
				render(t, extractive)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			st := console.NewStream(&b)
			var progress []string
			for _, p := range tc.partials {
				st.Progress(p)
				progress = append(progress, b.String())
			}
			if len(tc.partials) > 0 && progress[0] != tc.partials[0] {
				t.Errorf("after the first partial got %q, want it printed at once", progress[0])
			}
			if err := st.Finish(tc.reply); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tc.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tc.want)
			}
		})
	}
}

func TestStreamIgnoresProgressAfterFinish(t *testing.T) {
	llmReply := bot.Reply{Kind: bot.KindAnswer, Text: "Congress wants sanctions [1].",
		Citations: []bot.Citation{citeSanctions}, Mode: bot.ModeLLM, Model: "tiny-model"}
	tests := []struct {
		name     string
		partials []string // before Finish
	}{
		{"nothing streamed before", nil},
		{"draft streamed before", []string{"Congress wants sanctions [1]."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			st := console.NewStream(&b)
			for _, p := range tc.partials {
				st.Progress(p)
			}
			if err := st.Finish(llmReply); err != nil {
				t.Fatal(err)
			}
			want := b.String()
			// A late chunk of the draft, as a slow drafter may deliver it.
			st.Progress("Congress wants sanctions [1]. And more")
			if got := b.String(); got != want {
				t.Errorf("got:\n%q\nwant:\n%q (nothing printed after Finish)", got, want)
			}
		})
	}
}

func TestStreamWriteError(t *testing.T) {
	st := console.NewStream(failingWriter{})
	st.Progress("Congress wants sanctions [1].")
	if err := st.Finish(drafted); err == nil || !strings.Contains(err.Error(), "closed pipe") {
		t.Errorf("got %v, want the write error", err)
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

// streamingBot streams its draft through Progress before replying and
// notes what the output held by then.
type streamingBot struct {
	reply bot.Reply
	out   *bytes.Buffer
	seen  string
}

func (s *streamingBot) Handle(ctx context.Context, req bot.Request) bot.Reply {
	if req.Progress != nil {
		req.Progress("Congress wants")
		req.Progress("Congress wants tougher sanctions [1].")
	}
	s.seen = s.out.String()
	return s.reply
}

func TestChatStreamsDrafts(t *testing.T) {
	var out bytes.Buffer
	b := &streamingBot{reply: drafted, out: &out}
	if err := console.Chat(context.Background(), b, strings.NewReader("What has Congress pushed for?\n"), &out, console.ChatOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := "> What has Congress pushed for?\nCongress wants tougher sanctions [1]."; b.seen != want {
		t.Errorf("while drafting the output held %q, want %q", b.seen, want)
	}
	want := "> What has Congress pushed for?\nCongress wants tougher sanctions [1].\n\nSources:\n[1] Handling the Spoilers (talks)\n\n"
	if got := out.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSummaryAndThemesJSON(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"summary", console.NewSummary(summary),
			`{"theme":"Keeping Support At The Top","summary":"Support at the top has helped.","citations":[` +
				`{"id":"talks#6","doc":"talks","title":"Vienna Talks","section":"Keeping Support At The Top","text":"Support at the top has helped.","score":0}]}`},
		{"summary of nothing", console.NewSummary(bot.Reply{Kind: bot.KindSummary, Text: "Nothing."}),
			`{"theme":"","summary":"Nothing.","citations":[]}`},
		{"every summary", console.Summaries{Themes: []console.Summary{console.NewSummary(summary)}},
			`{"themes":[{"theme":"Keeping Support At The Top","summary":"Support at the top has helped.","citations":[` +
				`{"id":"talks#6","doc":"talks","title":"Vienna Talks","section":"Keeping Support At The Top","text":"Support at the top has helped.","score":0}]}]}`},
		{"themes", console.NewThemes([]knowledge.Theme{
			{Number: 1, Doc: "talks", DocTitle: "Vienna Talks", Title: "Handling the Spoilers"},
			{Number: 2, Doc: "notes", DocTitle: "Field Notes", Title: "Keeping Support At The Top", Section: 3},
		}),
			`{"themes":[{"number":1,"title":"Handling the Spoilers","doc":"talks","doc_title":"Vienna Talks"},` +
				`{"number":2,"title":"Keeping Support At The Top","doc":"notes","doc_title":"Field Notes"}]}`},
		{"no themes", console.NewThemes(nil), `{"themes":[]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := console.WriteJSON(&b, tc.v); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSuffix(b.String(), "\n"); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestWriteJSONKeepsMarkup(t *testing.T) {
	var b bytes.Buffer
	if err := console.WriteJSON(&b, map[string]string{"a": "<b> & c"}); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "{\"a\":\"<b> & c\"}\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var back map[string]string
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back["a"] != "<b> & c" {
		t.Errorf("got %v (%v), want the text back", back, err)
	}
}

// fakeBot records the requests it gets and answers each with an error reply
// echoing the text, so the output shows what was asked.
type fakeBot struct {
	mu   sync.Mutex
	reqs []bot.Request
}

func (f *fakeBot) Handle(ctx context.Context, req bot.Request) bot.Reply {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reqs = append(f.reqs, req)
	return bot.Reply{Kind: bot.KindError, Text: "echo: " + req.Text}
}

func (f *fakeBot) texts() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, r := range f.reqs {
		out = append(out, r.Text)
	}
	return out
}

var _ console.Handler = (*fakeBot)(nil)

func TestChat(t *testing.T) {
	long := strings.Repeat("x", console.MaxLine+1)
	tests := []struct {
		name    string
		input   string
		opts    console.ChatOptions
		want    []string // texts the bot gets
		wantOut string
	}{
		{"questions and commands until EOF", "What has Congress pushed for?\n\n   \nand Khamenei?\nsummary 2\nthemes\nhelp\n", console.ChatOptions{},
			[]string{"What has Congress pushed for?", "and Khamenei?", "summary 2", "themes", "help"},
			"> What has Congress pushed for?\necho: What has Congress pushed for?\n\n> and Khamenei?\necho: and Khamenei?\n\n" +
				"> summary 2\necho: summary 2\n\n> themes\necho: themes\n\n> help\necho: help\n\n"},
		{"quit ends it", "first\nquit\nsecond\n", console.ChatOptions{}, []string{"first"}, "> first\necho: first\n\n"},
		{"exit in any case ends it", "  EXIT \nsecond\n", console.ChatOptions{}, nil, ""},
		{"last line without newline and CRLF", "one\r\ntwo", console.ChatOptions{}, []string{"one", "two"}, "> one\necho: one\n\n> two\necho: two\n\n"},
		{"prompt on request", "one\n", console.ChatOptions{Prompt: true}, []string{"one"},
			"Ask a question, or type help. quit or Ctrl-D leaves.\n> echo: one\n\n> \n"},
		{"over-long line refused", long + "\nafter\n", console.ChatOptions{}, []string{"after"},
			"That line is too long (over 64 KiB); please ask something shorter.\n\n> after\necho: after\n\n"},
		{"empty input", "", console.ChatOptions{}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeBot{}
			var out bytes.Buffer
			if err := console.Chat(context.Background(), f, strings.NewReader(tc.input), &out, tc.opts); err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if got := f.texts(); strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("bot got %q, want %q", got, tc.want)
			}
			if got := out.String(); got != tc.wantOut {
				t.Errorf("output:\ngot  %q\nwant %q", got, tc.wantOut)
			}
		})
	}
}

func TestChatKeepsOneThread(t *testing.T) {
	f := &fakeBot{}
	in := "What has Congress pushed for?\nand Khamenei?\nsummary 1\n"
	if err := console.Chat(context.Background(), f, strings.NewReader(in), io.Discard, console.ChatOptions{}); err != nil {
		t.Fatal(err)
	}
	if len(f.reqs) != 3 {
		t.Fatalf("got %d requests, want 3", len(f.reqs))
	}
	first := f.reqs[0]
	if first.Thread == "" || first.User == "" || first.Channel == "" || first.Platform != bot.Console {
		t.Errorf("got request %+v, want console platform, user, channel and thread set", first)
	}
	for i, r := range f.reqs[1:] {
		if r.Thread != first.Thread || r.Channel != first.Channel || r.User != first.User {
			t.Errorf("request %d: got thread %q channel %q user %q, want those of the first", i+2, r.Thread, r.Channel, r.User)
		}
	}

	f = &fakeBot{}
	opts := console.ChatOptions{User: "u1", Thread: "t1"}
	if err := console.Chat(context.Background(), f, strings.NewReader("hi\n"), io.Discard, opts); err != nil {
		t.Fatal(err)
	}
	if r := f.reqs[0]; r.User != "u1" || r.Thread != "t1" {
		t.Errorf("got user %q thread %q, want u1 and t1", r.User, r.Thread)
	}
}

func TestChatStopsWithContext(t *testing.T) {
	pr, pw := io.Pipe()
	t.Cleanup(func() { pw.Close() }) // ends the pending read
	ctx, cancel := context.WithCancel(context.Background())
	f := &fakeBot{}
	errc := make(chan error, 1)
	go func() { errc <- console.Chat(ctx, f, pr, io.Discard, console.ChatOptions{}) }()

	if _, err := io.WriteString(pw, "first\n"); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("got error %v, want none", err)
	}
}

// failingReader fails every read.
type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestChatReadError(t *testing.T) {
	err := console.Chat(context.Background(), &fakeBot{}, failingReader{}, io.Discard, console.ChatOptions{})
	if err == nil || !strings.Contains(err.Error(), "read input") {
		t.Errorf("got %v, want a read error", err)
	}
}

func ExampleRender() {
	reply := bot.Reply{
		Kind:   bot.KindAnswer,
		Mode:   bot.ModeExtractive,
		Quotes: []bot.Quote{{Text: "Congress has pushed for more hard-hitting sanctions.", Citation: 0}},
		Citations: []bot.Citation{{ID: "vienna-talks#4", Doc: "vienna-talks", Title: "Vienna Nuclear Talks",
			Section: "Handling the Spoilers", Text: "Congress has pushed for more hard-hitting sanctions."}},
	}
	_ = console.Render(os.Stdout, reply)
	// Output:
	// “Congress has pushed for more hard-hitting sanctions.”
	//   — Handling the Spoilers (vienna-talks)
}
