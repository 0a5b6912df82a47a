package bot_test

import (
	"encoding/json"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

func TestNewAskShape(t *testing.T) {
	r := ask(t, bot.New(newIndex(t), bot.Options{}), "What has Congress pushed for?")
	a := bot.NewAsk("What has Congress pushed for?", r, 3, 1500*time.Microsecond)
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	var obj map[string]any
	if err := json.Unmarshal(data, &obj); err != nil {
		t.Fatalf("unmarshal %s: %v", data, err)
	}
	var keys []string
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"answer", "answered", "citations", "kind", "mode", "question", "took_ms"}; !slices.Equal(keys, want) {
		t.Errorf("got keys %v, want %v (no model in extractive mode)", keys, want)
	}
	if obj["question"] != "What has Congress pushed for?" || obj["kind"] != "answer" || obj["answered"] != true || obj["answer"] != r.Text ||
		obj["mode"] != "extractive" || obj["took_ms"] != 1.5 {
		t.Errorf("got %s, want the question answered extractively in 1.5 ms", data)
	}
	cites, _ := obj["citations"].([]any)
	if len(cites) != len(r.Citations) || len(cites) == 0 {
		t.Fatalf("got %d citations, want the reply's %d", len(cites), len(r.Citations))
	}
	c, _ := cites[0].(map[string]any)
	want := r.Citations[0]
	if c["id"] != want.ID || c["doc"] != want.Doc || c["title"] != want.Title || c["section"] != want.Section ||
		c["text"] != want.Text || c["score"] != want.Score || len(c) != 6 {
		t.Errorf("got citation %v, want the fields of %+v", c, want)
	}
}

func TestNewAsk(t *testing.T) {
	cites := []bot.Citation{
		{ID: "a#1", Score: 2.5},
		{ID: "a#2", Score: math.NaN()},
		{ID: "a#3", Score: math.Inf(1)},
		{ID: "a#4", Score: math.Inf(-1)},
	}
	tests := []struct {
		name       string
		reply      bot.Reply
		k          int
		wantIDs    []string
		wantScores []float64
		answered   bool
		kind       bot.AskKind
		mode       string
		model      string
	}{
		{"k truncates", bot.Reply{Kind: bot.KindAnswer, Citations: cites, Mode: bot.ModeExtractive}, 2,
			[]string{"a#1", "a#2"}, []float64{2.5, 0}, true, bot.AskAnswer, "extractive", ""},
		{"k zero keeps all, non-finite scores become 0", bot.Reply{Kind: bot.KindAnswer, Citations: cites, Mode: bot.ModeExtractive}, 0,
			[]string{"a#1", "a#2", "a#3", "a#4"}, []float64{2.5, 0, 0, 0}, true, bot.AskAnswer, "extractive", ""},
		{"k above the count", bot.Reply{Kind: bot.KindAnswer, Citations: cites[:1], Mode: bot.ModeLLM, Model: "m-1"}, 5,
			[]string{"a#1"}, []float64{2.5}, true, bot.AskAnswer, "llm", "m-1"},
		{"model only in llm mode", bot.Reply{Kind: bot.KindAnswer, Mode: bot.ModeExtractive, Model: "m-1"}, 3,
			[]string{}, []float64{}, true, bot.AskAnswer, "extractive", ""},
		{"declined, mode defaults to extractive", bot.Reply{Kind: bot.KindDeclined}, 3,
			[]string{}, []float64{}, false, bot.AskDeclined, "extractive", ""},
		{"error is not answered", bot.Reply{Kind: bot.KindError, Mode: bot.ModeExtractive}, 3,
			[]string{}, []float64{}, false, bot.AskDeclined, "extractive", ""},
		{"overview is not answered", bot.Reply{Kind: bot.KindSummary, AskKind: bot.AskOverview, Mode: bot.ModeExtractive}, 3,
			[]string{}, []float64{}, false, bot.AskOverview, "extractive", ""},
		{"small talk is not answered", bot.Reply{Kind: bot.KindHelp, AskKind: bot.AskSmallTalk}, 3,
			[]string{}, []float64{}, false, bot.AskSmallTalk, "extractive", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := bot.NewAsk("q", tt.reply, tt.k, 0)
			if a.Answered != tt.answered || a.Kind != tt.kind || a.Mode != tt.mode || a.Model != tt.model {
				t.Errorf("got answered %v kind %q mode %q model %q, want %v %q %q %q",
					a.Answered, a.Kind, a.Mode, a.Model, tt.answered, tt.kind, tt.mode, tt.model)
			}
			if a.Citations == nil {
				t.Fatal("got nil citations, want a non-nil slice")
			}
			var ids []string
			var scores []float64
			for _, c := range a.Citations {
				ids = append(ids, c.ID)
				scores = append(scores, c.Score)
			}
			if !slices.Equal(ids, tt.wantIDs) {
				t.Errorf("got citations %v, want %v", ids, tt.wantIDs)
			}
			if !slices.Equal(scores, tt.wantScores) {
				t.Errorf("got scores %v, want %v", scores, tt.wantScores)
			}
			data, err := json.Marshal(a)
			if err != nil {
				t.Fatalf("marshal: %v (non-finite scores must not reach JSON)", err)
			}
			var back struct {
				Citations json.RawMessage `json:"citations"`
				Model     *string         `json:"model"`
			}
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatalf("unmarshal %s: %v", data, err)
			}
			if string(back.Citations) == "null" {
				t.Errorf("got %s, want citations [] rather than null", data)
			}
			if (back.Model != nil) != (tt.model != "") {
				t.Errorf("got %s, want a model field only in llm mode", data)
			}
		})
	}
}

// TestAskKinds shows what each kind of question becomes, as the bot
// replies to it.
func TestAskKinds(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{})
	tests := []struct {
		question string
		kind     bot.AskKind
		answered bool
	}{
		{"What has Congress pushed for?", bot.AskAnswer, true},
		{"Who won the World Cup?", bot.AskDeclined, false},
		{"What is this article about?", bot.AskOverview, false},
		{"thanks!", bot.AskSmallTalk, false},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			r := ask(t, b, tt.question)
			if r.AskKind != tt.kind {
				t.Errorf("got reply %s with ask kind %q, want %q", r.Kind, r.AskKind, tt.kind)
			}
			a := bot.NewAsk(tt.question, r, 3, 0)
			if a.Kind != tt.kind || a.Answered != tt.answered {
				t.Errorf("got kind %q answered %v, want %q %v", a.Kind, a.Answered, tt.kind, tt.answered)
			}
		})
	}
	if r := ask(t, b, "themes"); r.AskKind != "" {
		t.Errorf("got ask kind %q for a command, want none", r.AskKind)
	}
}

func TestAskCitationsNeverNil(t *testing.T) {
	for _, cs := range [][]bot.Citation{nil, {}} {
		if got := bot.AskCitations(cs, 3); got == nil || len(got) != 0 {
			t.Errorf("AskCitations(%v, 3): got %#v, want an empty non-nil slice", cs, got)
		}
	}
}
