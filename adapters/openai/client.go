package openai

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	goopenai "github.com/sashabaranov/go-openai"
)

// Defaults for the zero values of Options.
const (
	DefaultModel            = "gpt-4o-mini"
	DefaultTimeout          = 20 * time.Second
	DefaultMaxConcurrent    = 4
	DefaultBreakerThreshold = 5
	DefaultBreakerCooldown  = 30 * time.Second
	// DefaultMaxTokens bounds a draft: an answer is at most four sentences
	// with citations (about 150 tokens in English, more in languages that
	// tokenize less well), so 400 leaves room without letting a runaway
	// completion cost time and money. A draft cut at the limit is dropped.
	DefaultMaxTokens = 400
)

// maxResponseBytes bounds what one API response may hold, so a broken or
// hostile server cannot exhaust memory.
const maxResponseBytes = 8 << 20

// Options configure a Drafter or an Embedder. cmd/talksbot fills them from
// OPENAI_API_KEY, OPENAI_BASE_URL, TALKSBOT_LLM_MODEL, TALKSBOT_LLM_TIMEOUT,
// TALKSBOT_LLM_MAX_TOKENS, TALKSBOT_EMBED_MODEL and TALKSBOT_DATA; the
// caller enables the LLM when APIKey or BaseURL is set.
type Options struct {
	// APIKey is sent as a bearer token (Azure: the api-key header). Leave it
	// empty for local servers such as Ollama, vLLM, llama.cpp or LocalAI: no
	// Authorization header is sent then.
	APIKey string
	// BaseURL is the API root including its version path, for example
	// http://127.0.0.1:11434/v1 for Ollama; empty means OpenAI's own API.
	// With Azure it is the resource endpoint (https://NAME.openai.azure.com).
	BaseURL string
	// Model is the chat model (with Azure, the deployment); DefaultModel when
	// empty.
	Model string
	// Azure selects Azure OpenAI's URL layout and api-key authentication.
	Azure bool
	// APIVersion is Azure's api-version; go-openai's default when empty.
	APIVersion string
	// MaxTokens bounds the tokens a draft may take; DefaultMaxTokens when
	// zero. It is sent as max_tokens, or as max_completion_tokens to the
	// reasoning models that reject max_tokens; there it includes the
	// model's hidden reasoning, so such models need a larger value. A
	// draft cut at the limit is an error, and the bot answers extractively.
	// Ignored by an Embedder.
	MaxTokens int
	// Timeout bounds one call, queueing and a retry included;
	// DefaultTimeout when zero.
	Timeout time.Duration
	// MaxConcurrent bounds calls in flight; DefaultMaxConcurrent when zero.
	MaxConcurrent int
	// BreakerThreshold is how many consecutive failures open the circuit;
	// DefaultBreakerThreshold when zero.
	BreakerThreshold int
	// BreakerCooldown is how long an open circuit fails fast before one
	// probe call is let through; DefaultBreakerCooldown when zero.
	BreakerCooldown time.Duration
	// Now tells the time for the circuit breaker's cooldown; time.Now when
	// nil. Tests set it to move the clock without waiting.
	Now func() time.Time
	// HTTPClient makes the requests; a new client when nil. Its own Timeout,
	// if any, applies on top of Timeout.
	HTTPClient *http.Client
	// Logger receives operational logs; nothing is logged when nil. Prompts
	// and drafts are logged at debug level only, keys never.
	Logger *slog.Logger
	// EmbedModel is the embedding model an Embedder uses (required there,
	// ignored by a Drafter).
	EmbedModel string
	// DataDir is talksbot's state folder; an Embedder caches vectors in its
	// "embeddings" subfolder. Empty: vectors are cached in memory only.
	DataDir string
}

// settings are Options validated and with defaults applied.
type settings struct {
	Options
	client *goopenai.Client
}

