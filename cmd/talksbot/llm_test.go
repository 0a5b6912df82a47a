package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/config"
	"github.com/talksbot/talksbot/knowledge"
)

// embedVocabulary gives wordEmbeddings' vectors their dimensions: a text's
// vector counts these words, plus a little so that no vector is zero.
var embedVocabulary = []string{"congress", "sanctions", "hardliners", "centrifuge", "centrifuges", "cascades"}

// wordEmbeddings is an OpenAI-compatible embeddings API on 127.0.0.1 that
// embeds each text as the counts of embedVocabulary's words in it. It
// counts the texts it embeds; fail makes it answer 500 instead.
type wordEmbeddings struct {
	srv *httptest.Server

	mu       sync.Mutex
	embedded map[string]int // text → times embedded
	fail     bool
}

func newWordEmbeddings(t *testing.T) *wordEmbeddings {
	t.Helper()
	f := &wordEmbeddings{embedded: make(map[string]int)}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Input []string `json:"input"`
		}
		f.mu.Lock()
		fail := f.fail
		f.mu.Unlock()
		switch {
		case r.URL.Path != "/v1/embeddings":
			http.Error(w, `{"error":{"message":"not found"}}`, http.StatusNotFound)
			return
		case fail:
			http.Error(w, `{"error":{"message":"embeddings are down"}}`, http.StatusInternalServerError)
			return
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, `{"error":{"message":"bad request"}}`, http.StatusBadRequest)
			return
		}
		data := make([]map[string]any, len(req.Input))
		f.mu.Lock()
		for i, text := range req.Input {
			f.embedded[text]++
			v := make([]float32, len(embedVocabulary)+1)
			v[len(embedVocabulary)] = 0.01
			for _, word := range strings.Fields(strings.ToLower(text)) {
				if j := slices.Index(embedVocabulary, strings.Trim(word, ".,?!;:")); j >= 0 {
					v[j]++
				}
			}
			data[i] = map[string]any{"object": "embedding", "index": i, "embedding": v}
		}
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"object": "list", "model": "tiny-embed", "data": data})
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// texts returns how many distinct texts were embedded and how many times
// in all.
func (f *wordEmbeddings) texts() (distinct, total int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, n := range f.embedded {
		total += n
	}
	return len(f.embedded), total
}

func (f *wordEmbeddings) setFail(fail bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail = fail
}

// embeddingsConfig is a configuration with embeddings from f, keeping
// vectors under data.
func embeddingsConfig(t *testing.T, f *wordEmbeddings, data string) config.Config {
	t.Helper()
	env := map[string]string{
		"OPENAI_BASE_URL":      f.srv.URL + "/v1",
		"TALKSBOT_EMBED_MODEL": "tiny-embed",
		"TALKSBOT_DATA":        data,
	}
	cfg, err := config.Load(config.Sources{Env: func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok
	}})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// glossaryIndex is the article plus a short glossary of enrichment.
