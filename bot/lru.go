package bot

import (
	"container/list"
	"sync"
	"time"
)

// lru is a bounded, concurrency-safe map: when full, the least recently used
// entry goes first, and an entry expires ttl after it was last stored (never
// when ttl is zero).
type lru[K comparable, V any] struct {
	mu    sync.Mutex
	size  int // the most entries kept
	ttl   time.Duration
	order *list.List // of *lruEntry; front is the most recently used
	items map[K]*list.Element
}

type lruEntry[K comparable, V any] struct {
	key K
	val V
	at  time.Time // when val was stored
}

func newLRU[K comparable, V any](capacity int, ttl time.Duration) *lru[K, V] {
	return &lru[K, V]{size: capacity, ttl: ttl, order: list.New(), items: make(map[K]*list.Element)}
}

// get returns the live value stored under key.
func (c *lru[K, V]) get(key K, now time.Time) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		var zero V
		return zero, false
	}
	e := el.Value.(*lruEntry[K, V])
	if c.expired(e, now) {
		c.order.Remove(el)
		delete(c.items, key)
		var zero V
		return zero, false
	}
	c.order.MoveToFront(el)
	return e.val, true
}

// put stores val under key, evicting the least recently used entry when the
// map is full.
func (c *lru[K, V]) put(key K, val V, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		e := el.Value.(*lruEntry[K, V])
		e.val, e.at = val, now
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&lruEntry[K, V]{key: key, val: val, at: now})
	c.evict(now)
}

// getOrAdd returns the live value under key, storing mk() first when there
// is none.
func (c *lru[K, V]) getOrAdd(key K, now time.Time, mk func() V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		e := el.Value.(*lruEntry[K, V])
		if !c.expired(e, now) {
			c.order.MoveToFront(el)
			return e.val
		}
		c.order.Remove(el)
		delete(c.items, key)
	}
	val := mk()
	c.items[key] = c.order.PushFront(&lruEntry[K, V]{key: key, val: val, at: now})
	c.evict(now)
	return val
}

func (c *lru[K, V]) expired(e *lruEntry[K, V], now time.Time) bool {
	return c.ttl > 0 && now.Sub(e.at) >= c.ttl
}

// evict drops expired entries from the back, then the least recently used
// ones while the map is over its bound. Callers hold mu.
func (c *lru[K, V]) evict(now time.Time) {
	for el := c.order.Back(); el != nil; el = c.order.Back() {
		e := el.Value.(*lruEntry[K, V])
		if len(c.items) <= c.size && !c.expired(e, now) {
			return
		}
		c.order.Remove(el)
		delete(c.items, e.key)
	}
}

// removeIf removes the entry under key when drop reports true of its value,
// expired or not.
func (c *lru[K, V]) removeIf(key K, drop func(V) bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok && drop(el.Value.(*lruEntry[K, V]).val) {
		c.order.Remove(el)
		delete(c.items, key)
	}
}
