// Package console is talksbot's terminal adapter: it renders a bot.Reply as
// plain text (printing an LLM draft as it streams in) or as the JSON objects
// of `talksbot summary --json` and `talksbot themes --json`, and runs the
// read-eval-print loop behind `talksbot chat`.
//
// It consumes the bot through the one-method Handler interface it defines,
// so it depends on bot's types but not on how the bot is built. The ask
// object of `talksbot ask --json` is bot.Ask, shared with the HTTP API.
package console
