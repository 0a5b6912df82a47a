// Package console is talksbot's terminal adapter: it renders a bot.Reply as
// plain text or as the JSON objects of the command-line interface, and runs
// the read-eval-print loop behind `talksbot chat`.
//
// It consumes the bot through the one-method Handler interface it defines,
// so it depends on bot's types but not on how the bot is built. The JSON
// shapes here are the public contract of `talksbot ask --json` and
// `talksbot summary --json`; other front ends that serve the same objects
// (the HTTP API) can build them with NewAsk and NewSummary.
package console
