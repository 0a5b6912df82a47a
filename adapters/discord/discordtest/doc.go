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
// Authorization header (401), a second initial response to one interaction,
// by callback or by HTTP answer (400, code 40060), a webhook call before the
// interaction was acknowledged (404, code 10015), an empty message (400, code
// 50006), a sixth follow-up to an interaction authorised by a user install
// alone, and payloads over Discord's limits — content, embed texts and their
// 6,000-character total, fields, components and custom_ids, autocomplete
// choices, command names (a context menu's over 32 characters), descriptions,
// command types, integration_types and contexts outside Discord's values
// (400, code 50035 with the offending fields). Every REST call is recorded
// with the status the fake answered, so a test can check that all the adapter
// sent was accepted; failures and 429s can be scripted with Respond. Original
// and Followups tell what an interaction's responses show once their edits
// are applied, as a user would see them (ephemeral or not), and Commands
// what the last accepted registration of a scope declared.
//
// For applications that take interactions over HTTP, Deliver posts an
// interaction to their endpoint signed with an ed25519 key pair the fake
// generates (PublicKey is DISCORD_PUBLIC_KEY), or unsigned or badly signed,
// and takes the answer as the interaction's initial response.
package discordtest
