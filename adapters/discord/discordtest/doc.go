// Package discordtest provides a fake Discord for tests, in the way
// net/http/httptest provides test servers: a Server that the real discordgo
// client (and so the discord adapter, or a whole `talksbot serve`) is pointed
// at through its API URL. It is for tests only; it listens on 127.0.0.1 and
// never reaches the real Discord.
//
// The fake speaks Discord's protocols: GET /gateway handing out a ws:// URL
// to itself; the gateway websocket (Hello, Identify, READY, heartbeats,
// Resume and RESUMED, op 7 Reconnect, dispatches); and the REST routes the
// adapter calls (bulk command overwrite, channel messages and typing,
// interaction callbacks, webhook edits, deletes and follow-ups).
//
// Like Discord, it rejects what Discord rejects: a missing or wrong
// Authorization header (401), a second callback for one interaction (400,
// code 40060), a webhook call before the interaction was acknowledged (404,
// code 10015), an empty message (400, code 50006) and payloads over Discord's
// limits — content, embed texts and their 6,000-character total, fields,
// components and custom_ids, autocomplete choices, command names (400, code
// 50035 with the offending fields). Every REST call is recorded with the
// status the fake answered, so a test can check that all the adapter sent was
// accepted; failures and 429s can be scripted with Respond. Original tells
// what an interaction's original response shows once its edits are applied,
// as a user would see it.
package discordtest
