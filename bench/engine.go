package main

import (
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// topK is how many passages each engine is asked for: as many as the bot
// cites by default. The bot asks Index.Answer for a deeper pool (a multiple
// of its k) to choose its citations from; Answer ranks all its candidates
// before cutting them at K, so the first topK passages are the same either
// way, and bleve is asked for no more than it must return.
const topK = bot.DefaultK

// searcher is an index under test.
type searcher interface {
	// Search appends the at most k best passages for q to dst, best first.
	Search(q string, k int, dst []*knowledge.Passage) ([]*knowledge.Passage, error)
	// Close releases the index.
	Close() error
}

// engine builds searchers over documents.
type engine struct {
	name  string
	build func(docs []*knowledge.Document) (searcher, error)
}

// engines are the engines compared, talksbot first: ratios are the second
// over the first.
var engines = []engine{
	{"talksbot", buildTalksbot},
	{"bleve", buildBleve},
}
