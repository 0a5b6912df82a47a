package main

import (
	"encoding/json"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot"
)

// conversationCases are eval cases on the embedded article. "why" is
// answered only because its turns share a thread: "why-alone", the same
// last question alone, gets the overview. Each case has a thread of its
// own, so "why-alone" is not read as a follow-up of "why" before it. In
// "zarif", the declined second turn leaves the first as the context.
const conversationCases = `{"id":"why","turns":["What did Congress push for?","why?"],"expect_any":["hard-hitting sanctions"]}
{"id":"why-alone","question":"why?","expect_any":["hard-hitting sanctions"]}
{"id":"zarif","turns":["Who is Zarif?","Who won the World Cup?","what did he say?"],"expect_any":["Foreign Minister Zarif"]}
{"id":"cup","turns":["What did Congress push for?","Who won the World Cup?"],"unanswerable":true}
{"id":"about","turns":["What did Congress push for?","What is this article about?"],"expect_kind":"overview"}
{"id":"overview","question":"What does the article say?","expect_kind":"overview"}
{"id":"not-overview","question":"What has Congress pushed for?","expect_kind":"overview"}
`

// evalJSON is the part of the eval JSON report these tests read.
type evalJSON struct {
	Questions            int     `json:"questions"`
	Answerable           int     `json:"answerable"`
	Unanswerable         int     `json:"unanswerable"`
	HitAt1               float64 `json:"hit_at_1"`
	HitAt3               float64 `json:"hit_at_3"`
	MRRAt3               float64 `json:"mrr_at_3"`
	AnswerHit            float64 `json:"answer_hit"`
	FalseDeclineRate     float64 `json:"false_decline_rate"`
	Conversations        int     `json:"conversations"`
	ConversationAccuracy float64 `json:"conversation_accuracy"`
	Results              []struct {
		ID       string   `json:"id"`
		Question string   `json:"question"`
		Turns    []string `json:"turns"`
		Answered bool     `json:"answered"`
		HitAt1   bool     `json:"hit_at_1"`
		OK       bool     `json:"ok"`
		Problems []string `json:"problems"`
	} `json:"results"`
}

func TestEvalConversations(t *testing.T) {
	cleanEnv(t)
	path := filepath.Join(writeFiles(t, map[string]string{"conv.jsonl": conversationCases}), "conv.jsonl")
	r := runCLI(t, "", "eval", "--json", path)
	wantExit(t, r, 0)
	var rep evalJSON
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Questions != 7 || rep.Answerable != 6 || rep.Unanswerable != 1 || rep.Conversations != 4 {
		t.Errorf("got %d questions (%d answerable, %d unanswerable, %d conversations), want 7 (6, 1, 4)",
			rep.Questions, rep.Answerable, rep.Unanswerable, rep.Conversations)
	}
	if rep.ConversationAccuracy != 1 {
		t.Errorf("got conversation accuracy %v, want 1", rep.ConversationAccuracy)
	}
	want := map[string]struct {
		ok       bool
		turns    int
		question string
		problem  string
	}{
		"why":          {true, 2, "why?", ""},
		"why-alone":    {false, 0, "why?", `got a reply of kind "overview", want an answer`},
		"zarif":        {true, 3, "what did he say?", ""},
		"cup":          {true, 2, "Who won the World Cup?", ""},
		"about":        {true, 2, "What is this article about?", ""},
		"overview":     {true, 0, "What does the article say?", ""},
		"not-overview": {false, 0, "What has Congress pushed for?", `got a reply of kind "answer", want "overview"`},
	}
	if len(rep.Results) != len(want) {
		t.Fatalf("got %d results, want %d", len(rep.Results), len(want))
	}
	for _, res := range rep.Results {
		w := want[res.ID]
		if res.OK != w.ok || len(res.Turns) != w.turns || res.Question != w.question || strings.Join(res.Problems, "; ") != w.problem {
			t.Errorf("%s: got ok %v, %d turns, question %q, problems %q; want %v, %d, %q, %q",
				res.ID, res.OK, len(res.Turns), res.Question, res.Problems, w.ok, w.turns, w.question, w.problem)
		}
	}
	// Hits: why, zarif, about and overview; not why-alone or not-overview.
	if math.Abs(rep.HitAt1-4.0/6) > 1e-9 || math.Abs(rep.AnswerHit-4.0/6) > 1e-9 || rep.FalseDeclineRate != 0 {
		t.Errorf("got hit@1 %v, answer-hit %v, false declines %v; want 4/6, 4/6, 0", rep.HitAt1, rep.AnswerHit, rep.FalseDeclineRate)
	}

	r = runCLI(t, "", "eval", path)
	wantExit(t, r, 0)
	for _, want := range []string{
		`FAIL why-alone "why?": got a reply of kind "overview", want an answer`,
		`FAIL not-overview "What has Congress pushed for?": got a reply of kind "answer", want "overview"`,
		"questions           7 (6 answerable, 1 unanswerable)",
		"conversations       1.000 (4/4)\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("got:\n%s\nwant %q", r.stdout, want)
		}
	}
}

