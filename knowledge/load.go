package knowledge

// MaxDocumentSize is the largest document file Load accepts.
const MaxDocumentSize = 4 << 20

// Default returns the embedded article, the knowledge base's default document.
func Default() *Document { panic("todo") }

// Parse parses one document from its file name (the extension picks the
// format: .txt, .md or .html) and contents.
func Parse(name string, data []byte) (*Document, error) { panic("todo") }

// LoadDir parses every .txt, .md, .markdown, .html and .htm file in dir. A bad
// document is skipped: its error (a *DocumentError) is returned in skipped and
// the rest load. err is non-nil only when dir itself cannot be read.
func LoadDir(dir string) (docs []*Document, skipped []error, err error) { panic("todo") }

// DocumentError says why a document file was skipped.
type DocumentError struct {
	Path   string
	Reason string
}

func (e *DocumentError) Error() string { return e.Path + ": " + e.Reason }
