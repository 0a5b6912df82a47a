// Command bench compares talksbot's retrieval with bleve v2 side by side.
//
// It builds one synthetic corpus of 10,000 passages (knowledge/synthetic),
// indexes it in both engines with comparable analysis (English stemming and
// stop words; BM25 scoring in bleve), runs the same 1,000 questions against
// both for their top 3 passages, and prints index build time, p50 and p99 query
// latency, the heap each index holds, and hit@1 and hit@3 on the article's dev
// questions (testdata/questions.jsonl). The last line compares the two:
//
//	RATIO build=<bleve/talksbot> p50=<bleve/talksbot> p99=<bleve/talksbot> heap=<bleve/talksbot>
//
// It lives in its own module so that bleve never enters talksbot's
// dependencies. Run it with:
//
//	cd bench && go run .
package main