func TestEvalConversationFailures(t *testing.T) {
	cleanEnv(t)
	// A conversation that goes wrong reads as such, and counts against
	// conversation accuracy; without conversations there is no such line.
	path := filepath.Join(writeFiles(t, map[string]string{"conv.jsonl": `{"id":"c1","turns":["What did Congress push for?","Who won the World Cup?"],"expect_any":["World Cup"]}
{"id":"c2","turns":["Who won the World Cup?","What has Congress pushed for?"],"unanswerable":true}
{"id":"c3","turns":["What did Congress push for?","why?"],"expect_any":["hard-hitting sanctions"]}
`}), "conv.jsonl")
	r := runCLI(t, "", "eval", path)
	wantExit(t, r, 0)
	for _, want := range []string{
		`FAIL c1 "Who won the World Cup?" (turn 2 of a conversation): declined a question it should answer`,
		`FAIL c2 "What has Congress pushed for?" (turn 2 of a conversation): answered a question it should decline, citing `,
		"conversations       0.333 (1/3)\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("got:\n%s\nwant %q", r.stdout, want)
		}
	}

	r = runCLI(t, "", "eval", filepath.Join("testdata", "small.jsonl"))
	wantExit(t, r, 0)
	if strings.Contains(r.stdout, "conversations") {
		t.Errorf("got:\n%s\nwant no conversations line without conversations", r.stdout)
	}
}

func TestEvalMalformedTurnsAndKinds(t *testing.T) {
	cleanEnv(t)
	path := filepath.Join(writeFiles(t, map[string]string{"bad.jsonl": `{"id":"ok","turns":["What did Congress push for?","why?"],"expect_any":["sanctions"]}
{"id":"t1","turns":["What did Congress push for?"],"expect_any":["sanctions"]}
{"id":"t2","question":"What did Congress push for?","turns":["a?","b?"],"expect_any":["sanctions"]}
{"id":"t3","turns":["What did Congress push for?",""],"unanswerable":true}

{"id":"k1","question":"What is this about?","expect_kind":"summary"}
{"id":"k2","question":"What is this about?","expect_kind":"overview","unanswerable":true}
`}), "bad.jsonl")
	r := runCLI(t, "", "eval", path)
	wantExit(t, r, 2)
	for _, want := range []string{
		path + ":2: turns holds 1 questions, want at least 2 (or a question)",
		path + ":3: has both question and turns",
		path + ":4: turn 2 is empty",
		path + `:6: expect_kind "summary" is not one of: overview`,
		path + ":7: has both expect_kind and unanswerable",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("got stderr:\n%s\nwant %q", r.stderr, want)
		}
	}
	if strings.Contains(r.stderr, path+":1:") {
		t.Errorf("got stderr:\n%s\nwant no complaint about the good line", r.stderr)
	}
}

