// Package lines looks up the lines of an embedded text table sorted by
// their first field, as the generated tables under knowledge/internal are
// written: one entry a line, its key first, space-separated from the rest.
// The table is indexed on first use, its line offsets and a hash index of
// its keys, so that a program that never looks a key up pays nothing at
// start-up.
package lines

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/talksbot/talksbot/knowledge/internal/keyindex"
)

// Table is a text of sorted lines.
type Table struct {
	text  string
	once  sync.Once
	start []int32         // the offset of each line of text
	keys  *keyindex.Index // the line of each key
	ready atomic.Bool     // indexed
}

// New returns the table of text, whose lines are sorted by their keys.
func New(text string) *Table { return &Table{text: text} }

func (t *Table) index() {
	t.start = make([]int32, 0, strings.Count(t.text, "\n"))
	for off := 0; off < len(t.text); {
		t.start = append(t.start, int32(off))
		nl := strings.IndexByte(t.text[off:], '\n')
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	t.keys = keyindex.New(len(t.start), t.key)
	t.ready.Store(true)
}

// Load indexes the table now, if no lookup has yet.
func (t *Table) Load() { t.once.Do(t.index) }

// Loaded reports whether the table is indexed.
func (t *Table) Loaded() bool { return t.ready.Load() }

// line returns the i-th line of the table, without its newline.
func (t *Table) line(i int) string {
	end := len(t.text)
	if i+1 < len(t.start) {
		end = int(t.start[i+1])
	}
	return strings.TrimSuffix(t.text[t.start[i]:end], "\n")
}

// Find returns what follows key and a space on the line whose first field
// is key, and whether there is one.
func (t *Table) Find(key string) (rest string, ok bool) {
	t.once.Do(t.index)
	i, ok := t.keys.Find(key, t.key)
	if !ok {
		return "", false
	}
	_, rest, _ = strings.Cut(t.line(i), " ")
	return rest, true
}

// key returns the first field of line i.
func (t *Table) key(i int) string {
	k, _, _ := strings.Cut(t.line(i), " ")
	return k
}
