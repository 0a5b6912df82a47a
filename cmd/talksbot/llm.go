package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/talksbot/talksbot/adapters/openai"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/config"
	"github.com/talksbot/talksbot/knowledge"
)

// llm is the optional OpenAI-compatible side of talksbot: a drafter when
// OPENAI_API_KEY or OPENAI_BASE_URL is set, and ranking by embeddings when
// TALKSBOT_EMBED_MODEL is set too.
type llm struct {
	drafter    *openai.Drafter // nil: extractive answers
	embeddings *embeddings     // nil: keyword ranking alone
}

// llmEnabled reports whether cfg points at an OpenAI-compatible API.
func llmEnabled(cfg config.Config) bool {
	return cfg.OpenAIAPIKey.IsSet() || cfg.OpenAIBaseURL != ""
}

// newLLM builds the drafter and the embeddings cfg asks for. It makes no
// network call.
func newLLM(cfg config.Config, log *slog.Logger) (llm, error) {
	var l llm
	if !llmEnabled(cfg) {
		if cfg.EmbedModel != "" {
			log.Warn("TALKSBOT_EMBED_MODEL is set without OPENAI_API_KEY or OPENAI_BASE_URL: ranking by keywords alone")
		}
		return l, nil
	}
	opts := openai.Options{
		APIKey:     cfg.OpenAIAPIKey.Reveal(),
		BaseURL:    cfg.OpenAIBaseURL,
		Model:      cfg.LLMModel,
		Timeout:    cfg.LLMTimeout,
		MaxTokens:  cfg.LLMMaxTokens,
		Logger:     log.With("component", "llm"),
		EmbedModel: cfg.EmbedModel,
		DataDir:    cfg.Data,
	}
	d, err := openai.New(opts)
	if err != nil {
		return l, &configError{err: fmt.Errorf("llm: %w", err)}
	}
	l.drafter = d
	if cfg.EmbedModel != "" {
		e, err := openai.NewEmbedder(opts)
		if err != nil {
			return l, &configError{err: fmt.Errorf("embeddings: %w", err)}
		}
		l.embeddings = &embeddings{e: e, log: log.With("component", "embeddings")}
	}
	return l, nil
}

// apply puts the ranker builder into opts. The drafter is left to the
// caller, which may wrap it for metrics.
func (l llm) apply(opts *bot.Options) {
	if l.embeddings != nil {
		opts.NewRanker = l.embeddings.ranker
	}
}

// embeddings is hybrid retrieval's side of the embeddings API: it builds
// the ranker of each index and embeds an index's passages ahead of the
// questions. Vectors are kept by the Embedder, in memory and on disk, so
// every index's ranker shares the passages embedded once.
type embeddings struct {
	e   *openai.Embedder
	log *slog.Logger
}

// ranker returns the bot.Ranker of ix: bot.Options.NewRanker. It makes no
// network call: passages that index has not embedded yet are embedded when
// a question first ranks them, and should that take longer than the bot
// waits, the answer is ranked by keywords.
func (em *embeddings) ranker(ix *knowledge.Index) bot.Ranker {
	return &embedRanker{e: em.e, passages: embedPassages(ix)}
}

// index embeds the passages of ix that are not cached yet, so that the
// first questions do not pay for it (the bot gives a ranking only a couple
// of seconds). A failure is logged: passages left without a vector are
// embedded when next ranked.
func (em *embeddings) index(ctx context.Context, ix *knowledge.Index) {
	ps := embedPassages(ix)
	start := time.Now()
	if err := em.e.Embed(ctx, ps); err != nil {
		if errors.Is(ctx.Err(), context.Canceled) {
			// A newer index replaced this one, or serve is stopping.
			em.log.Debug("embedding passages stopped", "err", err)
			return
		}
		em.log.Warn("embedding passages failed: ranking by keywords until the API answers", "err", err)
		return
	}
	em.log.Info("passages embedded", "passages", len(ps), "took", time.Since(start).Round(time.Millisecond))
}

// embedPassages returns every passage of ix as the embedder takes them.
func embedPassages(ix *knowledge.Index) []openai.Passage {
	ps := make([]openai.Passage, len(ix.Passages()))
	for i, p := range ix.Passages() {
		ps[i] = openai.Passage{ID: p.ID, Text: p.Text}
	}
	return ps
}

// embedRanker is the bot.Ranker of one index for hybrid retrieval: it ranks
// the index's passages by the similarity of their embeddings to the
// question's. The bot fuses its ranking with the keyword ranking and falls
// back to keywords alone when it fails or runs late.
type embedRanker struct {
	e        *openai.Embedder
	passages []openai.Passage // every passage of the index, as the embedder takes them
}

var _ bot.Ranker = (*embedRanker)(nil)

// Rank returns the ids of at most k passages, the closest to question first.
func (r *embedRanker) Rank(ctx context.Context, question string, k int) ([]string, error) {
	return r.e.Rank(ctx, question, r.passages, k)
}
