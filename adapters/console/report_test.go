package console_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/console"
	"github.com/talksbot/talksbot/bot"
)

func TestWriteReport(t *testing.T) {
	since := time.Date(2026, 11, 19, 9, 30, 0, 0, time.UTC)
	tests := []struct {
		name   string
		report bot.Report
		want   []string
		never  []string
	}{
		{
			name:   "empty",
			report: bot.Report{Since: since},
			want: []string{
				"talksbot report since 2026-11-19 09:30 UTC",
				"questions: 0 (answered 0, declined 0)",
				"top questions\n  none",
				"declined questions (what the documents do not cover)\n  none",
				"feedback per theme\n  none",
			},
		},
		{
			name: "full",
			report: bot.Report{
				Since: since, Questions: 5, Answered: 3, Declined: 2,
				Top:    []bot.QuestionCount{{Question: "What did Congress push for?", Count: 3}, {Question: "who won the world cup", Count: 2}},
				Gaps:   []bot.QuestionCount{{Question: "who won the world cup", Count: 2}},
				Themes: []bot.ThemeFeedback{{Theme: "Spoilers", Up: 4, Down: 1}, {Theme: "", Up: 1}},
			},
			want: []string{
				"questions: 5 (answered 3, declined 2)",
				"top questions\n      3  What did Congress push for?\n      2  who won the world cup\n",
				"declined questions (what the documents do not cover)\n      2  who won the world cup\n",
				"  theme       up  down\n  Spoilers    4   1\n  (no theme)  1   0\n",
			},
		},
		{
			name: "counts past five digits stay aligned",
			report: bot.Report{Since: since, Questions: 1234567, Answered: 1234567,
				Top: []bot.QuestionCount{{Question: "often", Count: 1234560}, {Question: "rarely", Count: 7}},
			},
			want: []string{"top questions\n  1234560  often\n        7  rarely\n"},
		},
		{
			name: "hostile text",
			report: bot.Report{Since: since, Questions: 1, Declined: 1,
				Top: []bot.QuestionCount{{Question: "evil\x1b[2Jclear\r\nnext" + strings.Repeat("a", 300), Count: 1}},
			},
			want:  []string{"evil [2Jclear  next", "…\n"},
			never: []string{"\x1b", "\r", strings.Repeat("a", 120)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := console.WriteReport(&buf, tt.report); err != nil {
				t.Fatalf("WriteReport: %v", err)
			}
			got := buf.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("report lacks %q; got:\n%s", w, got)
				}
			}
			for _, n := range tt.never {
				if strings.Contains(got, n) {
					t.Errorf("report holds %q; got:\n%s", n, got)
				}
			}
		})
	}
}

func ExampleWriteReport() {
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	console.WriteReport(os.Stdout, bot.Report{
		Since: at.Add(-7 * 24 * time.Hour), Questions: 2, Answered: 1, Declined: 1,
		Top: []bot.QuestionCount{
			{Question: "Who won the World Cup?", Count: 1, Last: at.Add(time.Minute)},
			{Question: "What has Congress pushed for?", Count: 1, Last: at},
		},
		Gaps:   []bot.QuestionCount{{Question: "Who won the World Cup?", Count: 1, Last: at.Add(time.Minute)}},
		Themes: []bot.ThemeFeedback{{Theme: "Keeping Support At The Top", Up: 1}},
	})
	// Output:
	// talksbot report since 2026-11-13 10:00 UTC
	// questions: 2 (answered 1, declined 1)
	//
	// top questions
	//       1  Who won the World Cup?
	//       1  What has Congress pushed for?
	//
	// declined questions (what the documents do not cover)
	//       1  Who won the World Cup?
	//
	// feedback per theme
	//   theme                       up  down
	//   Keeping Support At The Top  1   0
}
