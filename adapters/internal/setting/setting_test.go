package setting_test

import (
	"testing"

	"github.com/talksbot/talksbot/adapters/internal/setting"
)

func TestError(t *testing.T) {
	tests := []struct {
		err  setting.Error
		want string
	}{
		{setting.Error{Key: "SLACK_MODE", Value: "sockets", Rule: "must be socket or http"}, `SLACK_MODE: "sockets" must be socket or http`},
		{setting.Error{Key: "SLACK_BOT_TOKEN", Rule: "must be set"}, "SLACK_BOT_TOKEN: must be set"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
