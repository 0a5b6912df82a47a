package knowledge

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxDocumentSize is the largest document file LoadDir accepts.
const MaxDocumentSize = 4 << 20

//go:embed corpus/vienna-talks.txt
var corpusFS embed.FS

// DefaultPath names the embedded article in Document.Path.
const DefaultPath = "embedded:corpus/vienna-talks.txt"

// Default returns the embedded article, the knowledge base's default
// document. Each call returns a fresh copy.
func Default() *Document {
	data, err := corpusFS.ReadFile("corpus/vienna-talks.txt")
	if err != nil {
		panic(fmt.Sprintf("knowledge: embedded corpus missing: %v", err)) // a build defect, not a runtime condition
	}
	doc, err := Parse("vienna-talks.txt", data)
	if err != nil {
		panic(fmt.Sprintf("knowledge: embedded corpus invalid: %v", err))
	}
	doc.Path = DefaultPath
	return doc
}

// Formats LoadDir reads, by file extension.
var formats = map[string]func(name string, text string) (*Document, error){
	".txt":      parseText,
	".text":     parseText,
	".md":       parseMarkdown,
	".markdown": parseMarkdown,
	".html":     parseHTML,
	".htm":      parseHTML,
}

// Errors Parse returns for documents it cannot use. LoadDir wraps them in a
// *DocumentError naming the file.
var (
	ErrEmptyDocument = errors.New("no text to index")
	ErrBinary        = errors.New("binary content, not text")
	ErrInvalidUTF8   = errors.New("not valid UTF-8 text")
	ErrTooLarge      = fmt.Errorf("larger than the %d MiB limit", MaxDocumentSize>>20)
	ErrFormat        = errors.New("unsupported format (want .txt, .md or .html)")
	ErrNotRegular    = errors.New("not a regular file")
	// ErrOutside is a link that leads out of the documents folder: it is
	// never followed, so a link cannot serve /etc/passwd.
	ErrOutside = errors.New("points outside the documents folder")
	// ErrLinkedFolder is a link to a folder: folders are walked, links to
	// them are not followed (they could loop).
	ErrLinkedFolder = errors.New("a link to a folder, not followed")
)

// Parse parses one document from its file name (the extension picks the
// format: .txt, .md or .html) and contents. The document's ID is the file
// name without its extension, as a slug.
func Parse(name string, data []byte) (*Document, error) {
	parse, ok := formats[strings.ToLower(filepath.Ext(name))]
	if !ok {
		return nil, ErrFormat
	}
	if len(data) > MaxDocumentSize {
		return nil, ErrTooLarge
	}
	if bytes.IndexByte(data, 0) >= 0 || controlRatio(data) > 0.05 {
		return nil, ErrBinary
	}
	if !utf8.Valid(data) {
		return nil, ErrInvalidUTF8
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	// Control characters (terminal escapes among them) must never reach a
	// reader through a quote: they become spaces.
	text = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0 || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, text)
	doc, err := parse(name, text)
	if err != nil {
		return nil, err
	}
	if doc.ID == "" {
		doc.ID = slug(strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)))
	}
	if doc.Title == "" {
		doc.Title = titleFromName(name)
	}
	doc.Path = name
	doc.finish()
	if doc.passageCount() == 0 {
		return nil, ErrEmptyDocument
	}
	return doc, nil
}

// controlRatio is the share of bytes that are control characters other than
// white space: high in binary files that happen to hold no NUL.
func controlRatio(data []byte) float64 {
	if len(data) == 0 {
		return 0
	}
	n := 0
	for _, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f {
			n++
		}
	}
	return float64(n) / float64(len(data))
}

