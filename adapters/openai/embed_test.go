package openai_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/openai"
)

// vocabulary gives the fake's embeddings their dimensions: a text's vector
// counts these words, plus one so that no vector is zero.
var vocabulary = []string{"congress", "sanctions", "khamenei", "obama", "spoilers", "geneva", "deal"}

func wordVector(text string) []float32 {
	v := make([]float32, len(vocabulary)+1)
	v[len(vocabulary)] = 0.1
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ".,?!;:")
		if i := slices.Index(vocabulary, w); i >= 0 {
			v[i]++
		}
	}
	return v
}

// embeddings answers an embeddings request with word-count vectors.
func embeddings(w http.ResponseWriter, r *http.Request, input []string, n int) {
	data := make([]map[string]any, len(input))
	// Answer in reverse order: clients must use each item's index.
	for i := range input {
		j := len(input) - 1 - i
		data[i] = map[string]any{"object": "embedding", "index": j, "embedding": wordVector(input[j])}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"object": "list",
		"model":  "talks-embed",
		"data":   data,
		"usage":  map[string]int{"prompt_tokens": 10, "total_tokens": 10},
	})
}

var embedPassages = []openai.Passage{
	{ID: "p1", Text: "Khamenei and Obama backed the Geneva deal."},
	{ID: "p2", Text: "Congress has pushed for more hard-hitting sanctions."},
	{ID: "p3", Text: "Spoilers on all sides, Congress included, oppose the deal."},
	{ID: "p4", Text: "The devil is in the details."},
}

func newEmbedder(t *testing.T, f *fakeAPI, dir, model string) *openai.Embedder {
	t.Helper()
	e, err := openai.NewEmbedder(openai.Options{
		APIKey:     testKey,
		BaseURL:    f.URL(),
		EmbedModel: model,
		DataDir:    dir,
		HTTPClient: newClient(t),
	})
	if err != nil {
		t.Fatalf("NewEmbedder: got error %v, want none", err)
	}
	return e
}

func TestRankByCosine(t *testing.T) {
	tests := []struct {
		query string
		k     int
		want  []string
	}{
		{"What sanctions did Congress want?", 2, []string{"p2", "p3"}},
		{"Did Khamenei support the Geneva deal?", 1, []string{"p1"}},
		{"Who are the spoilers?", 1, []string{"p3"}},
		{"congress", 0, []string{"p2", "p3", "p4", "p1"}},
	}
	f := newFake(t, nil, embeddings)
	e := newEmbedder(t, f, "", "talks-embed")
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := e.Rank(context.Background(), tt.query, embedPassages, tt.k)
			if err != nil {
				t.Fatalf("Rank: got error %v, want none", err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	// The passages were embedded once; each query cost one call.
	if got, want := f.embedCalls.Load(), int64(1+len(tests)); got != want {
		t.Errorf("got %d embedding calls, want %d", got, want)
	}
}

func TestEmbedCacheReusedAfterRestart(t *testing.T) {
	dir := t.TempDir()
	f := newFake(t, nil, embeddings)

	first := newEmbedder(t, f, dir, "talks-embed")
	if err := first.Embed(context.Background(), embedPassages); err != nil {
		t.Fatalf("Embed: got error %v, want none", err)
	}
	if got := f.embedCalls.Load(); got != 1 {
		t.Fatalf("first start: got %d embedding calls, want 1", got)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "embeddings", "*.vec"))
	if len(files) != len(embedPassages) {
		t.Fatalf("got %d cached vectors, want %d", len(files), len(embedPassages))
	}

	// A restart: a new Embedder over the same folder.
	second := newEmbedder(t, f, dir, "talks-embed")
	if err := second.Embed(context.Background(), embedPassages); err != nil {
		t.Fatalf("Embed after restart: got error %v, want none", err)
	}
	if got := f.embedCalls.Load(); got != 1 {
		t.Errorf("after restart: got %d embedding calls in all, want still 1", got)
	}
	got, err := second.Rank(context.Background(), "sanctions", embedPassages, 1)
	if err != nil || !slices.Equal(got, []string{"p2"}) {
		t.Errorf("Rank after restart: got %v, %v, want [p2]", got, err)
	}
	f.mu.Lock()
	last := f.embedded[len(f.embedded)-1]
	f.mu.Unlock()
	if !slices.Equal(last, []string{"sanctions"}) {
		t.Errorf("got embedding input %q, want only the query", last)
	}

	// A changed passage and another model are new content.
	changed := slices.Clone(embedPassages)
	changed[3].Text = "The devil is in the technical details."
	if err := second.Embed(context.Background(), changed); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	last = f.embedded[len(f.embedded)-1]
	f.mu.Unlock()
	if !slices.Equal(last, []string{changed[3].Text}) {
		t.Errorf("got embedding input %q, want only the changed passage", last)
	}
	other := newEmbedder(t, f, dir, "talks-embed-large")
	before := f.embedCalls.Load()
	if err := other.Embed(context.Background(), embedPassages); err != nil {
		t.Fatal(err)
	}
	if got := f.embedCalls.Load() - before; got != 1 {
		t.Errorf("another model: got %d embedding calls, want 1", got)
	}
}

func TestEmbedCacheDamagedFileIsReembedded(t *testing.T) {
	dir := t.TempDir()
	f := newFake(t, nil, embeddings)
	if err := newEmbedder(t, f, dir, "talks-embed").Embed(context.Background(), embedPassages[:1]); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "embeddings", "*.vec"))
	if len(files) != 1 {
		t.Fatalf("got %d cached vectors, want 1", len(files))
	}
	if err := os.WriteFile(files[0], []byte("TBV1\x05\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := newEmbedder(t, f, dir, "talks-embed").Embed(context.Background(), embedPassages[:1]); err != nil {
		t.Fatalf("Embed over a damaged cache: got error %v, want none", err)
	}
	if got := f.embedCalls.Load(); got != 2 {
		t.Errorf("got %d embedding calls, want 2 (the damaged vector re-embedded)", got)
	}
}

