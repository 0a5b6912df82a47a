package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/talksbot/talksbot/adapters/openai"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/config"
	"github.com/talksbot/talksbot/knowledge"
)

// llm is the optional OpenAI-compatible side of talksbot: a drafter when
// OPENAI_API_KEY or OPENAI_BASE_URL is set, and an embedding ranker when
// TALKSBOT_EMBED_MODEL is set too.
type llm struct {
	drafter *openai.Drafter // nil: extractive answers
	ranker  *embedRanker    // nil: keyword ranking alone
}

// llmEnabled reports whether cfg points at an OpenAI-compatible API.
func llmEnabled(cfg config.Config) bool {
	return cfg.OpenAIAPIKey.IsSet() || cfg.OpenAIBaseURL != ""
}

// newLLM builds the drafter and the ranker cfg asks for. It makes no
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
		l.ranker = &embedRanker{e: e, log: log.With("component", "embeddings")}
	}
	return l, nil
}

// apply puts the ranker into opts. The drafter is left to the caller, which
// may wrap it for metrics.
func (l llm) apply(opts *bot.Options) {
	if l.ranker != nil {
		opts.Ranker = l.ranker
	}
}

// embedRanker is the bot.Ranker of hybrid retrieval: it ranks passages by
// the similarity of their embeddings to the question's. The bot fuses its
// ranking with the keyword ranking and falls back to keywords alone when it
// fails or runs late.
type embedRanker struct {
	e   *openai.Embedder
	log *slog.Logger

	// The bot hands Rank the same passages slice until the index changes,
	// so its conversion is kept.
	mu    sync.Mutex
	first *bot.Citation
	n     int
	conv  []openai.Passage
}

var _ bot.Ranker = (*embedRanker)(nil)

// Rank returns the ids of at most k passages, the closest to question first.
func (r *embedRanker) Rank(ctx context.Context, question string, passages []bot.Citation, k int) ([]string, error) {
	return r.e.Rank(ctx, question, r.convert(passages), k)
}

// convert returns passages as the embedder takes them.
func (r *embedRanker) convert(passages []bot.Citation) []openai.Passage {
	if len(passages) == 0 {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.first == &passages[0] && r.n == len(passages) {
		return r.conv
	}
	conv := make([]openai.Passage, len(passages))
	for i, p := range passages {
		conv[i] = openai.Passage{ID: p.ID, Text: p.Text}
	}
	r.first, r.n, r.conv = &passages[0], len(passages), conv
	return conv
}

// index embeds the passages of ix that are not cached yet, so that the
// first questions do not pay for it (the bot gives a ranking only a couple
// of seconds). A failure is logged: passages left without a vector are
// embedded when next ranked.
func (r *embedRanker) index(ctx context.Context, ix *knowledge.Index) {
	ps := make([]openai.Passage, 0, len(ix.Passages()))
	for _, p := range ix.Passages() {
		ps = append(ps, openai.Passage{ID: p.ID, Text: p.Text})
	}
	start := time.Now()
	if err := r.e.Embed(ctx, ps); err != nil {
		if errors.Is(ctx.Err(), context.Canceled) {
			// A newer index replaced this one, or serve is stopping.
			r.log.Debug("embedding passages stopped", "err", err)
			return
		}
		r.log.Warn("embedding passages failed: ranking by keywords until the API answers", "err", err)
		return
	}
	r.log.Info("passages embedded", "passages", len(ps), "took", time.Since(start).Round(time.Millisecond))
}
