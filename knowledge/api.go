package knowledge

// Hit is a passage retrieved for a query, best first.
type Hit struct {
	Passage *Passage
	Score   float64
}

// Quote is one sentence chosen to answer a question or summarise a theme,
// with the passage it stands in.
type Quote struct {
	Passage  *Passage
	Sentence int // index into Passage.Sentences
	Score    float64
}

// Text returns the quoted sentence.
func (q Quote) Text() string { return q.Passage.Sentences[q.Sentence].Text }

// Answer is the extractive answer to a question.
type Answer struct {
	Question   string
	Answerable bool    // false when the knowledge base does not cover the question
	Confidence float64 // the answerability signal in [0,1]; Answerable is Confidence >= the threshold
	// ContentWords counts the question's words that name a topic (not stop
	// words, question words or framing such as "article"); zero means the
	// question asks about nothing in particular ("what is this about?").
	ContentWords int
	// OfText says the question asks who wrote the text or when it was
	// published: about the text itself, so a conversation's earlier turns
	// do not change it.
	OfText bool
	Quotes []Quote // 1–3 best sentences, best first; empty when not answerable
	// Theme is the theme a question asks for by its place in a text's
	// list ("what's the second big issue?"), whose section the quotes
	// summarise; nil for any other answer.
	Theme *Theme
	// Hits are the passages cited, at most k: the first quote's first, then
	// the best others, best first; empty when not answerable.
	Hits []Hit
}

// Theme is a titled section offered for summaries.
type Theme struct {
	Number   int // 1-based across the whole knowledge base, in document order
	Doc      string
	DocTitle string
	Title    string
	Section  int // index of the section within its document
}

// Summary is an extractive summary of one theme: 2–4 sentences, each quoted
// from that theme's section and nowhere else, in reading order.
type Summary struct {
	Theme  Theme
	Quotes []Quote
}

// Query is a question put to an Index.
type Query struct {
	Text string // the question as asked
	// Context is the previous turn of a conversation (its question), used to
	// understand a short follow-up such as "and Khamenei?". Its terms weigh
	// less than the question's own; leave it empty for a standalone question.
	Context string
	// Previous is the previous turn's answer as shown. Read with a Context,
	// the sentences of the paragraph it quoted are favoured, since what a
	// reader asks next is most often answered there.
	// With or without, a name asked for of someone a pronoun stands for
	// ("which country was he ambassador to?") is not the name of a person
	// it quoted.
	Previous string
	K        int // how many passages to return; 3 when zero
}
