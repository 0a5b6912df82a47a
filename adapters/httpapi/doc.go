// Package httpapi is the HTTP server that `talksbot serve` runs beside the
// chat adapters: POST /v1/ask answers one question with the ask object of
// DESIGN.md (bot.Ask), GET /healthz says the process is up, GET /readyz runs
// the named readiness checks (index loaded, adapters connected, state
// writable) within a deadline, GET /metrics serves the handler it is given,
// and other adapters mount their own routes (Slack's HTTP mode) with Handle.
//
// /v1/ask hands the question to the bot as an ask command from the client's
// address, so the bot's per-user rate limit and its bound on concurrent
// answers apply. The bot's refusals map to statuses by their bot.Problem:
// bad input 400, rate limited 429 and busy 503 (both with Retry-After),
// unavailable 503, internal 500. Every error is a JSON object
// {"error": "..."}; a panic in any handler, mounted ones included, is
// recovered, logged with its stack and answered with a 500.
package httpapi
