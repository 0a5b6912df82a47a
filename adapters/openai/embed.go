package openai

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	goopenai "github.com/sashabaranov/go-openai"
)

// embedBatch is how many texts go into one embeddings request.
const embedBatch = 64

// cacheMagic starts every cached vector file; the format is the magic, the
// dimension as a little-endian uint32, then that many little-endian float32.
const cacheMagic = "TBV1"

// Passage is a text to embed and the id ranking results refer to it by.
type Passage struct {
	ID   string
	Text string
}

// Embedder embeds passages through an OpenAI-compatible embeddings API and
// ranks them by cosine similarity to a query. Vectors are kept in memory and,
// when Options.DataDir is set, on disk keyed by the SHA-256 of model and
// text, so a restart re-embeds nothing that is unchanged. Queries are never
// written to disk. It is safe for concurrent use.
type Embedder struct {
	client *goopenai.Client
	model  string
	dir    string // "" when vectors live in memory only
	guard  *guard
	log    *slog.Logger

	mu   sync.RWMutex
	vecs map[[32]byte][]float32 // unit length
}

// NewEmbedder returns an Embedder for opts.EmbedModel, caching vectors under
// opts.DataDir/embeddings. It makes no network call.
func NewEmbedder(opts Options) (*Embedder, error) {
	if strings.TrimSpace(opts.EmbedModel) == "" {
		return nil, errors.New("openai options: embed model: required for embeddings")
	}
	s, err := opts.settle()
	if err != nil {
		return nil, err
	}
	e := &Embedder{
		client: s.client,
		model:  s.EmbedModel,
		guard:  newGuard(s, "embeddings"),
		log:    s.Logger,
		vecs:   make(map[[32]byte][]float32),
	}
	if s.DataDir != "" {
		e.dir = filepath.Join(s.DataDir, "embeddings")
	}
	return e, nil
}

// Embed makes sure every passage has a vector, from memory, the disk cache or
// the API (in batches). Call it at startup to pay for the passages once.
func (e *Embedder) Embed(ctx context.Context, passages []Passage) error {
	_, err := e.vectors(ctx, passages)
	return err
}

// Rank returns the IDs of the k passages most similar to query, best first;
// all of them when k <= 0. Passages without a vector yet are embedded first.
// An error means the API could not be used: the caller ranks by keywords
// alone.
func (e *Embedder) Rank(ctx context.Context, query string, passages []Passage, k int) ([]string, error) {
	if strings.TrimSpace(query) == "" {
		return nil, errors.New("openai: rank: empty query")
	}
	vecs, err := e.vectors(ctx, passages)
	if err != nil {
		return nil, err
	}
	qs, err := e.embed(ctx, []string{query})
	if err != nil {
		return nil, err
	}
	q := qs[0]

	type scored struct {
		id    string
		score float32
	}
	ranked := make([]scored, 0, len(passages))
	for i, p := range passages {
		v := vecs[i]
		if len(v) != len(q) {
			return nil, fmt.Errorf("openai: rank: passage %s has %d dimensions, the query %d", p.ID, len(v), len(q))
		}
		ranked = append(ranked, scored{id: p.ID, score: dot(q, v)})
	}
	slices.SortStableFunc(ranked, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	if k > 0 && k < len(ranked) {
		ranked = ranked[:k]
	}
	ids := make([]string, len(ranked))
	for i, r := range ranked {
		ids[i] = r.id
	}
	return ids, nil
}

// vectors returns the vector of each passage, in order.
func (e *Embedder) vectors(ctx context.Context, passages []Passage) ([][]float32, error) {
	out := make([][]float32, len(passages))
	var missing []int
	e.mu.RLock()
	for i, p := range passages {
		if v, ok := e.vecs[e.key(p.Text)]; ok {
			out[i] = v
		} else {
			missing = append(missing, i)
		}
	}
	e.mu.RUnlock()

	var fetch []int
	for _, i := range missing {
		if v, ok := e.load(e.key(passages[i].Text)); ok {
			out[i] = v
			e.remember(passages[i].Text, v)
		} else {
			fetch = append(fetch, i)
		}
	}
	if len(fetch) > 0 {
		e.log.Info("embedding passages", "model", e.model, "count", len(fetch), "cached", len(passages)-len(fetch))
	}
	for start := 0; start < len(fetch); start += embedBatch {
		batch := fetch[start:min(start+embedBatch, len(fetch))]
		texts := make([]string, len(batch))
		for j, i := range batch {
			if strings.TrimSpace(passages[i].Text) == "" {
				return nil, fmt.Errorf("openai: embed: passage %s is empty", passages[i].ID)
			}
			texts[j] = passages[i].Text
		}
		vs, err := e.embed(ctx, texts)
		if err != nil {
			return nil, err
		}
		for j, i := range batch {
			out[i] = vs[j]
			e.remember(passages[i].Text, vs[j])
			e.store(e.key(passages[i].Text), vs[j])
		}
	}
	return out, nil
}

// embed calls the API for texts and returns their unit vectors, in order.
func (e *Embedder) embed(ctx context.Context, texts []string) ([][]float32, error) {
	var out [][]float32
	err := e.guard.do(ctx, "embed", func(ctx context.Context) error {
		resp, err := e.client.CreateEmbeddings(ctx, goopenai.EmbeddingRequest{
			Input: texts,
			Model: goopenai.EmbeddingModel(e.model),
		})
		if err != nil {
			return err
		}
		out, err = unitVectors(resp.Data, len(texts))
		return err
	})
	return out, err
}

// unitVectors checks an embeddings response against the n texts asked for
// and returns the vectors normalised, in input order.
func unitVectors(data []goopenai.Embedding, n int) ([][]float32, error) {
	if len(data) != n {
		return nil, fmt.Errorf("got %d embeddings for %d texts", len(data), n)
	}
	out := make([][]float32, n)
	dim := 0
	for _, d := range data {
		if d.Index < 0 || d.Index >= n || out[d.Index] != nil {
			return nil, fmt.Errorf("embedding index %d: out of range or repeated", d.Index)
		}
		v, err := normalize(d.Embedding)
		if err != nil {
			return nil, fmt.Errorf("embedding %d: %w", d.Index, err)
		}
		if dim != 0 && len(v) != dim {
			return nil, fmt.Errorf("embedding %d: %d dimensions, others %d", d.Index, len(v), dim)
		}
		dim = len(v)
		out[d.Index] = v
	}
	return out, nil
}

// normalize returns v scaled to unit length, refusing empty, zero and
// non-finite vectors.
func normalize(v []float32) ([]float32, error) {
	if len(v) == 0 {
		return nil, errors.New("empty vector")
	}
	var sum float64
	for _, x := range v {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return nil, errors.New("vector holds a non-finite value")
		}
		sum += float64(x) * float64(x)
	}
	if sum == 0 {
		return nil, errors.New("zero vector")
	}
	norm := math.Sqrt(sum)
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(float64(x) / norm)
	}
	return out, nil
}