func TestEvalScoringKinds(t *testing.T) {
	// The metric arithmetic of expect_kind and conversations, on replies
	// made up for the purpose.
	overview := bot.Reply{Kind: bot.KindSummary, AskKind: bot.AskOverview, Text: "Theme: A.",
		Citations: []bot.Citation{{ID: "p1", Text: "expected"}}}
	answer := bot.Reply{Kind: bot.KindAnswer, AskKind: bot.AskAnswer, Text: "expected", Citations: []bot.Citation{{ID: "p1", Text: "expected"}}}
	declined := bot.Reply{Kind: bot.KindDeclined, AskKind: bot.AskDeclined}
	busy := bot.Reply{Kind: bot.KindError, Text: "I'm busy."}
	steps := []struct {
		c       evalCase
		replies []bot.Reply
		problem string
	}{
		{evalCase{ID: "k1", Question: "q", ExpectKind: "overview"}, []bot.Reply{overview}, ""},
		{evalCase{ID: "k2", Question: "q", ExpectKind: "overview"}, []bot.Reply{declined}, "declined a question it should answer with the overview"},
		{evalCase{ID: "k3", Question: "q", ExpectKind: "overview"}, []bot.Reply{answer}, `got a reply of kind "answer", want "overview"`},
		{evalCase{ID: "c1", Turns: []string{"a", "b"}, ExpectAny: []string{"expected"}}, []bot.Reply{declined, answer}, ""},
		{evalCase{ID: "c2", Turns: []string{"a", "b"}, ExpectKind: "overview"}, []bot.Reply{answer, overview}, ""},
		{evalCase{ID: "c3", Turns: []string{"a", "b", "c"}, Unanswerable: true}, []bot.Reply{busy, answer, declined}, "turn 1: error reply: I'm busy."},
		{evalCase{ID: "a1", Question: "q", ExpectAny: []string{"expected"}}, []bot.Reply{overview}, `got a reply of kind "overview", want an answer`},
	}
	var rep evalReport
	for _, s := range steps {
		rep.add(s.c, s.replies...)
	}
	rep.finish()
	for i, s := range steps {
		res := rep.Results[i]
		if got := strings.Join(res.Problems, "; "); got != s.problem || res.OK != (s.problem == "") {
			t.Errorf("%s: got ok %v problems %q, want %q", s.c.ID, res.OK, got, s.problem)
		}
		if res.Question != s.c.scored() || !slices.Equal(res.Turns, s.c.Turns) {
			t.Errorf("%s: got question %q turns %q, want the last turn and every turn", s.c.ID, res.Question, res.Turns)
		}
	}
	metrics := []struct {
		name      string
		got, want float64
	}{
		{"hit@1", rep.HitAt1, 3.0 / 6},     // k1, c1, c2
		{"hit@3", rep.HitAt3, 3.0 / 6},     // the same
		{"MRR@3", rep.MRRAt3, 3.0 / 6},     // each at rank 1
		{"answer-hit", rep.AnswerHit, 0.5}, // the same
		{"false-decline rate", rep.FalseDeclineRate, 1.0 / 6},
		{"decline accuracy", rep.DeclineAccuracy, 1},
		{"conversation accuracy", rep.ConversationAccuracy, 1}, // c1, c2, c3 right though c3 had a problem earlier
	}
	for _, m := range metrics {
		if math.Abs(m.got-m.want) > 1e-9 {
			t.Errorf("%s: got %v, want %v", m.name, m.got, m.want)
		}
	}
	if rep.Questions != 7 || rep.Answerable != 6 || rep.Unanswerable != 1 || rep.Conversations != 3 {
		t.Errorf("got %d questions (%d answerable, %d unanswerable, %d conversations), want 7 (6, 1, 3)",
			rep.Questions, rep.Answerable, rep.Unanswerable, rep.Conversations)
	}
}

func TestEvalHeadingExpectation(t *testing.T) {
	// A reply shows each quote's heading: an expectation that is the
	// heading of a cited passage's section, with or without its number in
	// the list (which the reply does not show, and is not compared), is
	// found there; a heading's words elsewhere are not.
	reply := bot.Reply{Kind: bot.KindAnswer, AskKind: bot.AskAnswer, Text: "Spoilers abound.", Citations: []bot.Citation{
		{ID: "p1", Section: "Introduction", Text: "Four issues."},
		{ID: "p2", Section: "Handling the Spoilers", Text: "Spoilers abound."},
	}}
	var rep evalReport
	for _, want := range []string{"1) Handling the Spoilers", "Handling the spoilers", "2. Handling the Spoilers", "Handling", "3) Keeping Support"} {
		rep.add(evalCase{ID: want, Question: "q", ExpectAny: []string{want}}, reply)
	}
	rep.finish()
	for i, want := range []int{2, 2, 2, 0, 0} {
		if got := rep.Results[i].Rank; got != want {
			t.Errorf("%q: got rank %d, want %d", rep.Results[i].ID, got, want)
		}
	}
}