// LoadDir parses every .txt, .md and .html file under dir (recursively,
// skipping hidden files and folders), in name order. A bad document is
// skipped: its *DocumentError is returned in skipped and the rest load. err
// is non-nil only when dir itself cannot be read.
//
// Files are read through an os.Root opened on dir, so nothing outside dir is
// ever read: a link that resolves inside the folder is followed, one that
// leaves it is skipped (ErrOutside), a link to a folder is not followed
// (ErrLinkedFolder), and pipes, sockets and devices are never opened
// (ErrNotRegular).
func LoadDir(dir string) (docs []*Document, skipped []error, err error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("documents folder: %w", err)
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("documents folder %s: not a directory", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("documents folder: %w", err)
	}
	defer root.Close()
	var paths []string
	walkErr := fs.WalkDir(root.FS(), ".", func(rel string, d fs.DirEntry, err error) error {
		path := filepath.Join(dir, rel)
		if err != nil {
			if rel == "." {
				return err
			}
			skipped = append(skipped, &DocumentError{Path: path, Reason: "unreadable: " + reason(err), Err: err})
			return nil
		}
		if rel != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0:
			paths = append(paths, rel)
		default:
			// A pipe, socket or device would block or never end.
			skipped = append(skipped, &DocumentError{Path: path, Reason: "not a regular file (" + fileKind(d.Type()) + ")", Err: ErrNotRegular})
		}
		return nil
	})
	if walkErr != nil {
		return nil, nil, fmt.Errorf("documents folder: %w", walkErr)
	}
	sort.Strings(paths)
	for _, rel := range paths {
		doc, err := loadFile(root, dir, rel)
		if err != nil {
			skipped = append(skipped, err)
			continue
		}
		docs = append(docs, doc)
	}
	return docs, skipped, nil
}

// loadFile reads and parses the file rel of the documents folder dir,
// through root.
func loadFile(root *os.Root, dir, rel string) (*Document, error) {
	path := filepath.Join(dir, rel)
	fail := func(reason string, err error) (*Document, error) {
		return nil, &DocumentError{Path: path, Reason: reason, Err: err}
	}
	// Stat before opening: opening a named pipe blocks until a writer comes.
	info, err := root.Stat(rel)
	if err != nil {
		return fail(linkProblem(root, path, rel, err))
	}
	switch {
	case info.IsDir():
		return fail(ErrLinkedFolder.Error(), ErrLinkedFolder)
	case !info.Mode().IsRegular():
		return fail("not a regular file ("+fileKind(info.Mode().Type())+")", ErrNotRegular)
	}
	if _, ok := formats[strings.ToLower(filepath.Ext(rel))]; !ok {
		return fail(ErrFormat.Error(), ErrFormat)
	}
	f, err := root.Open(rel)
	if err != nil {
		return fail(linkProblem(root, path, rel, err))
	}
	defer f.Close()
	// Read one byte past the limit to tell "at the limit" from "over it".
	data, err := io.ReadAll(io.LimitReader(f, MaxDocumentSize+1))
	if err != nil {
		return fail("unreadable: "+reason(err), err)
	}
	doc, err := Parse(path, data)
	if err != nil {
		return fail(err.Error(), err)
	}
	return doc, nil
}

// linkProblem explains why a file of the folder could not be reached
// through the root: a link leading out of the folder, a broken or looping
// link, or another error.
func linkProblem(root *os.Root, path, rel string, err error) (string, error) {
	if li, lerr := root.Lstat(rel); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
		switch _, serr := os.Stat(path); {
		case serr == nil:
			// The link resolves, but not inside the folder.
			return ErrOutside.Error(), ErrOutside
		case errors.Is(serr, fs.ErrNotExist):
			return "a broken link: " + reason(serr), serr
		default:
			return "a link that cannot be followed: " + reason(serr), serr
		}
	}
	return "unreadable: " + reason(err), err
}

// fileKind names a special file's type for a skip reason.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "a special file"
}

func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// DocumentError says why a document file was skipped.
type DocumentError struct {
	Path   string
	Reason string
	Err    error
}

func (e *DocumentError) Error() string { return e.Path + ": " + e.Reason }

// Unwrap returns the underlying error.
func (e *DocumentError) Unwrap() error { return e.Err }

// frontMatter is the optional YAML header of a .txt or .md document.
type frontMatter struct {
	Title  string `yaml:"title"`
	Source string `yaml:"source"`
}

// splitFrontMatter separates a leading "---" YAML block from the body.
func splitFrontMatter(text string) (frontMatter, string, error) {
	var fm frontMatter
	if !strings.HasPrefix(text, "---\n") {
		return fm, text, nil
	}
	end := strings.Index(text[4:], "\n---")
	if end < 0 {
		return fm, text, nil
	}
	head := text[4 : 4+end]
	body := text[4+end+4:]
	body = strings.TrimPrefix(body, "\n")
	if err := yaml.Unmarshal([]byte(head), &fm); err != nil {
		return fm, text, fmt.Errorf("front matter: %w", err)
	}
	return fm, body, nil
}

