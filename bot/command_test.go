package bot_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot"
)

func TestParseCommand(t *testing.T) {
	tests := []struct {
		text string
		want bot.Command
	}{
		{"What has Congress pushed for?", bot.Command{Name: "ask", Arg: "What has Congress pushed for?"}},
		{"  ask   What has Congress pushed for?  ", bot.Command{Name: "ask", Arg: "What has Congress pushed for?"}},
		{"ASK who?", bot.Command{Name: "ask", Arg: "who?"}},
		{"ask", bot.Command{Name: "ask"}},
		{"summary spoilers", bot.Command{Name: "summary", Arg: "spoilers"}},
		{"Summarize 2", bot.Command{Name: "summary", Arg: "2"}},
		{"summarise the ideology one", bot.Command{Name: "summary", Arg: "the ideology one"}},
		{"summary", bot.Command{Name: "summary"}},
		{"themes", bot.Command{Name: "themes"}},
		{"Topics?", bot.Command{Name: "themes"}},
		{"sources please", bot.Command{Name: "sources"}},
		{"help", bot.Command{Name: "help"}},
		{"/talks help", bot.Command{Name: "help"}},
		{"/TALKS summary equals", bot.Command{Name: "summary", Arg: "equals"}},
		{"/talks Who is Zarif?", bot.Command{Name: "ask", Arg: "Who is Zarif?"}},
		{"/talks", bot.Command{Name: "help"}},
		{"talks themes", bot.Command{Name: "themes"}},
		{"talks", bot.Command{Name: "help"}},
		{"talks in Vienna began when?", bot.Command{Name: "ask", Arg: "talks in Vienna began when?"}},
		{"/help", bot.Command{Name: "help"}},
		{"/summary spoilers", bot.Command{Name: "summary", Arg: "spoilers"}},
		{"/frobnicate now", bot.Command{Name: "help", Arg: "/frobnicate"}},
		{"/talks /dance", bot.Command{Name: "help", Arg: "/dance"}},
		{"", bot.Command{Name: "help"}},
		{"   ", bot.Command{Name: "help"}},
		{"summary\tspoilers", bot.Command{Name: "summary", Arg: "spoilers"}},
		{"helpful tips?", bot.Command{Name: "ask", Arg: "helpful tips?"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := bot.ParseCommand(tt.text); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

var knownCommands = map[string]bool{"ask": true, "summary": true, "themes": true, "sources": true, "help": true}

func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{
		"", " ", "help", "/talks", "/talks summary spoilers", "talks", "talks ask why?", "ASK",
		"summarise 2", "topics", "/frobnicate x", "/", "//", "What has Congress pushed for?",
		"\xff\xfe", "ask \x00", "/talks\u00a0themes", "\u2028help", "summary:", "？",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c := bot.ParseCommand(text)
		if !knownCommands[c.Name] {
			t.Fatalf("ParseCommand(%q): got name %q, want a known command", text, c.Name)
		}
		if c.Arg != strings.TrimSpace(c.Arg) {
			t.Errorf("ParseCommand(%q): got arg %q with surrounding space", text, c.Arg)
		}
		if utf8.ValidString(text) && !utf8.ValidString(c.Arg) {
			t.Errorf("ParseCommand(%q): got invalid UTF-8 arg %q", text, c.Arg)
		}
		if (c.Name == "themes" || c.Name == "sources") && c.Arg != "" {
			t.Errorf("ParseCommand(%q): got arg %q for %s, want none", text, c.Arg, c.Name)
		}
		if c.Name == "ask" && c.Arg == "" && !strings.Contains(strings.ToLower(text), "ask") {
			t.Errorf("ParseCommand(%q): got an empty question", text)
		}
	})
}

func FuzzHandle(f *testing.F) {
	for _, s := range []string{
		"What has Congress pushed for?", "and Khamenei?", "summary spoilers", "summary zzz",
		"themes", "/x", "", "\x00", "\xff", "ask", "and", "\"\"\"", "“", strings.Repeat("sanctions ", 250),
	} {
		f.Add(s)
	}
	b := bot.New(newIndex(f), bot.Options{})
	f.Fuzz(func(t *testing.T, text string) {
		r := b.Handle(context.Background(), bot.Request{Platform: bot.Console, Channel: "c", Thread: "t", Text: text})
		if r.Kind == "" || r.Text == "" || r.ID == "" {
			t.Fatalf("Handle(%q): got %+v, want a kind, a text and an id", text, r)
		}
		if strings.Contains(r.Text, "something went wrong") {
			t.Fatalf("Handle(%q): recovered from a panic", text)
		}
		if r.Kind == bot.KindAnswer && len(r.Quotes) == 0 {
			t.Errorf("Handle(%q): got an answer without quotes", text)
		}
		if r.Kind == bot.KindDeclined && len(r.Citations) != 0 {
			t.Errorf("Handle(%q): got a decline with citations", text)
		}
	})
}
