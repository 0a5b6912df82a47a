package main

import (
	"testing"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/config"
)

// TestMaxConcurrentReachesTheAdapters checks that TALKSBOT_MAX_CONCURRENT
// sets every adapter's workers, and the bot's queue timeout their wait for
// one: the bot owns the bound, the adapters follow it.
func TestMaxConcurrentReachesTheAdapters(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  map[string]string
		want int
	}{
		{"default", map[string]string{}, 16},
		{"set", map[string]string{"TALKSBOT_MAX_CONCURRENT": "3"}, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "DISCORD_BOT_TOKEN": "abc"}
			for k, v := range tt.env {
				env[k] = v
			}
			cfg, err := config.Load(config.Sources{Env: func(k string) (string, bool) { v, ok := env[k]; return v, ok }})
			if err != nil {
				t.Fatalf("config.Load: got %v, want no error", err)
			}
			if cfg.MaxConcurrent != tt.want {
				t.Fatalf("got MaxConcurrent %d, want %d", cfg.MaxConcurrent, tt.want)
			}
			so, _ := slackOptions(cfg)
			if so.Workers != tt.want || so.QueueTimeout != bot.DefaultQueueTimeout {
				t.Errorf("got Slack workers %d, queue timeout %s; want %d, %s", so.Workers, so.QueueTimeout, tt.want, bot.DefaultQueueTimeout)
			}
			do, _ := discordOptions(cfg)
			if do.Workers != tt.want || do.QueueTimeout != bot.DefaultQueueTimeout {
				t.Errorf("got Discord workers %d, queue timeout %s; want %d, %s", do.Workers, do.QueueTimeout, tt.want, bot.DefaultQueueTimeout)
			}
		})
	}
}
