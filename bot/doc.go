// Package bot is talksbot's core: it turns a platform-neutral Request (a
// question, a mention, a DM or a parsed /talks command) into a platform-neutral
// Reply that every adapter renders natively.
//
// The bot routes commands (ask, summary, themes, sources, help), composes
// grounded answers from the knowledge base, keeps a short per-thread context
// so follow-ups are understood, and owns the small ports that adapters and
// operations plug in: Drafter (an LLM that drafts wording) and Store (feedback,
// the question log and delivered-event ids).
package bot
