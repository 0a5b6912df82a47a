package discord_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/discord/internal/discordfake"
)

func TestRunRejectsBadOptions(t *testing.T) {
	// Every case should fail before dialling; the API URL stays on a closed
	// local port in case one does not.
	const local = "http://127.0.0.1:1/api/v9/"
	tests := []struct {
		name string
		opts discord.Options
		core discord.Core
		want string
	}{
		{"empty token", discord.Options{Token: "  ", APIURL: local}, newFakeCore(), "token is empty"},
		{"token of only the prefix", discord.Options{Token: "Bot ", APIURL: local}, newFakeCore(), "token is empty"},
		{"token with spaces", discord.Options{Token: "abc def", APIURL: local}, newFakeCore(), "token contains spaces"},
		{"no core", discord.Options{Token: "t", APIURL: local}, nil, "no bot core"},
		{"api url of another scheme", discord.Options{Token: "t", APIURL: "ftp://127.0.0.1/api/"}, newFakeCore(), "absolute http or https"},
		{"api url without a trailing slash", discord.Options{Token: "t", APIURL: "http://127.0.0.1:1/api/v9"}, newFakeCore(), "must end with /"},
		{"relative api url", discord.Options{Token: "t", APIURL: "api/v9/"}, newFakeCore(), "absolute http or https"},
		{"shard id beyond the count", discord.Options{Token: "t", ShardID: 2, ShardCount: 2, APIURL: local}, newFakeCore(), "shard id 2"},
		{"negative shard id", discord.Options{Token: "t", ShardID: -1, APIURL: local}, newFakeCore(), "shard id -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a *discord.Adapter
			if tt.core == nil {
				a = discord.New(tt.opts, nil)
			} else {
				a = discord.New(tt.opts, tt.core)
			}
			err := a.Run(context.Background())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestRunStopsWhileTheGatewayStalls(t *testing.T) {
	fake := discordfake.Start(discordfake.Options{HoldHello: true})
	defer fake.Close()
	a := discord.New(discord.Options{Token: token, APIURL: fake.URL()}, newFakeCore())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()

	wctx, wcancel := context.WithTimeout(context.Background(), guard)
	defer wcancel()
	if err := fake.Wait(wctx, func() bool { return fake.Dials() > 0 }); err != nil {
		t.Fatalf("got no gateway connection: %v", err)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("got Run error %v, want context.Canceled", err)
	}
	if err := a.Run(context.Background()); err == nil {
		t.Errorf("got a second Run accepted, want an error")
	}
}