func (o Options) settle() (settings, error) {
	var errs []error
	if o.Timeout < 0 {
		errs = append(errs, fmt.Errorf("timeout %s: must not be negative", o.Timeout))
	}
	if o.MaxTokens < 0 {
		errs = append(errs, fmt.Errorf("max tokens %d: must not be negative", o.MaxTokens))
	}
	if o.MaxConcurrent < 0 {
		errs = append(errs, fmt.Errorf("max concurrent %d: must not be negative", o.MaxConcurrent))
	}
	if o.BreakerThreshold < 0 {
		errs = append(errs, fmt.Errorf("breaker threshold %d: must not be negative", o.BreakerThreshold))
	}
	if o.BreakerCooldown < 0 {
		errs = append(errs, fmt.Errorf("breaker cooldown %s: must not be negative", o.BreakerCooldown))
	}
	if strings.ContainsAny(o.APIKey, "\r\n") {
		errs = append(errs, errors.New("api key: must be a single line"))
	}
	if o.BaseURL != "" {
		if err := checkBaseURL(o.BaseURL); err != nil {
			errs = append(errs, err)
		}
	}
	if o.Azure && o.BaseURL == "" {
		errs = append(errs, errors.New("base url: required with Azure (the resource endpoint)"))
	}
	if err := errors.Join(errs...); err != nil {
		return settings{}, fmt.Errorf("openai options: %w", err)
	}

	if o.Model == "" {
		o.Model = DefaultModel
	}
	if o.MaxTokens == 0 {
		o.MaxTokens = DefaultMaxTokens
	}
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxConcurrent == 0 {
		o.MaxConcurrent = DefaultMaxConcurrent
	}
	if o.BreakerThreshold == 0 {
		o.BreakerThreshold = DefaultBreakerThreshold
	}
	if o.BreakerCooldown == 0 {
		o.BreakerCooldown = DefaultBreakerCooldown
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	o.Logger = o.Logger.With("adapter", "openai")

	// Start from go-openai's defaults: a bare ClientConfig lacks the
	// EmptyMessagesLimit that streaming relies on.
	var cfg goopenai.ClientConfig
	if o.Azure {
		cfg = goopenai.DefaultAzureConfig(o.APIKey, o.BaseURL)
		if o.APIVersion != "" {
			cfg.APIVersion = o.APIVersion
		}
	} else {
		cfg = goopenai.DefaultConfig(o.APIKey)
		if o.BaseURL != "" {
			cfg.BaseURL = strings.TrimRight(o.BaseURL, "/")
		}
	}
	hc := o.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	cfg.HTTPClient = noteDoer{next: hc}
	return settings{Options: o, client: goopenai.NewClientWithConfig(cfg)}, nil
}

func checkBaseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("base url %q: not a URL", raw)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("base url %q: must start with http:// or https://", raw)
	}
	if u.Host == "" {
		return fmt.Errorf("base url %q: has no host", raw)
	}
	if u.User != nil {
		return fmt.Errorf("base url %q: must not hold credentials (use the API key)", u.Redacted())
	}
	return nil
}

// noteKey is the context key under which a call attempt leaves a *callNote
// for noteDoer to fill.
type noteKey struct{}

// callNote records what go-openai's errors do not carry: the response's
// retry hints.
type callNote struct {
	retryAfter   string
	retryAfterMs string
}

// noteDoer wraps the HTTP client: it records retry hints of each response
// in the attempt's callNote and bounds the size of response bodies.
type noteDoer struct {
	next goopenai.HTTPDoer
}

func (d noteDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.next.Do(req)
	if err != nil {
		return resp, err
	}
	if n, ok := req.Context().Value(noteKey{}).(*callNote); ok {
		n.retryAfter = resp.Header.Get("Retry-After")
		n.retryAfterMs = resp.Header.Get("Retry-After-Ms")
	}
	resp.Body = &limitedBody{ReadCloser: resp.Body, left: maxResponseBytes + 1}
	return resp, nil
}

// limitedBody fails a read once more than maxResponseBytes have been read;
// left starts one above the limit so a body of exactly the limit still ends
// with the underlying io.EOF.
type limitedBody struct {
	io.ReadCloser
	left int64
}

var errResponseTooLarge = fmt.Errorf("response larger than %d bytes", maxResponseBytes)

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errResponseTooLarge
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.ReadCloser.Read(p)
	b.left -= int64(n)
	return n, err
}
