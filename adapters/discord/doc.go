// Package discord serves talksbot on Discord: the /talks slash command (with
// theme autocomplete), mentions in guild channels and direct messages, over
// the gateway and REST API through github.com/bwmarrin/discordgo.
//
// The adapter translates Discord events into bot.Requests, hands them to the
// core through the small Core interface, and renders each bot.Reply natively:
// an embed per answer with the quoted passages as fields, feedback buttons
// whose clicks reach Core.Feedback, and plain messages split to Discord's
// limits for lists, declines, help and errors. No discordgo type crosses into
// the bot package.
//
// Interactions are deferred at once, so Discord's three-second deadline is
// always met, and the deferred response is edited when the answer is ready.
// REST calls go to Options.APIURL (DISCORD_API_URL) through a rewriting HTTP
// transport on the adapter's own client, so several adapters with different
// API roots can run in one process; the gateway address comes from GET
// /gateway at that root.
package discord
