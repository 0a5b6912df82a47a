package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
)

// TestServeKeepsQuestionsForTheRetention starts serve on a state database
// holding a question older than TALKSBOT_RETENTION and one within it: the
// old one is gone once serve is up.
func TestServeKeepsQuestionsForTheRetention(t *testing.T) {
	data := t.TempDir()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, data, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, e := range []bot.LogEntry{
		{ReplyID: "new", Platform: bot.Slack, User: "U1", Question: "What has Congress pushed for?", Answered: true, Mode: bot.ModeExtractive, At: now.Add(-time.Hour)},
		{ReplyID: "old", Platform: bot.Slack, User: "U1", Question: "An old question?", Answered: true, Mode: bot.ModeExtractive, At: now.Add(-10 * 24 * time.Hour)},
	} {
		if err := st.LogQuestion(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	startServe(t, map[string]string{"TALKSBOT_DATA": data, "TALKSBOT_RETENTION": "7d"})
	st, err = sqlite.Open(ctx, data, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := st.Report(ctx, now.Add(-365*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Questions != 1 {
		t.Errorf("got %d questions kept, want 1 (the one within the retention)", r.Questions)
	}
}

// TestServeQuestionLogOff checks that TALKSBOT_QUESTION_LOG=off keeps no
// question, while the answer is given as ever.
func TestServeQuestionLogOff(t *testing.T) {
	data := t.TempDir()
	s := startServe(t, map[string]string{"TALKSBOT_DATA": data, "TALKSBOT_QUESTION_LOG": "off"})
	if a := s.ask(t, congress); !a.Answered {
		t.Fatalf("got %+v, want an answer", a)
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("got exit %d, want 0", code)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, data, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := st.Report(ctx, time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Questions != 0 {
		t.Errorf("got %d questions logged, want none with the log off", r.Questions)
	}
}

// TestServeWatchesTheStateSize starts serve on a state database past
// TALKSBOT_STATE_MAX_SIZE: it warns, and /metrics shows the size and the
// question-log entries lost.
func TestServeWatchesTheStateSize(t *testing.T) {
	data := t.TempDir()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, data, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("a long question about the talks ", 60)
	for i := range 800 {
		e := bot.LogEntry{ReplyID: fmt.Sprint("r", i), Platform: bot.Slack, User: "U1", Question: fmt.Sprint(long, i), At: time.Now()}
		if err := st.LogQuestion(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	s := startServe(t, map[string]string{"TALKSBOT_DATA": data, "TALKSBOT_STATE_MAX_SIZE": "1MB"})
	if !strings.Contains(s.logs.String(), "state database larger than TALKSBOT_STATE_MAX_SIZE") {
		t.Errorf("logs do not warn of the size:\n%s", s.logs)
	}
	code, body := s.get(t, "/metrics")
	if code != http.StatusOK {
		t.Fatalf("/metrics: got %d", code)
	}
	for _, want := range []string{"talksbot_state_database_bytes ", "talksbot_question_log_dropped_total 0"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
