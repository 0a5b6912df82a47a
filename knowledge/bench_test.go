package knowledge_test

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/talksbot/talksbot/knowledge"
	"github.com/talksbot/talksbot/knowledge/synthetic"
)

// Benchmark corpora. The synthetic ones are built once and shared: generating
// them is not what is measured.
const (
	benchPassages = 10000 // the 10k-passage corpus of the speed targets
	benchSeed     = 1
	benchQueries  = 1000
	parseBytes    = 1 << 20 // size of the generated .txt for ingestion
)

var (
	synthDocs = sync.OnceValue(func() []*knowledge.Document {
		return synthetic.Documents(benchPassages, benchSeed)
	})
	synthText = sync.OnceValue(func() []byte {
		// About 470 bytes a passage; grow until the text passes 1 MiB, then
		// cut at a paragraph boundary near it.
		n := parseBytes / 400
		for {
			text := synthetic.Text(synthetic.Documents(n, benchSeed))
			if len(text) >= parseBytes {
				return cutParagraph(text, parseBytes)
			}
			n += n / 4
		}
	})
)

// cutParagraph trims text to the paragraph ending at or after size bytes.
func cutParagraph(text []byte, size int) []byte {
	for i := size; i+1 < len(text); i++ {
		if text[i] == '\n' && text[i+1] == '\n' {
			return text[:i+2]
		}
	}
	return text
}

// articleText is the embedded article as it sits in the source tree.
func articleText(b *testing.B) []byte {
	b.Helper()
	data, err := os.ReadFile("corpus/vienna-talks.txt")
	if err != nil {
		b.Fatalf("read the article: %v", err)
	}
	return data
}

func BenchmarkParse(b *testing.B) {
	b.Run("article", func(b *testing.B) {
		benchParse(b, "vienna-talks.txt", articleText(b))
	})
	b.Run("synthetic-1MB", func(b *testing.B) {
		benchParse(b, "synthetic.txt", synthText())
	})
}

func benchParse(b *testing.B, name string, data []byte) {
	b.Helper()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := knowledge.Parse(name, data); err != nil {
			b.Fatalf("Parse(%s): %v", name, err)
		}
	}
}

func BenchmarkNewIndex(b *testing.B) {
	b.Run("article", func(b *testing.B) {
		benchNewIndex(b, []*knowledge.Document{knowledge.Default()})
	})
	b.Run("synthetic-10k", func(b *testing.B) {
		benchNewIndex(b, synthDocs())
	})
}

func benchNewIndex(b *testing.B, docs []*knowledge.Document) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := knowledge.NewIndex(docs); err != nil {
			b.Fatalf("NewIndex: %v", err)
		}
	}
}

// benchCorpus is an index and the questions put to it.
type benchCorpus struct {
	ix *knowledge.Index
	qs []string
}

// corpora builds the article and the 10k-passage corpus with their questions.
func corpora(b *testing.B) []struct {
	name string
	c    benchCorpus
} {
	b.Helper()
	build := func(docs []*knowledge.Document) benchCorpus {
		ix, err := knowledge.NewIndex(docs)
		if err != nil {
			b.Fatalf("NewIndex: %v", err)
		}
		return benchCorpus{ix: ix, qs: synthetic.Queries(docs, benchQueries, benchSeed)}
	}
	article := []*knowledge.Document{knowledge.Default()}
	return []struct {
		name string
		c    benchCorpus
	}{
		{"article", build(article)},
		{"synthetic-10k", build(synthDocs())},
	}
}

func BenchmarkSearch(b *testing.B) {
	for _, tc := range corpora(b) {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				tc.c.ix.Search(tc.c.qs[i%len(tc.c.qs)], 3)
				i++
			}
		})
	}
}

func BenchmarkAnswer(b *testing.B) {
	for _, tc := range corpora(b) {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				tc.c.ix.Answer(knowledge.Query{Text: tc.c.qs[i%len(tc.c.qs)]})
				i++
			}
		})
	}
}

// BenchmarkSummarize measures a theme summary the first time it is asked
// for, on the article and on one section of 5,000 sentences: the work is
// bounded whatever the section's length.
func BenchmarkSummarize(b *testing.B) {
	var long strings.Builder
	long.WriteString("1) One Long Section\n\n")
	for i := range 1000 {
		fmt.Fprintf(&long, "Paragraph %d opens on sanctions. It goes on about talks. Then inspectors. Then verification. It closes on peace.\n\n", i)
	}
	for _, tc := range []struct {
		name string
		doc  func() *knowledge.Document
	}{
		{"article", knowledge.Default},
		{"section-5k-sentences", func() *knowledge.Document {
			d, err := knowledge.Parse("long.txt", []byte(long.String()))
			if err != nil {
				b.Fatal(err)
			}
			return d
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				ix, err := knowledge.NewIndex([]*knowledge.Document{tc.doc()})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				ix.Summarize(ix.Themes()[0])
			}
		})
	}
}
