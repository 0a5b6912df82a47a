// Package openai drafts talksbot's answers with an LLM behind any
// OpenAI-compatible chat API (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp's
// server, LocalAI) and, optionally, embeds passages for hybrid retrieval.
//
// A Drafter implements bot.Drafter. It numbers the retrieved passages in a
// prompt that asks for a short answer citing them as [n], streams the draft
// when the caller wants progress, and guards every call with a timeout, at
// most one retry for 429 and 5xx responses, a circuit breaker and a bound on
// concurrent calls. Everything in the prompt that comes from documents or
// users (passages, their titles, the question, the previous turn, the
// theme) is fenced as quoted material that the system prompt declares data,
// never instructions, and every request bounds the draft's length in
// tokens. It never checks the draft against the passages: the bot verifies
// every citation and quote and falls back to the extractive answer when a
// draft fails verification or Draft returns an error.
//
// An Embedder turns passage texts into vectors through the same API, caches
// them on disk by content hash so a restart costs no API calls, and ranks
// passages by cosine similarity to a query; FuseRRF merges that ranking with
// the keyword ranking by reciprocal rank fusion.
//
// The package reads no environment and no config: cmd/talksbot passes plain
// values in Options.
package openai
