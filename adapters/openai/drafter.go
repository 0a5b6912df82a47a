package openai

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/talksbot/talksbot/bot"
)

// temperature keeps drafts close to the passages. Reasoning models reject
// it, and then none is sent.
const temperature = 0.2

// Drafter drafts answers and theme summaries with a chat model behind an
// OpenAI-compatible API. It is safe for concurrent use.
type Drafter struct {
	client      *goopenai.Client
	model       string
	temperature float32
	maxTokens   int
	// completionTokens sends maxTokens as max_completion_tokens, for the
	// reasoning models that reject max_tokens.
	completionTokens bool
	key              string
	guard            *guard
	log              *slog.Logger
}

var _ bot.Drafter = (*Drafter)(nil)

// New returns a Drafter configured by opts. It makes no network call; an
// error means opts are invalid and names what is wrong.
func New(opts Options) (*Drafter, error) {
	s, err := opts.settle()
	if err != nil {
		return nil, err
	}
	d := &Drafter{
		client:      s.client,
		model:       s.Model,
		temperature: temperature,
		maxTokens:   s.MaxTokens,
		key:         s.APIKey,
		guard:       newGuard(s, "chat"),
		log:         s.Logger,
	}
	// go-openai refuses, before sending, what the reasoning models it knows
	// reject: a temperature, and max_tokens instead of max_completion_tokens.
	v := goopenai.NewReasoningValidator()
	if v.Validate(goopenai.ChatCompletionRequest{Model: d.model, Temperature: d.temperature}) != nil {
		d.temperature = 0
	}
	if v.Validate(goopenai.ChatCompletionRequest{Model: d.model, MaxTokens: d.maxTokens}) != nil {
		d.completionTokens = true
	}
	return d, nil
}

// Model returns the configured chat model.
func (d *Drafter) Model() string { return d.model }

// Draft asks the model for an answer to req.Question (or, when req.Summary
// is set, a summary of that theme) from req.Passages, numbered from [1].
// With req.Partial set the draft streams and Partial receives the text so
// far as it grows. Any failure, an empty or truncated completion included,
// is an error: the bot then answers extractively.
func (d *Drafter) Draft(ctx context.Context, req bot.DraftRequest) (bot.Draft, error) {
	if len(req.Passages) == 0 {
		return bot.Draft{}, errors.New("openai: draft: no passages given")
	}
	if strings.TrimSpace(req.Question) == "" && strings.TrimSpace(req.Summary) == "" {
		return bot.Draft{}, errors.New("openai: draft: neither a question nor a theme given")
	}
	creq := d.request(messages(req, d.key))
	d.log.Debug("llm prompt", "model", d.model, "passages", len(req.Passages),
		"prompt", creq.Messages[1].Content)

	start := time.Now()
	var out bot.Draft
	err := d.guard.do(ctx, "draft", func(ctx context.Context) error {
		var err error
		if req.Partial != nil {
			out, err = d.stream(ctx, creq, req.Partial)
		} else {
			out, err = d.complete(ctx, creq)
		}
		return err
	})
	if err != nil {
		// The bot logs the failure where it falls back.
		return bot.Draft{}, err
	}
	d.log.Debug("llm draft", "model", out.Model, "chars", len(out.Text),
		"streamed", req.Partial != nil, "took_ms", time.Since(start).Milliseconds(), "draft", out.Text)
	return out, nil
}

// request is the chat completion request for msgs, with the draft's token
// limit.
//
// The limit goes in max_tokens, which OpenAI's chat models and every
// OpenAI-compatible server (Ollama, vLLM, llama.cpp, LocalAI) honour.
// go-openai marks it deprecated in favour of max_completion_tokens, but
// Ollama, for one, silently ignores that field (ollama/ollama#7125) and
// would let a draft run on; sending both is no way out, since the reasoning
// models reject any request carrying max_tokens. So only for the reasoning
// models go-openai knows (o1, o3, o4, gpt-5 and later; it refuses
// max_tokens for them before sending) is the limit sent as
// max_completion_tokens, which there counts hidden reasoning tokens too.
func (d *Drafter) request(msgs []goopenai.ChatCompletionMessage) goopenai.ChatCompletionRequest {
	creq := goopenai.ChatCompletionRequest{
		Model:       d.model,
		Messages:    msgs,
		Temperature: d.temperature,
	}
	if d.completionTokens {
		creq.MaxCompletionTokens = d.maxTokens
	} else {
		creq.MaxTokens = d.maxTokens
	}
	return creq
}

func (d *Drafter) complete(ctx context.Context, creq goopenai.ChatCompletionRequest) (bot.Draft, error) {
	resp, err := d.client.CreateChatCompletion(ctx, creq)
	if err != nil {
		return bot.Draft{}, err
	}
	if len(resp.Choices) == 0 {
		return bot.Draft{}, errors.New("completion has no choices")
	}
	c := resp.Choices[0]
	if err := finished(c.FinishReason); err != nil {
		return bot.Draft{}, err
	}
	if c.Message.Refusal != "" {
		return bot.Draft{}, fmt.Errorf("model refused: %s", clip(c.Message.Refusal))
	}
	return d.result(c.Message.Content, resp.Model)
}

func (d *Drafter) stream(ctx context.Context, creq goopenai.ChatCompletionRequest, partial func(string)) (bot.Draft, error) {
	s, err := d.client.CreateChatCompletionStream(ctx, creq)
	if err != nil {
		return bot.Draft{}, err
	}
	defer s.Close()

	var (
		text   strings.Builder
		model  string
		shown  string
		reason goopenai.FinishReason
	)
	for {
		chunk, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return bot.Draft{}, fmt.Errorf("stream after %d bytes: %w", text.Len(), err)
		}
		if chunk.Model != "" {
			model = chunk.Model
		}
		if len(chunk.Choices) == 0 {
			continue // a usage or keep-alive chunk
		}
		c := chunk.Choices[0]
		if c.FinishReason != "" {
			reason = c.FinishReason
		}
		if c.Delta.Refusal != "" {
			return bot.Draft{}, fmt.Errorf("model refused: %s", clip(c.Delta.Refusal))
		}
		if c.Delta.Content == "" {
			continue
		}
		text.WriteString(c.Delta.Content)
		if v := visible(text.String()); v != shown && v != "" {
			shown = v
			partial(v)
		}
	}
	if err := finished(reason); err != nil {
		return bot.Draft{}, err
	}
	return d.result(text.String(), model)
}

// finished rejects completions the server cut short.
func finished(r goopenai.FinishReason) error {
	switch r {
	case goopenai.FinishReasonLength:
		return errors.New("completion truncated at the token limit")
	case goopenai.FinishReasonContentFilter:
		return errors.New("completion withheld by the content filter")
	}
	return nil
}

func (d *Drafter) result(text, model string) (bot.Draft, error) {
	text = visible(text)
	if text == "" {
		return bot.Draft{}, errors.New("empty completion")
	}
	if model == "" {
		model = d.model
	}
	return bot.Draft{Text: text, Model: model}, nil
}

// visible returns the part of a draft meant for the reader: without the
// <think>…</think> block some local reasoning models emit first (nothing
// while it is still open), and trimmed.
func visible(text string) string {
	t := strings.TrimSpace(text)
	if rest, ok := strings.CutPrefix(t, "<think>"); ok {
		_, after, closed := strings.Cut(rest, "</think>")
		if !closed {
			return ""
		}
		t = strings.TrimSpace(after)
	}
	return t
}
