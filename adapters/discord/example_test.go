package discord_test

import (
	"context"
	"log/slog"
	"os"
	"os/signal"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// An operator's wiring: the adapter answers from a bot over the built-in
// article until the process is interrupted.
func ExampleNew() {
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		slog.Error("build index", "err", err)
		return
	}
	core := bot.New(ix, bot.Options{})
	a, err := discord.New(discord.Options{
		Token:   os.Getenv("DISCORD_BOT_TOKEN"),
		GuildID: os.Getenv("DISCORD_GUILD_ID"),
		APIURL:  os.Getenv("DISCORD_API_URL"), // empty: Discord itself
		Logger:  slog.Default(),
	}, core)
	if err != nil {
		slog.Error("discord options", "err", err) // every problem at once
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := a.Run(ctx); err != nil {
		slog.Error("discord", "err", err)
	}
}
