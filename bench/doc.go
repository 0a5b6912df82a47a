// Command bench compares talksbot's retrieval (package knowledge) with bleve
// v2 side by side: build time, query latency and heap on synthetic corpora
// (knowledge/synthetic), and hit@1 and hit@3 on questions about the article.
//
// It lives in its own module so that bleve never enters talksbot's
// dependencies. Run it from this folder:
//
//	cd bench && go run .
//
// # The engines
//
// talksbot is measured as it ships. The bench has no retrieval setting of
// its own: it builds the index with knowledge.NewIndex and no options (the
// product's default: no operator synonyms file), and asks it with
// Index.Answer, no conversation context, for bot.DefaultK passages — the
// call the bot makes for a standalone question (the bot asks for a deeper
// pool to choose its citations from; Answer ranks before it cuts, so the
// first bot.DefaultK passages are the same). A question talksbot declines
// gets no passage, as the user gets none.
//
// bleve is a scorch index kept in memory, with the English analyser and
// BM25 scoring, asked with a match query for as many passages. Hits of equal
// score, which bleve orders by build-dependent internal numbers, are ordered
// by passage, as talksbot orders its ties, so that runs repeat.
//
// # What is printed
//
// A header line (Go version, platform, GOMAXPROCS, synthetic questions per
// corpus, passages asked for, timed passes, builds), then two lines of heap
// that no engine is charged for: the live heap when the bench starts (the
// runtime's and every package's initialisation, both engines' included) and
// what each engine keeps after a first index over the article is built,
// asked the dev questions and dropped (state it allocates on first use and
// shares between indexes).
//
// Then, for each size of -sizes (default 10,000 and 100,000 passages), a
// line describing the corpus, a table with one row per engine:
//
//	engine  passages  builds  build  p50  p99  heap
//
// where build is the median build time over -builds builds, p50 and p99 the
// nearest-rank percentiles of -rounds timed passes over the questions (after
// one warm-up pass), and heap the live heap the engine's index holds (see
// below); a line counting the questions to which each engine returned at
// least one passage and how often both put the same passage first; and
//
//	RATIO passages=<n> build=<bleve/talksbot> p50=<bleve/talksbot> p99=<bleve/talksbot> heap=<bleve/talksbot>
//
// Last, a table with one row per question set and engine:
//
//	set  engine  questions  covered  no passage  hit@1  hit@3
//
// over an index of the article alone. The sets are the article's dev
// questions (testdata/questions.jsonl, embedded) and each file of
// -paraphrase (default the article's paraphrase sets under ../testdata/eval,
// paraphrase-tune.jsonl to paraphrase-fresh49.jsonl, listed in
// defaultParaphrase). A file is JSON Lines: a covered
// question {"id","question","expect_any":[...]}, an uncovered one
// {"id","question","unanswerable":true}, or one the whole article answers
// {"id","question","expect_kind":"overview"}. Only covered questions are
// scored: questions counts every line, covered the scored ones, no passage
// the covered questions the engine returned nothing for (for talksbot, the
// ones it declined). hit@1 is the share of covered questions whose first
// passage contains one of the expect_any strings, hit@3 the share with such
// a passage among the first three; case and curly quotes are ignored. A
// missing or malformed file is reported in one line on stderr and skipped.
//
// # How the heap is weighed
//
// An engine's heap is the live heap (runtime.MemStats.HeapAlloc after two
// forced collections) read after its first index is built and has answered
// every timed question, while that index is still live, minus the same
// reading taken just before that build. HeapAlloc after runtime.GC counts
// exactly the live objects: GC returns once the sweep is done. HeapInuse
// would add the unused tails of partly filled spans, which depend on what
// else shares them, and HeapSys or RSS memory the runtime holds idle, which
// depends on the scavenger's timing. The second collection frees what the
// first one's finalizers released and empties sync.Pools, so per-query
// scratch memory in pools is not counted; caches an index fills as it
// answers are.
//
// Nothing the bench keeps is charged to an engine. The corpus (documents
// and questions), which both engines share, and each engine's trial (build
// times, latencies, top passages, the result buffer every search appends
// to) are allocated in full before the first reading, never grow, and are
// kept alive (runtime.KeepAlive) past the second; the memory statistics
// themselves are read into a package variable. talksbot's index points into
// the shared documents and bleve copies what it indexes; neither is charged
// for the documents. The bleve adapter's slice mapping document IDs back to
// passages is part of bleve's figure, as talksbot's own passage table is of
// its. A test (speed_test.go) checks that a fake index holding n bytes is
// charged n bytes, give or take 16 KiB (what other goroutines allocate
// meanwhile; in practice a few hundred bytes).
package main
