package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/talksbot/talksbot/knowledge"
	"github.com/talksbot/talksbot/knowledge/synthetic"
)

func main() {
	var cfg config
	flag.IntVar(&cfg.passages, "passages", 10000, "synthetic passages to index")
	flag.IntVar(&cfg.queries, "queries", 1000, "synthetic questions to run")
	flag.IntVar(&cfg.rounds, "rounds", 3, "timed passes over the questions, after one warm-up pass")
	flag.IntVar(&cfg.builds, "builds", 3, "index builds per engine; the median is reported")
	flag.Int64Var(&cfg.seed, "seed", 1, "seed of the synthetic corpus and questions")
	flag.Parse()
	if err := cfg.validate(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	if err := run(os.Stdout, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// config is what a run measures.
type config struct {
	passages, queries, rounds, builds int
	seed                              int64
}

func (c config) validate() error {
	switch {
	case c.passages < 1:
		return fmt.Errorf("-passages %d: must be at least 1", c.passages)
	case c.queries < 1:
		return fmt.Errorf("-queries %d: must be at least 1", c.queries)
	case c.rounds < 1:
		return fmt.Errorf("-rounds %d: must be at least 1", c.rounds)
	case c.builds < 1:
		return fmt.Errorf("-builds %d: must be at least 1", c.builds)
	}
	return nil
}

// searcher is an index under test: it returns the k best passages for q.
type searcher interface {
	Search(q string, k int) ([]*knowledge.Passage, error)
	Close() error
}

// engine builds searchers over documents.
type engine struct {
	name  string
	build func(docs []*knowledge.Document) (searcher, error)
}

// result is what one engine measured.
type result struct {
	name         string
	build        time.Duration // median of the builds
	p50, p99     time.Duration
	heap         uint64 // live heap after the first build minus before it
	hit1, hit3   float64
	top1         []string // the top passage ID per question, "" for none
	passagesSeen int      // questions that returned at least one passage
}

// topK is the number of passages asked of each engine.
const topK = 3

func run(w io.Writer, cfg config) error {
	questions, err := loadQuestions()
	if err != nil {
		return err
	}
	start := time.Now()
	docs := synthetic.Documents(cfg.passages, cfg.seed)
	queries := synthetic.Queries(docs, cfg.queries, cfg.seed)
	words := 0
	for _, p := range passages(docs) {
		words += len(strings.Fields(p.Text))
	}
	article := []*knowledge.Document{knowledge.Default()}
	fmt.Fprintf(w, "corpus: %d passages in %d documents, %.1f words a passage, %d questions, top %d (generated in %v)\n",
		cfg.passages, len(docs), float64(words)/float64(cfg.passages), len(queries), topK, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(w, "%s %s/%s, GOMAXPROCS=%d, %d timed passes after a warm-up, median of %d builds\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0), cfg.rounds, cfg.builds)

	engines := []engine{
		{"talksbot", buildTalksbot},
		{"bleve", buildBleve},
	}
	results := make([]result, 0, len(engines))
	for _, e := range engines {
		r, err := measure(e, cfg, docs, queries, article, questions)
		if err != nil {
			return fmt.Errorf("%s: %w", e.name, err)
		}
		results = append(results, r)
	}

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "engine\tbuild\tp50\tp99\theap\thit@1\thit@3\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%v\t%v\t%v\t%.1f MiB\t%.2f\t%.2f\t\n", r.name, r.build.Round(time.Millisecond),
			r.p50.Round(100*time.Nanosecond), r.p99.Round(100*time.Nanosecond), float64(r.heap)/(1<<20), r.hit1, r.hit3)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	t, b := results[0], results[1]
	fmt.Fprintf(w, "questions answered (at least one passage): talksbot %d, bleve %d of %d; same top passage: %.0f%%\n",
		t.passagesSeen, b.passagesSeen, len(queries), 100*agreement(t.top1, b.top1))
	fmt.Fprintf(w, "RATIO build=%s p50=%s p99=%s heap=%s\n",
		ratio(b.build.Seconds(), t.build.Seconds()), ratio(b.p50.Seconds(), t.p50.Seconds()),
		ratio(b.p99.Seconds(), t.p99.Seconds()), ratio(float64(b.heap), float64(t.heap)))
	return nil
}

// measure builds e's index over docs, weighs it, times the queries against it
// and scores it on the dev questions over the article. Only this engine's
// index is live while it runs.
func measure(e engine, cfg config, docs []*knowledge.Document, queries []string, article []*knowledge.Document, questions []question) (result, error) {
	r := result{name: e.name}
	var s searcher
	builds := make([]time.Duration, cfg.builds)
	for i := range builds {
		if s != nil {
			if err := s.Close(); err != nil {
				return r, fmt.Errorf("close index: %w", err)
			}
			s = nil
		}
		before := liveHeap()
		start := time.Now()
		var err error
		s, err = e.build(docs)
		if err != nil {
			return r, fmt.Errorf("build index: %w", err)
		}
		builds[i] = time.Since(start)
		// The heap is weighed after the first build, so that whatever an
		// engine keeps beside the index (caches that outlive it included)
		// counts against it.
		if after := liveHeap(); i == 0 && after > before {
			r.heap = after - before
		}
	}
	slices.Sort(builds)
	r.build = builds[len(builds)/2]

	r.top1 = make([]string, len(queries))
	lat := make([]time.Duration, 0, len(queries)*cfg.rounds)
	for round := range cfg.rounds + 1 {
		for i, q := range queries {
			start := time.Now()
			ps, err := s.Search(q, topK)
			d := time.Since(start)
			if err != nil {
				return r, fmt.Errorf("search %q: %w", q, err)
			}
			if round == 0 { // the warm-up pass records what was found
				if len(ps) > 0 {
					r.top1[i] = ps[0].ID
					r.passagesSeen++
				}
				continue
			}
			lat = append(lat, d)
		}
	}
	slices.Sort(lat)
	r.p50 = percentile(lat, 0.50)
	r.p99 = percentile(lat, 0.99)
	if err := s.Close(); err != nil {
		return r, fmt.Errorf("close index: %w", err)
	}
	s = nil

	var err error
	r.hit1, r.hit3, err = score(e, article, questions)
	runtime.GC()
	return r, err
}

// score indexes the article and reports hit@1 and hit@3 on the questions.
func score(e engine, article []*knowledge.Document, questions []question) (hit1, hit3 float64, err error) {
	s, err := e.build(article)
	if err != nil {
		return 0, 0, fmt.Errorf("build article index: %w", err)
	}
	defer s.Close()
	for _, q := range questions {
		ps, err := s.Search(q.Question, topK)
		if err != nil {
			return 0, 0, fmt.Errorf("search %q: %w", q.Question, err)
		}
		for rank, p := range ps {
			if q.matches(p.Text) {
				if rank == 0 {
					hit1++
				}
				hit3++
				break
			}
		}
	}
	n := float64(len(questions))
	return hit1 / n, hit3 / n, nil
}

// liveHeap collects garbage and returns the bytes of live heap objects.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC() // a second cycle frees what finalizers released
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// percentile returns the p-quantile of sorted durations (nearest rank).
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// agreement is the share of questions whose top passage is the same in a and b.
func agreement(a, b []string) float64 {
	same := 0
	for i := range a {
		if a[i] != "" && a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(max(len(a), 1))
}

// ratio formats num/den with one decimal place, or two significant digits
// below 1.
func ratio(num, den float64) string {
	if den <= 0 {
		return "inf"
	}
	x := num / den
	if x < 1 {
		return fmt.Sprintf("%.2g", x)
	}
	return fmt.Sprintf("%.1f", x)
}

// passages flattens the passages of docs.
func passages(docs []*knowledge.Document) []*knowledge.Passage {
	var ps []*knowledge.Passage
	for _, d := range docs {
		for si := range d.Sections {
			for pi := range d.Sections[si].Passages {
				ps = append(ps, &d.Sections[si].Passages[pi])
			}
		}
	}
	return ps
}
