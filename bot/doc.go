// Package bot is talksbot's core: it turns a platform-neutral Request (a
// question, a mention, a DM or a parsed /talks command) into a platform-neutral
// Reply that every adapter renders natively.
//
// The bot routes commands (ask, summary, themes, sources, help; see
// ParseCommand), composes grounded answers from the knowledge base, keeps a
// short per-thread context so that follow-ups ("and Congress?", "why?",
// "what did they provide?") are understood, and owns the small ports that
// adapters and operations plug in: Drafter (an LLM that drafts wording,
// whose drafts a Checker built per index checks sentence by sentence
// before use — each claim supported by the passages it cites, its facts,
// polarity and quotations theirs — and whose streamed text reaches users
// only in verified whole sentences), DraftObserver (told once per draft
// whether it was used or why not, for metrics), Ranker (an
// optional ranking of one index's passages by meaning, built per index and
// fused with the keyword ranking of an answer's citations) and Store
// (everything replicas must agree on: feedback and the question log,
// delivery claims, threads' last turns, Share payloads and rate-limit
// buckets; MemoryStore keeps them in one process, and bot/storetest checks
// any Store against the contract).
//
// Handle never fails: bad input, rate limits, a busy bot and even a panic
// become a KindError reply fit for the user, while the details go to the
// injected logger. Per-user rate limits and a bound on concurrent answers
// are set through Options; SetIndex swaps the knowledge base while serving.
// Throttle paces the message edits with which adapters show a draft growing.
package bot
