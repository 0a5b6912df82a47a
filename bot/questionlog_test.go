package bot_test

import (
	"testing"

	"github.com/talksbot/talksbot/bot"
)

func TestQuestionLogKeepsWhatItIsTold(t *testing.T) {
	tests := []struct {
		mode     bot.QuestionLog
		entries  int
		wantUser string
	}{
		{"", 1, "U1"},
		{bot.QuestionLogFull, 1, "U1"},
		{bot.QuestionLogAnonymous, 1, ""},
		{bot.QuestionLogOff, 0, ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.mode), func(t *testing.T) {
			store := bot.NewMemoryStore()
			b := bot.New(newIndex(t), bot.Options{Store: store, QuestionLog: tt.mode})
			r := b.Handle(t.Context(), bot.Request{Platform: bot.Slack, User: "U1", Channel: "C1", Text: "What has Congress pushed for?"})
			if r.Kind != bot.KindAnswer {
				t.Fatalf("got %s, want an answer", r.Kind)
			}
			got := store.Questions()
			if len(got) != tt.entries {
				t.Fatalf("got %d logged questions, want %d", len(got), tt.entries)
			}
			if len(got) == 1 && (got[0].User != tt.wantUser || got[0].Question == "") {
				t.Errorf("got %+v, want user %q and the question", got[0], tt.wantUser)
			}
		})
	}
}
