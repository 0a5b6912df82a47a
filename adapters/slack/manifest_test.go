package slack_test

import (
	"os"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestManifestMatchesAdapter keeps deploy/slack-manifest.yaml in step with
// what the adapter handles: its events, the /talks command, buttons and
// Socket Mode.
func TestManifestMatchesAdapter(t *testing.T) {
	data, err := os.ReadFile("../../deploy/slack-manifest.yaml")
	if err != nil {
		t.Fatalf("read manifest: %v", err)
	}
	var m struct {
		Features struct {
			AppHome struct {
				MessagesTab         bool `yaml:"messages_tab_enabled"`
				MessagesTabReadOnly bool `yaml:"messages_tab_read_only_enabled"`
			} `yaml:"app_home"`
			SlashCommands []struct {
				Command string `yaml:"command"`
			} `yaml:"slash_commands"`
		} `yaml:"features"`
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				BotEvents []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
			Interactivity struct {
				Enabled bool `yaml:"is_enabled"`
			} `yaml:"interactivity"`
			SocketMode bool `yaml:"socket_mode_enabled"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatalf("parse manifest: %v", err)
	}
	for _, ev := range []string{"app_mention", "message.im", "message.channels"} {
		if !slices.Contains(m.Settings.Events.BotEvents, ev) {
			t.Errorf("got bot events %v, want %s", m.Settings.Events.BotEvents, ev)
		}
	}
	for _, scope := range []string{"app_mentions:read", "chat:write", "commands", "im:history", "channels:history", "reactions:write"} {
		if !slices.Contains(m.OAuth.Scopes.Bot, scope) {
			t.Errorf("got scopes %v, want %s", m.OAuth.Scopes.Bot, scope)
		}
	}
	if len(m.Features.SlashCommands) != 1 || m.Features.SlashCommands[0].Command != "/talks" {
		t.Errorf("got slash commands %+v, want /talks", m.Features.SlashCommands)
	}
	if !m.Settings.Interactivity.Enabled || !m.Settings.SocketMode {
		t.Errorf("got interactivity %v and socket mode %v, want both on", m.Settings.Interactivity.Enabled, m.Settings.SocketMode)
	}
	if !m.Features.AppHome.MessagesTab || m.Features.AppHome.MessagesTabReadOnly {
		t.Error("got a closed messages tab, want users able to DM the bot")
	}
}