func TestEmbedFailures(t *testing.T) {
	tests := []struct {
		name    string
		handler embedHandler
		want    string
	}{
		{"server error", func(w http.ResponseWriter, r *http.Request, input []string, n int) {
			writeError(w, http.StatusInternalServerError, "down", nil)
		}, "status 500"},
		{"too few vectors", func(w http.ResponseWriter, r *http.Request, input []string, n int) {
			embeddings(w, r, input[:1], n)
		}, "embeddings for"},
		{"zero vector", func(w http.ResponseWriter, r *http.Request, input []string, n int) {
			w.Header().Set("Content-Type", "application/json")
			data := make([]map[string]any, len(input))
			for i := range input {
				data[i] = map[string]any{"index": i, "embedding": []float32{0, 0}}
			}
			json.NewEncoder(w).Encode(map[string]any{"data": data})
		}, "zero vector"},
		{"malformed JSON", func(w http.ResponseWriter, r *http.Request, input []string, n int) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"data":[{"embedding":[0.1,`))
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, nil, tt.handler)
			e := newEmbedder(t, f, t.TempDir(), "talks-embed")
			_, err := e.Rank(context.Background(), "sanctions", embedPassages, 2)
			if err == nil {
				t.Fatal("got no error, want one")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %q, want it to mention %q", err, tt.want)
			}
			if strings.Contains(err.Error(), testKey) {
				t.Errorf("got error %q holding the API key", err)
			}
		})
	}
}

func TestNewEmbedderNeedsModel(t *testing.T) {
	_, err := openai.NewEmbedder(openai.Options{BaseURL: "http://127.0.0.1:11434/v1"})
	if err == nil || !strings.Contains(err.Error(), "embed model") {
		t.Errorf("got error %v, want one naming the embed model", err)
	}
}

func TestEmbedderCircuitBreaker(t *testing.T) {
	f := newFake(t, nil, func(w http.ResponseWriter, r *http.Request, input []string, n int) {
		writeError(w, http.StatusBadRequest, "unknown model", nil)
	})
	e, err := openai.NewEmbedder(openai.Options{
		BaseURL: f.URL(), EmbedModel: "talks-embed", BreakerThreshold: 2, HTTPClient: newClient(t),
	})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		e.Rank(context.Background(), "sanctions", embedPassages, 1)
	}
	if _, err := e.Rank(context.Background(), "sanctions", embedPassages, 1); !errors.Is(err, openai.ErrCircuitOpen) {
		t.Errorf("got error %v, want ErrCircuitOpen", err)
	}
	if got := f.embedCalls.Load(); got != 2 {
		t.Errorf("got %d calls, want 2", got)
	}
}

func TestFuseRRF(t *testing.T) {
	tests := []struct {
		name     string
		k        int
		rankings [][]string
		want     []string
	}{
		{"no rankings", 60, nil, []string{}},
		{"one ranking kept as is", 60, [][]string{{"a", "b", "c"}}, []string{"a", "b", "c"}},
		{"agreement wins", 60, [][]string{{"a", "b", "c"}, {"c", "a", "d"}}, []string{"a", "c", "b", "d"}},
		{"in both beats first in one", 60, [][]string{{"x", "b"}, {"y", "b"}}, []string{"b", "x", "y"}},
		{"ties keep first appearance", 60, [][]string{{"a", "b"}, {"b", "a"}}, []string{"a", "b"}},
		{"k <= 0 means 60", 0, [][]string{{"a", "b", "c"}, {"c", "a", "d"}}, []string{"a", "c", "b", "d"}},
		{"k = 1", 1, [][]string{{"a", "b", "c", "d", "e"}, {"e", "x"}}, []string{"e", "a", "b", "x", "c", "d"}},
		{"a repeat within a ranking counts once", 60, [][]string{{"a", "c", "c"}, {"b"}}, []string{"a", "b", "c"}},
		{"empty rankings", 60, [][]string{{}, {"a"}}, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := openai.FuseRRF(tt.k, tt.rankings...)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFuseRRFSmallKFavoursTopRanks(t *testing.T) {
	// j is tenth in both rankings, a and p first in one each.
	one := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	two := []string{"p", "q", "r", "s", "t", "u", "v", "w", "y", "j"}
	tests := []struct {
		k    int
		want string
	}{
		{60, "j"}, // 2/70 beats 1/61
		{1, "a"},  // 1/2 beats 2/11
	}
	for _, tt := range tests {
		got := openai.FuseRRF(tt.k, one, two)
		if got[0] != tt.want {
			t.Errorf("k=%d: got %s first, want %s", tt.k, got[0], tt.want)
		}
	}
}
