package knowledge

// Document is one source in the knowledge base: the embedded article or a file
// an operator added.
type Document struct {
	ID       string // stable slug derived from the file name, e.g. "vienna-talks"
	Title    string // descriptive title (front matter, first heading, <title> or the file name)
	Source   string // publication or origin, e.g. "Huffington Post"; may be empty
	Path     string // where it was loaded from; "embedded:..." for the default corpus
	Sections []Section
}

// Section is a titled part of a document. Sections with a title are the
// document's themes; the untitled lead (text before the first heading) and the
// attribution are sections too, but not themes.
type Section struct {
	Title    string // heading text without its number, "" for the lead
	Number   int    // the heading's own number ("1) ..."), or its position among titled sections
	Theme    bool   // whether the section is offered as a theme
	Passages []Passage
}

// Passage is a paragraph: the unit that answers cite.
type Passage struct {
	ID        string     // "<doc>#<ordinal>", unique in an Index
	Doc       string     // Document.ID
	DocTitle  string     // Document.Title
	Section   string     // Section.Title, or "Introduction" for the lead
	SectionNo int        // index of the section within its document (0-based)
	Ordinal   int        // 1-based position of the passage within its document
	Text      string     // the passage text exactly as stored and cited
	Sentences []Sentence // the passage split into sentences, in order
}

// Sentence is one sentence of a passage. Start and End are byte offsets into
// Passage.Text, so Text == passage.Text[Start:End].
type Sentence struct {
	Text       string
	Start, End int
}