// dot is the cosine similarity of two unit vectors of the same length.
func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// key is the content hash a vector is cached under.
func (e *Embedder) key(text string) [32]byte {
	h := sha256.New()
	h.Write([]byte(e.model))
	h.Write([]byte{0})
	h.Write([]byte(text))
	var k [32]byte
	h.Sum(k[:0])
	return k
}

func (e *Embedder) remember(text string, v []float32) {
	e.mu.Lock()
	e.vecs[e.key(text)] = v
	e.mu.Unlock()
}

func (e *Embedder) path(k [32]byte) string {
	return filepath.Join(e.dir, hex.EncodeToString(k[:])+".vec")
}

// load reads a cached vector; a missing or damaged file is a miss.
func (e *Embedder) load(k [32]byte) ([]float32, bool) {
	if e.dir == "" {
		return nil, false
	}
	data, err := os.ReadFile(e.path(k))
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			e.log.Warn("embedding cache unreadable", "err", err)
		}
		return nil, false
	}
	v, err := decodeVector(data)
	if err != nil {
		e.log.Warn("embedding cache damaged, re-embedding", "file", e.path(k), "err", err)
		return nil, false
	}
	return v, true
}

// store writes a vector to the cache. Failing to is logged, not fatal: the
// vector is still in memory.
func (e *Embedder) store(k [32]byte, v []float32) {
	if e.dir == "" {
		return
	}
	if err := writeFileAtomic(e.dir, e.path(k), encodeVector(v)); err != nil {
		e.log.Warn("embedding cache not written", "err", err)
	}
}

func encodeVector(v []float32) []byte {
	b := make([]byte, 0, len(cacheMagic)+4+4*len(v))
	b = append(b, cacheMagic...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(v)))
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	return b
}

func decodeVector(b []byte) ([]float32, error) {
	rest, ok := bytes.CutPrefix(b, []byte(cacheMagic))
	if !ok || len(rest) < 4 {
		return nil, errors.New("not a vector file")
	}
	n := binary.LittleEndian.Uint32(rest)
	rest = rest[4:]
	if uint64(len(rest)) != 4*uint64(n) {
		return nil, fmt.Errorf("holds %d bytes for %d dimensions", len(rest), n)
	}
	v := make([]float32, n)
	for i := range v {
		v[i] = math.Float32frombits(binary.LittleEndian.Uint32(rest[4*i:]))
	}
	return normalize(v)
}

// writeFileAtomic writes data to path through a temporary file in dir, so a
// crash never leaves a half-written vector behind.
func writeFileAtomic(dir, path string, data []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create cache dir: %w", err)
	}
	f, err := os.CreateTemp(dir, ".vec-*")
	if err != nil {
		return fmt.Errorf("create cache file: %w", err)
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write cache file: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("rename cache file: %w", err)
	}
	return nil
}

// FuseRRF merges rankings of passage IDs, each best first, by reciprocal
// rank fusion: an ID scores the sum of 1/(k+rank) over the rankings it is in,
// rank counting from 1. k <= 0 means the customary 60. Ties keep the order in
// which IDs first appear, ranking by ranking; an ID repeated within one
// ranking counts at its best rank only.
func FuseRRF(k int, rankings ...[]string) []string {
	if k <= 0 {
		k = 60
	}
	type fused struct {
		id    string
		score float64
	}
	var order []fused
	at := make(map[string]int)
	for _, ranking := range rankings {
		seen := make(map[string]bool, len(ranking))
		for r, id := range ranking {
			if seen[id] {
				continue
			}
			seen[id] = true
			i, ok := at[id]
			if !ok {
				i = len(order)
				at[id] = i
				order = append(order, fused{id: id})
			}
			order[i].score += 1 / float64(k+r+1)
		}
	}
	slices.SortStableFunc(order, func(a, b fused) int { return cmp.Compare(b.score, a.score) })
	ids := make([]string, len(order))
	for i, f := range order {
		ids[i] = f.id
	}
	return ids
}
