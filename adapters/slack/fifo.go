package slack

import "sync"

// fifo is a map of bounded size that forgets its oldest keys first. It
// keeps the users who opened the Home tab. It is safe for concurrent use.
type fifo[V any] struct {
	mu   sync.Mutex
	keys []string // a ring of the keys in insertion order
	next int      // where the next new key goes
	m    map[string]V
}

func newFIFO[V any](capacity int) *fifo[V] {
	return &fifo[V]{keys: make([]string, max(capacity, 1)), m: make(map[string]V, capacity)}
}

// put stores v under key; a new key evicts the oldest once the fifo is full,
// a known key keeps its place.
func (f *fifo[V]) put(key string, v V) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.m[key]; !ok {
		if len(f.m) == len(f.keys) {
			delete(f.m, f.keys[f.next])
		}
		f.keys[f.next] = key
		f.next = (f.next + 1) % len(f.keys)
	}
	f.m[key] = v
}

// get returns the value stored under key.
func (f *fifo[V]) get(key string) (V, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	v, ok := f.m[key]
	return v, ok
}

// list returns the keys stored, oldest first.
func (f *fifo[V]) list() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]string, 0, len(f.m))
	for i := range len(f.keys) {
		k := f.keys[(f.next+i)%len(f.keys)]
		if _, ok := f.m[k]; ok {
			out = append(out, k)
		}
	}
	return out
}