func glossaryIndex(t *testing.T) *knowledge.Index {
	t.Helper()
	doc, err := knowledge.Parse("glossary.md", []byte("# Enrichment Glossary\n\n## Centrifuges\n\n"+
		"A centrifuge spins uranium hexafluoride gas at high speed to separate isotopes. "+
		"Cascades link hundreds of centrifuges so that each stage enriches a little more.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default(), doc})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func passageIDs(ix *knowledge.Index) []string {
	var ids []string
	for _, p := range ix.Passages() {
		ids = append(ids, p.ID)
	}
	return ids
}

// TestEmbeddingRankerPerIndex shows that the bot gets a ranker per index,
// each ranking that index's passages, and that passages embedded once (in
// memory or on disk) are not embedded again for another index or after a
// restart.
func TestEmbeddingRankerPerIndex(t *testing.T) {
	f := newWordEmbeddings(t)
	data := t.TempDir()
	l, err := newLLM(embeddingsConfig(t, f, data), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	var opts bot.Options
	l.apply(&opts)
	if opts.NewRanker == nil {
		t.Fatal("got no NewRanker with TALKSBOT_EMBED_MODEL set")
	}
	ctx := context.Background()
	article, glossary := defaultIndex(t), glossaryIndex(t)

	l.embeddings.index(ctx, glossary)
	distinct, total := f.texts()
	if want := len(glossary.Passages()); distinct != want || total != want {
		t.Fatalf("got %d texts embedded (%d distinct) for the index, want its %d passages once each", total, distinct, want)
	}

	const question = "What do cascades of centrifuges do?"
	for _, ix := range []*knowledge.Index{article, glossary} {
		ids, err := opts.NewRanker(ix).Rank(ctx, question, 0)
		if err != nil {
			t.Fatalf("rank: got error %v, want none", err)
		}
		if got, want := slices.Sorted(slices.Values(ids)), slices.Sorted(slices.Values(passageIDs(ix))); !slices.Equal(got, want) {
			t.Errorf("got a ranking of %d passages, want the %d of the ranker's index", len(got), len(want))
		}
		if ix == glossary && !strings.HasPrefix(ids[0], "glossary") {
			t.Errorf("got %s first, want the glossary's passage", ids[0])
		}
	}
	if d, n := f.texts(); d != distinct+1 || n != total+2 {
		t.Errorf("got %d more texts embedded (%d distinct), want the question alone, once per ranking", n-total, d-distinct)
	}

	// A restart finds every passage's vector on disk.
	l2, err := newLLM(embeddingsConfig(t, f, data), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	_, before := f.texts()
	l2.embeddings.index(ctx, glossary)
	if _, after := f.texts(); after != before {
		t.Errorf("got %d texts embedded after a restart, want none", after-before)
	}
}

// TestAskRanksByEmbeddings answers with embeddings on, then with the
// embeddings API down: the answer is the same, ranked by keywords, and the
// failure is logged.
func TestAskRanksByEmbeddings(t *testing.T) {
	cleanEnv(t)
	f := newWordEmbeddings(t)
	t.Setenv("OPENAI_BASE_URL", f.srv.URL+"/v1") // chat drafts fail (404): answers stay extractive
	t.Setenv("TALKSBOT_EMBED_MODEL", "tiny-embed")
	t.Setenv("TALKSBOT_DATA", t.TempDir())
	t.Setenv("TALKSBOT_LLM_TIMEOUT", "5s")

	ask := func() bot.Ask {
		t.Helper()
		r := runCLI(t, "", "ask", "--json", "What has Congress pushed for?")
		wantExit(t, r, 0)
		var a bot.Ask
		if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
			t.Fatal(err)
		}
		if !a.Answered || a.Mode != bot.ModeExtractive || len(a.Citations) == 0 ||
			!strings.Contains(a.Citations[0].Text, "hard-hitting sanctions") {
			t.Fatalf("got %+v, want the sanctions passage cited first", a)
		}
		return a
	}
	a := ask()
	if distinct, _ := f.texts(); distinct < len(defaultIndex(t).Passages()) {
		t.Errorf("got %d texts embedded, want every passage and the question", distinct)
	}
	// Reciprocal rank fusion scores at most 2/61 (0.0328) per passage.
	if s := a.Citations[0].Score; s <= 0 || s > 0.0328 {
		t.Errorf("got score %v, want a fused score", s)
	}

	f.setFail(true)
	r := runCLI(t, "", "ask", "--json", "--k", "1", "What has Congress pushed for?")
	wantExit(t, r, 0)
	var down bot.Ask
	if err := json.Unmarshal([]byte(r.stdout), &down); err != nil {
		t.Fatal(err)
	}
	if !down.Answered || len(down.Citations) != 1 || down.Citations[0].ID != a.Citations[0].ID || down.Citations[0].Score <= 0.0328 {
		t.Errorf("got %+v with the embeddings API down, want the same passage with its keyword score", down)
	}
	if !strings.Contains(r.stderr, "ranking by meaning failed") {
		t.Errorf("got stderr:\n%s\nwant the failed ranking logged", r.stderr)
	}
}
