package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// defaultParaphrase is the default of -paraphrase: the paraphrase sets of the
// article, relative to bench/, where the bench is run.
const defaultParaphrase = "../testdata/eval/paraphrase-tune.jsonl,../testdata/eval/paraphrase-check.jsonl,../testdata/eval/paraphrase-fresh.jsonl,../testdata/eval/paraphrase-fresh2.jsonl,../testdata/eval/paraphrase-fresh3.jsonl,../testdata/eval/paraphrase-fresh4.jsonl,../testdata/eval/paraphrase-fresh5.jsonl,../testdata/eval/paraphrase-fresh6.jsonl,../testdata/eval/paraphrase-fresh7.jsonl,../testdata/eval/paraphrase-fresh8.jsonl,../testdata/eval/paraphrase-fresh9.jsonl,../testdata/eval/paraphrase-fresh10.jsonl,../testdata/eval/paraphrase-fresh11.jsonl,../testdata/eval/paraphrase-fresh12.jsonl,../testdata/eval/paraphrase-fresh13.jsonl,../testdata/eval/paraphrase-fresh14.jsonl,../testdata/eval/paraphrase-fresh15.jsonl,../testdata/eval/paraphrase-fresh16.jsonl,../testdata/eval/paraphrase-fresh17.jsonl,../testdata/eval/paraphrase-fresh18.jsonl,../testdata/eval/paraphrase-fresh19.jsonl,../testdata/eval/paraphrase-fresh20.jsonl,../testdata/eval/paraphrase-fresh21.jsonl,../testdata/eval/paraphrase-fresh22.jsonl,../testdata/eval/paraphrase-fresh23.jsonl,../testdata/eval/paraphrase-fresh24.jsonl,../testdata/eval/paraphrase-fresh25.jsonl,../testdata/eval/paraphrase-fresh26.jsonl,../testdata/eval/paraphrase-fresh27.jsonl,../testdata/eval/paraphrase-fresh28.jsonl,../testdata/eval/paraphrase-fresh29.jsonl,../testdata/eval/paraphrase-fresh30.jsonl,../testdata/eval/paraphrase-fresh31.jsonl,../testdata/eval/paraphrase-fresh32.jsonl,../testdata/eval/paraphrase-fresh33.jsonl,../testdata/eval/paraphrase-fresh34.jsonl,../testdata/eval/paraphrase-fresh35.jsonl,../testdata/eval/paraphrase-fresh36.jsonl,../testdata/eval/paraphrase-fresh37.jsonl,../testdata/eval/paraphrase-fresh38.jsonl,../testdata/eval/paraphrase-fresh39.jsonl,../testdata/eval/paraphrase-fresh40.jsonl,../testdata/eval/paraphrase-fresh41.jsonl,../testdata/eval/paraphrase-fresh42.jsonl,../testdata/eval/paraphrase-fresh43.jsonl,../testdata/eval/paraphrase-fresh44.jsonl,../testdata/eval/paraphrase-fresh45.jsonl,../testdata/eval/paraphrase-fresh46.jsonl,../testdata/eval/paraphrase-fresh47.jsonl,../testdata/eval/paraphrase-fresh48.jsonl,../testdata/eval/paraphrase-fresh49.jsonl"

// main parses the flags and runs the bench; it exits 2 on a bad flag and 1
// on a failure.
func main() {
	cfg, err := parseFlags(flag.CommandLine, os.Args[1:])
	if err != nil {
		fail(err, 2)
	}
	if err := run(os.Stdout, os.Stderr, cfg); err != nil {
		fail(err, 1)
	}
}

// fail writes each line of err to stderr, prefixed "bench: ", and exits
// with code.
func fail(err error, code int) {
	for line := range strings.Lines(err.Error()) {
		fmt.Fprint(os.Stderr, "bench: ", line)
	}
	fmt.Fprintln(os.Stderr)
	os.Exit(code)
}

// config is what a run measures. None of it is a retrieval setting: both
// engines are asked as the product asks (see topK and talksbotIndex).
type config struct {
	sizes      []int    // passages of each synthetic corpus, one corpus a size
	queries    int      // synthetic questions asked of each corpus
	rounds     int      // timed passes over the questions, after a warm-up
	builds     int      // index builds per engine and size; the median is reported
	seed       int64    // seed of the synthetic corpora and questions
	paraphrase []string // JSONL files of questions about the article
}

// parseFlags parses args with fs into a config, reporting every bad flag at
// once.
func parseFlags(fs *flag.FlagSet, args []string) (config, error) {
	var cfg config
	sizes := fs.String("sizes", "10000,100000", "comma-separated `passages` of each synthetic corpus")
	paraphrase := fs.String("paraphrase", defaultParaphrase, "comma-separated JSONL `files` of questions about the article")
	fs.IntVar(&cfg.queries, "queries", 1000, "synthetic questions to run against each corpus")
	fs.IntVar(&cfg.rounds, "rounds", 3, "timed passes over the questions, after one warm-up pass")
	fs.IntVar(&cfg.builds, "builds", 3, "index builds per engine and corpus; the median is reported")
	fs.Int64Var(&cfg.seed, "seed", 1, "seed of the synthetic corpora and questions")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	var errs []error
	if fs.NArg() > 0 {
		errs = append(errs, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	var err error
	if cfg.sizes, err = parseSizes(*sizes); err != nil {
		errs = append(errs, err)
	}
	cfg.paraphrase = splitList(*paraphrase)
	errs = append(errs, cfg.validate()...)
	return cfg, errors.Join(errs...)
}

// parseSizes parses the value of -sizes.
func parseSizes(s string) ([]int, error) {
	var sizes []int
	for _, f := range splitList(s) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-sizes %q: %q is not a whole number of passages of at least 1", s, f)
		}
		sizes = append(sizes, n)
	}
	if len(sizes) == 0 {
		return nil, fmt.Errorf("-sizes %q: want at least one size", s)
	}
	return sizes, nil
}

// splitList splits a comma-separated list, dropping blanks.
func splitList(s string) []string {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// validate reports every count flag below 1.
func (c config) validate() []error {
	var errs []error
	for _, f := range []struct {
		name string
		n    int
	}{{"queries", c.queries}, {"rounds", c.rounds}, {"builds", c.builds}} {
		if f.n < 1 {
			errs = append(errs, fmt.Errorf("-%s %d: must be at least 1", f.name, f.n))
		}
	}
	return errs
}

// run warms both engines up, measures them on each synthetic corpus, then
// scores them on the question sets about the article. The report goes to w;
// a question file that cannot be read is reported on warn and skipped.
func run(w, warn io.Writer, cfg config) error {
	start := liveHeap()
	sets, err := loadSets(warn, cfg.paraphrase)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s %s/%s, GOMAXPROCS=%d; %d synthetic questions a corpus, top %d passages, %d timed passes after a warm-up, median of %d builds\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0), cfg.queries, topK, cfg.rounds, cfg.builds)
	fmt.Fprintf(w, "live heap at start (the runtime's and every package's initialisation, in no heap column): %.2f MiB\n", mib(start))
	if err := warmUp(w, sets[0]); err != nil {
		return err
	}
	for _, n := range cfg.sizes {
		if err := runSize(w, cfg, n); err != nil {
			return err
		}
	}
	scores, err := scoreSets(sets)
	if err != nil {
		return err
	}
	return printQuality(w, sets, scores)
}
