package bot

// Kind says what a Reply is, so adapters can render each natively.
type Kind string

// Reply kinds.
const (
	KindAnswer   Kind = "answer"   // a grounded answer with quotes and citations
	KindDeclined Kind = "declined" // the knowledge base does not cover the question; Themes lists what it covers
	KindSummary  Kind = "summary"  // a theme summary with quotes and citations
	KindThemes   Kind = "themes"   // the list of themes
	KindSources  Kind = "sources"  // the documents in the knowledge base
	KindHelp     Kind = "help"     // usage
	KindError    Kind = "error"    // bad input or a failure, explained in Text
)

// AskKind says what became of a question (the ask command or free text):
// the "kind" of the ask object. A Reply's Kind says how to render it; its
// AskKind, set only on replies to questions, says how the bot took the
// question.
type AskKind string

// Ask kinds.
const (
	AskAnswer    AskKind = "answer"    // answered from the knowledge base (a KindAnswer reply)
	AskDeclined  AskKind = "declined"  // not covered (a KindDeclined reply)
	AskOverview  AskKind = "overview"  // about no topic in particular ("what is this about?"): the summary of every theme (a KindSummary reply)
	AskSmallTalk AskKind = "smalltalk" // a greeting or thanks, met with help (a KindHelp reply)
)

// Mode says how an answer's wording was produced.
const (
	ModeExtractive = "extractive"
	ModeLLM        = "llm"
)

// Reply is the platform-neutral answer to a Request. Text fields are plain
// text: adapters escape them for their markup.
type Reply struct {
	ID        string // unique id of this reply; feedback refers to it
	Kind      Kind
	AskKind   AskKind // what became of the question, for replies to one; "" otherwise
	Question  string  // the question as understood (after follow-up resolution), for answers, declines and overviews
	Text      string  // the answer, summary or message, plain text
	Quotes    []Quote
	Citations []Citation  // best first; for answers at most Options.K, among them every passage a Quote stands in
	Themes    []ThemeRef  // for declined, themes and help replies; for summaries, the themes summarised
	Sources   []SourceRef // for sources replies
	Ephemeral bool        // shown only to the asker where the platform allows it
	Mode      string      // ModeExtractive or ModeLLM, for answers and summaries
	Model     string      // the LLM model when Mode is ModeLLM
	Problem   Problem     // why a KindError reply is an error; "" otherwise
}

// Problem classifies a KindError reply so that adapters can map it to what
// their platform expects (HTTP status, retry hints, metrics) without parsing
// the user-facing text.
type Problem string

// Problems.
const (
	ProblemBadInput    Problem = "bad_input"    // the request itself is unusable: empty, too long, control characters
	ProblemRateLimited Problem = "rate_limited" // the user asked too often
	ProblemBusy        Problem = "busy"         // every answering slot is taken; try again shortly
	ProblemUnavailable Problem = "unavailable"  // no knowledge base is loaded
	ProblemInternal    Problem = "internal"     // a failure on the bot's side (a recovered panic)
)

// Quote is a sentence quoted verbatim from a passage.
type Quote struct {
	Text     string
	Citation int // index into Reply.Citations
}

// Citation is a passage an answer stands on.
type Citation struct {
	ID      string  // passage id
	Doc     string  // document id
	Title   string  // document title
	Section string  // section title
	Text    string  // the passage text exactly as stored
	Score   float64 // retrieval score; 0 for summaries
}

// ThemeRef names a theme.
type ThemeRef struct {
	Number int
	Title  string
	Doc    string // document title
}

// SourceRef names a document of the knowledge base.
type SourceRef struct {
	ID       string
	Title    string
	Source   string
	Path     string
	Passages int
}
