// Package discord serves talksbot on Discord: the /talks slash command (with
// theme autocomplete), the "Ask talksbot" message command, mentions in guild
// channels and direct messages, over the gateway and REST API through
// github.com/bwmarrin/discordgo, and interactions over HTTP.
//
// The adapter translates Discord events into bot.Requests, hands them to the
// core through the small Core interface, and renders each bot.Reply natively:
// an embed per answer with the quoted passages as fields (spilling into more
// messages past Discord's 25 fields or 6,000 characters), feedback buttons
// whose clicks reach Core.Feedback, and plain messages split to Discord's
// limits for lists, declines, help and errors. No discordgo type crosses into
// the bot package.
//
// New checks the options, reporting every problem at once; Run connects,
// registers /talks and "Ask talksbot" with one bulk overwrite and answers
// until its context is done. Both commands are declared for server and user
// installs, in servers, DMs with the bot and other DMs and group DMs. Where
// only a member's own install authorises an interaction (the server has not
// installed talksbot, or it is another DM), the answer is ephemeral, with a
// Share button that posts it publicly as the response to the click; the
// reply behind the button is kept by the core (Core.SaveShare), so that it
// can be shared after a restart and from any replica. Such answers keep to
// the five follow-ups Discord allows a user install.
//
// With Options.PublicKey, Handler answers interactions Discord posts to the
// application's Interactions Endpoint URL: verified with the key
// (discordgo.VerifyInteraction), PING answered with PONG, everything else
// handed to Run and answered exactly as an interaction from the gateway, the
// initial response written into the HTTP answer (a responder carries it
// either way).
//
// Run owns the gateway connection: discordgo's own reconnect loop is
// off, and when the connection drops Run opens it again with back-off, which
// resumes the session. When Run returns, the session is closed and every
// goroutine of the adapter has ended; discordgo's, left without a connection
// or a reconnect loop, end on their own.
//
// Each slash command and button click is answered once: its interaction id
// is claimed in the store (Core.FirstDelivery) first, marked done
// (Core.DoneDelivery) once the answer is posted, and one delivered again is
// ignored. Slash commands are acknowledged at once, so Discord's
// three-second deadline is always met, and the deferred response is edited
// when the answer is ready. A feedback click is written to the store before
// Discord gets any response (within two seconds), and only then is the user
// thanked; a click that could not be written gets an ephemeral message
// saying so, never thanks. While an LLM drafts an answer or summary, the
// deferred response shows the sentences the core has verified so far,
// edited at most once a second; the reply then replaces its content, embeds
// and buttons, so a draft the core rejects gives way to the extractive
// answer. At most Options.Workers mentions, DMs and commands are answered at
// once; others wait up to Options.QueueTimeout and are then told the bot is
// busy. REST calls go to Options.APIURL (DISCORD_API_URL) through a
// rewriting HTTP transport on the adapter's own client, so several adapters
// with different API roots can run in one process; the gateway address
// comes from GET /gateway at that root. discordgo's own log lines reach the
// adapter's logger at debug level, with tokens redacted.
package discord
