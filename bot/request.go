package bot

// Platform names where a request came from.
type Platform string

// Platforms talksbot serves.
const (
	Slack   Platform = "slack"
	Discord Platform = "discord"
	Console Platform = "console"
	HTTP    Platform = "http"
)

// Request is one thing a user asked of the bot, translated from a platform
// event by an adapter.
type Request struct {
	Platform Platform
	User     string // platform user id; the unit of rate limiting and feedback
	Channel  string // platform channel or DM id
	Thread   string // conversation key for follow-ups (Slack thread ts, Discord channel or message); "" for none
	// DM marks a direct message: the channel itself is the conversation, so
	// follow-ups are understood even when Thread is empty.
	DM bool
	// Text is free text: a mention with the mention stripped, a DM, or the
	// text after "/talks". It is parsed as a command when it starts with one
	// ("summary spoilers", "themes", "help") and otherwise taken as a question.
	Text string
	// Command, when set, is a command the platform already parsed (a Discord
	// slash command's subcommand and option); Text is then ignored.
	Command *Command
	// Progress, when non-nil, receives the answer text so far while an LLM
	// draft streams in, so adapters that can edit a message show it growing.
	// It only ever receives whole sentences that pass the Checker (each
	// supported by the passages it cites), a longer text each time: the
	// sentences known to be finished while the draft streams, each checked
	// once, then the whole draft once it verifies, and nothing once Handle
	// returns. When a later sentence fails, the Reply is the extractive
	// answer, and adapters replace what they showed with it. It may be
	// called often; adapters throttle their own edits.
	Progress func(partial string)
}

// Command is a parsed /talks command.
type Command struct {
	Name string // "ask", "summary", "themes", "sources", "help"
	// Arg is the question for ask and the theme for summary. For help it is
	// "" or an unrecognised command the user typed (ParseCommand puts it
	// there), which the help reply names.
	Arg string
}
