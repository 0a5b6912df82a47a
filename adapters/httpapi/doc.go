// Package httpapi is the HTTP server that `talksbot serve` runs beside the
// chat adapters: POST /v1/ask answers one question with the ask object of
// DESIGN.md, GET /healthz says the process is up, GET /readyz runs the named
// readiness checks (index loaded, adapters connected, state writable),
// GET /metrics serves the handler it is given, and other adapters mount
// their own routes (Slack's HTTP mode) with Handle.
//
// Every error is a JSON object {"error": "..."} with a fitting status; a
// panic in any handler, mounted ones included, is recovered, logged with its
// stack and answered with a 500.
package httpapi