var (
	blankLine       = regexp.MustCompile(`\n\s*\n`)
	numberedHeading = regexp.MustCompile(`^\s*(\d{1,3})[).]\s+(\S.{0,118})$`)
	// furniture is page furniture copied along with an article's text.
	furniture = setOf(`back-to-top top advertisement advertising share print email comments subscribe
related-articles read-more click-here skip-to-content menu`)
	attribution = regexp.MustCompile(`(?i)^(this|the) (article|piece|post|story|essay|column|op-ed)( was)? (originally |first )?(appeared|published|ran)\b`)
)

// parseText reads the .txt format: optional front matter, numbered "1) Title"
// headings, paragraphs separated by blank lines.
func parseText(name, text string) (*Document, error) {
	fm, body, err := splitFrontMatter(text)
	if err != nil {
		return nil, err
	}
	b := newBuilder(fm)
	for _, para := range splitParagraphs(body) {
		if m := numberedHeading.FindStringSubmatch(para); m != nil && !strings.ContainsAny(m[2][len(m[2])-1:], ".:;,") {
			b.heading(strings.TrimSpace(m[2]), atoi(m[1]))
			continue
		}
		b.paragraph(para)
	}
	return b.doc, nil
}

// splitParagraphs splits text at blank lines, joining wrapped lines.
func splitParagraphs(text string) []string {
	var out []string
	for _, block := range blankLine.Split(text, -1) {
		if block = collapseSpace(block); block != "" {
			out = append(out, block)
		}
	}
	return out
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// builder accumulates sections and passages while a parser walks a document.
type builder struct {
	doc *Document
}

func newBuilder(fm frontMatter) *builder {
	return &builder{doc: &Document{Title: strings.TrimSpace(fm.Title), Source: strings.TrimSpace(fm.Source), Sections: []Section{{}}}}
}

// heading starts a titled section; number is the heading's own number or 0.
func (b *builder) heading(title string, number int) {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		return
	}
	themes := 0
	for _, s := range b.doc.Sections {
		if s.Theme {
			themes++
		}
	}
	if number == 0 {
		number = themes + 1
	}
	b.doc.Sections = append(b.doc.Sections, Section{Title: title, Number: number, Theme: true})
}

// paragraph adds a passage to the current section, dropping page furniture
// and setting an attribution line aside in its own section.
func (b *builder) paragraph(text string) {
	text = collapseSpace(text)
	if text == "" || len(text) < 40 && furniture[strings.ToLower(strings.ReplaceAll(strings.Trim(text, " .!↑^|"), " ", "-"))] {
		return
	}
	if attribution.MatchString(text) {
		b.doc.Sections = append(b.doc.Sections, Section{Title: "About this article"})
		b.add(text)
		// Whatever follows an attribution is an afterword, not the last theme.
		return
	}
	b.add(text)
}

func (b *builder) add(text string) {
	s := &b.doc.Sections[len(b.doc.Sections)-1]
	s.Passages = append(s.Passages, Passage{Text: text})
}

// finish numbers passages, fills their back references and splits sentences.
func (d *Document) finish() {
	// Drop empty sections (a heading with no text under it, an empty lead).
	secs := d.Sections[:0]
	for _, s := range d.Sections {
		if len(s.Passages) > 0 {
			secs = append(secs, s)
		}
	}
	d.Sections = secs
	ordinal := 0
	for si := range d.Sections {
		s := &d.Sections[si]
		name := s.Title
		if name == "" {
			name = "Introduction"
		}
		for pi := range s.Passages {
			ordinal++
			p := &s.Passages[pi]
			p.ID = fmt.Sprintf("%s#%d", d.ID, ordinal)
			p.Doc, p.DocTitle, p.Section, p.SectionNo, p.Ordinal = d.ID, d.Title, name, si, ordinal
			p.Sentences = splitSentences(p.Text)
		}
	}
}

func (d *Document) passageCount() int {
	n := 0
	for _, s := range d.Sections {
		n += len(s.Passages)
	}
	return n
}

// collapseSpace trims s and folds every run of white space into one space.
// Text that needs no folding is returned as it is, without copying.
func collapseSpace(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if prevSpace {
				clean = false
				break
			}
			prevSpace = true
			continue
		}
		if c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			clean = false
			break
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				clean = false
				break
			}
			i += size - 1
		}
		prevSpace = false
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// slug turns a file name into a document ID: lower case, letters, digits and
// single dashes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if isWordRune(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "document"
	}
	return b.String()
}

func titleFromName(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToTitle(r)) + w[size:]
	}
	return strings.Join(words, " ")
}
