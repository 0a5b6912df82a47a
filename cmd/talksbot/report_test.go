package main

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
)

func TestParseSince(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr string
	}{
		{"7d", 7 * 24 * time.Hour, ""},
		{"36h", 36 * time.Hour, ""},
		{"90m", 90 * time.Minute, ""},
		{"1h30m", 90 * time.Minute, ""},
		{" 2d ", 48 * time.Hour, ""},
		{"0d", 0, "greater than zero"},
		{"-5h", 0, "greater than zero"},
		{"d", 0, "number of days"},
		{"1.5d", 0, "number of days"},
		{"week", 0, "number of days"},
		{"", 0, "number of days"},
		{"100000d", 0, "at most 36500 days"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseSince(tc.in)
			switch {
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("got %v, %v; want an error mentioning %q", got, err, tc.wantErr)
			case tc.wantErr == "" && (err != nil || got != tc.want):
				t.Errorf("got %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}

func TestReport(t *testing.T) {
	cleanEnv(t)
	data := t.TempDir()
	t.Setenv("TALKSBOT_DATA", data)

	// What serve would have recorded: two questions this week, one of them
	// declined, one a month ago, and feedback on one theme.
	ctx := context.Background()
	st, err := sqlite.Open(ctx, data, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, e := range []bot.LogEntry{
		{ReplyID: "r1", Platform: bot.Slack, User: "U1", Question: "What has Congress pushed for?", Answered: true, Mode: bot.ModeExtractive, At: now.Add(-time.Hour)},
		{ReplyID: "r2", Platform: bot.Discord, User: "U2", Question: "Who won the World Cup?", Answered: false, Mode: bot.ModeExtractive, At: now.Add(-2 * time.Hour)},
		{ReplyID: "r0", Platform: bot.Slack, User: "U1", Question: "An old question?", Answered: true, Mode: bot.ModeExtractive, At: now.Add(-30 * 24 * time.Hour)},
	} {
		if err := st.LogQuestion(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveFeedback(ctx, bot.Feedback{ReplyID: "r1", Platform: bot.Slack, User: "U1", Helpful: true, Theme: "Handling the Spoilers", At: now}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	r := runCLI(t, "", "report", "--json")
	wantExit(t, r, 0)
	var rep bot.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("decode %q: %v", r.stdout, err)
	}
	if rep.Questions != 2 || rep.Answered != 1 || rep.Declined != 1 {
		t.Errorf("got %d questions (%d answered, %d declined), want 2 (1, 1) in the last 7 days", rep.Questions, rep.Answered, rep.Declined)
	}
	if len(rep.Gaps) != 1 || rep.Gaps[0].Question != "Who won the World Cup?" {
		t.Errorf("got gaps %+v, want the declined question", rep.Gaps)
	}
	if len(rep.Themes) != 1 || rep.Themes[0].Up != 1 {
		t.Errorf("got themes %+v, want one helpful verdict", rep.Themes)
	}

	r = runCLI(t, "", "report", "--since", "60d")
	wantExit(t, r, 0)
	for _, want := range []string{"questions: 3", "Who won the World Cup?", "Handling the Spoilers"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("text report lacks %q:\n%s", want, r.stdout)
		}
	}

	r = runCLI(t, "", "report", "--since", "soon")
	wantExit(t, r, 2)
	if !strings.Contains(r.stderr, "--since") {
		t.Errorf("got stderr %q, want it to name --since", r.stderr)
	}
}

func TestReportWithoutDatabase(t *testing.T) {
	tests := []struct {
		name   string
		data   func(t *testing.T) string // TALKSBOT_DATA
		exists bool                      // whether the folder is there before
	}{
		{"folder missing", func(t *testing.T) string { return filepath.Join(t.TempDir(), "data") }, false},
		{"folder empty", func(t *testing.T) string { return t.TempDir() }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cleanEnv(t)
			data := tc.data(t)
			t.Setenv("TALKSBOT_DATA", data)

			r := runCLI(t, "", "report")
			wantExit(t, r, 1)
			db := filepath.Join(data, sqlite.FileName)
			if want := "talksbot: report: no state database at " + db + "\n"; r.stderr != want {
				t.Errorf("got stderr %q, want %q", r.stderr, want)
			}
			entries, err := os.ReadDir(data)
			switch {
			case !tc.exists && !errors.Is(err, fs.ErrNotExist):
				t.Errorf("got state folder %s created (err %v), want it left missing", data, err)
			case tc.exists && (err != nil || len(entries) != 0):
				t.Errorf("got %d entries in %s (err %v), want it left empty", len(entries), data, err)
			}
		})
	}
}
