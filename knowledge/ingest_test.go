package knowledge_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/talksbot/talksbot/knowledge"
)

func TestDefaultArticle(t *testing.T) {
	doc := knowledge.Default()
	if doc.ID != "vienna-talks" || doc.Source != "Huffington Post" || !strings.Contains(doc.Title, "Vienna") {
		t.Errorf("got id %q source %q title %q, want vienna-talks, Huffington Post and a title naming Vienna", doc.ID, doc.Source, doc.Title)
	}
	var themes []string
	all := ""
	for _, s := range doc.Sections {
		if s.Theme {
			themes = append(themes, s.Title)
		}
		for _, p := range s.Passages {
			all += p.Text + "\n"
		}
	}
	want := []string{"Handling the Spoilers", "Keeping Support At The Top", "Pursuing Interests Over Ideology", "Dialogue Among Equals — But Not Equally Powerful"}
	if strings.Join(themes, "|") != strings.Join(want, "|") {
		t.Errorf("got themes %q, want %q", themes, want)
	}
	if strings.Contains(all, "Back to top") {
		t.Error("page furniture \"Back to top\" was kept")
	}
	if !strings.Contains(all, "This article originally appeared in Huffington Post") {
		t.Error("the attribution line was dropped; it must stay searchable")
	}
	if strings.Contains(all, "title:") {
		t.Error("front matter leaked into the passages")
	}
}

func TestPassageInvariants(t *testing.T) {
	doc := knowledge.Default()
	ordinal := 0
	for si, s := range doc.Sections {
		for _, p := range s.Passages {
			ordinal++
			if p.Ordinal != ordinal || p.SectionNo != si || p.Doc != doc.ID || p.DocTitle != doc.Title {
				t.Errorf("passage %s: got ordinal %d section %d doc %q, want %d %d %q", p.ID, p.Ordinal, p.SectionNo, p.Doc, ordinal, si, doc.ID)
			}
			if len(p.Sentences) == 0 {
				t.Errorf("passage %s has no sentences", p.ID)
			}
			for _, sen := range p.Sentences {
				if p.Text[sen.Start:sen.End] != sen.Text {
					t.Errorf("passage %s: sentence offsets [%d:%d] give %q, want %q", p.ID, sen.Start, sen.End, p.Text[sen.Start:sen.End], sen.Text)
				}
			}
		}
	}
}

func TestSentenceSplitting(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plain", "One thing. Another thing! A third?", []string{"One thing.", "Another thing!", "A third?"}},
		{"dotted acronym", "For the first time, the U.S. has demonstrated it. The U.S. Congress agreed.", []string{"For the first time, the U.S. has demonstrated it.", "The U.S. Congress agreed."}},
		{"title", "Dr. Smith met Mr. Jones in Vienna. They talked.", []string{"Dr. Smith met Mr. Jones in Vienna.", "They talked."}},
		{"initial", "John F. Kennedy spoke. Then he left.", []string{"John F. Kennedy spoke.", "Then he left."}},
		{"quote ends sentence", "They reaffirmed the adage, “No good deed goes unpunished.” Elements then acted.", []string{"They reaffirmed the adage, “No good deed goes unpunished.”", "Elements then acted."}},
		{"full stop inside quotation", "He told me: “We’re not doing favors. We’re pursuing interests.” Then he left.", []string{"He told me: “We’re not doing favors. We’re pursuing interests.”", "Then he left."}},
		{"straight quotes", `He said "It is done. We go." She agreed.`, []string{`He said "It is done. We go."`, "She agreed."}},
		{"em dashes", "The alternative — war — is stark. Both sides know.", []string{"The alternative — war — is stark.", "Both sides know."}},
		{"decimal", "Growth was 3.5 percent. It fell.", []string{"Growth was 3.5 percent.", "It fell."}},
		{"lower-case continuation", "It was approx. ten days. Then more.", []string{"It was approx. ten days.", "Then more."}},
		{"no final stop", "A line without a stop", []string{"A line without a stop"}},
		{"parenthesis", "They spend (political) capital. (It is true.) Done.", []string{"They spend (political) capital.", "(It is true.)", "Done."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := knowledge.Parse("t.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range doc.Sections[0].Passages[0].Sentences {
				got = append(got, s.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		name, file, text string
		title            string
		sections         []string // titles of theme sections
		passages         []string // every passage text, in order
	}{
		{
			name:  "txt with front matter and numbered headings",
			file:  "notes.txt",
			text:  "---\ntitle: Talks Notes\nsource: Staff\n---\nLead paragraph\nwrapped over lines.\n\n1) First Issue\n\nBody one.\n\n2) Second Issue\n\nBody two.\n\nBack to top\n",
			title: "Talks Notes", sections: []string{"First Issue", "Second Issue"},
			passages: []string{"Lead paragraph wrapped over lines.", "Body one.", "Body two."},
		},
		{
			name: "txt without front matter takes its title from the file name",
			file: "sanctions_overview.txt", text: "Just one paragraph.",
			title: "Sanctions Overview", passages: []string{"Just one paragraph."},
		},
		{
			name:  "markdown",
			file:  "brief.md",
			text:  "# Brief on Talks\n\nIntro with *emphasis* and a [link](https://example.invalid/x).\n\n## 1) Verification\n\n- item one is here\n- item two is here\n\n```\ncode is dropped\n```\n\n> quoted text\n\n<div>raw html dropped</div>\n\n## Outlook\n\nLast words.\n",
			title: "Brief on Talks", sections: []string{"Verification", "Outlook"},
			passages: []string{"Intro with emphasis and a link.", "item one is here", "item two is here", "quoted text", "Last words."},
		},
		{
			name: "html",
			file: "page.html",
			text: `<!doctype html><html><head><title>Vienna Page</title><script>var x = "script text";</script><style>p{}</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News menu link</a></nav>
<header class="site-header">Site banner text here</header>
<main><h1>Vienna Page Heading</h1><p>First <b>main</b> paragraph.</p>
<h2>Inspections</h2><p>Second paragraph here.</p><ul><li>A list item text.</li></ul>
<div class="share-buttons">Share this on every network</div></main>
<footer>Copyright footer text</footer></body></html>`,
			title: "Vienna Page Heading", sections: []string{"Inspections"},
			passages: []string{"First main paragraph.", "Second paragraph here.", "A list item text."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := knowledge.Parse(tt.file, []byte(tt.text))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if doc.Title != tt.title {
				t.Errorf("got title %q, want %q", doc.Title, tt.title)
			}
			var themes, passages []string
			for _, s := range doc.Sections {
				if s.Theme {
					themes = append(themes, s.Title)
				}
				for _, p := range s.Passages {
					passages = append(passages, p.Text)
				}
			}
			if strings.Join(themes, "|") != strings.Join(tt.sections, "|") {
				t.Errorf("got sections %q, want %q", themes, tt.sections)
			}
			if strings.Join(passages, "|") != strings.Join(tt.passages, "|") {
				t.Errorf("got passages %q, want %q", passages, tt.passages)
			}
		})
	}
}

func TestParseRejectsBadDocuments(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		want       error
	}{
		{"empty", "a.txt", nil, knowledge.ErrEmptyDocument},
		{"only white space", "a.md", []byte(" \n\n\t\n"), knowledge.ErrEmptyDocument},
		{"only furniture", "a.txt", []byte("Back to top\n"), knowledge.ErrEmptyDocument},
		{"binary", "a.txt", []byte("PK\x03\x04\x00\x00binary"), knowledge.ErrBinary},
		{"control characters", "a.txt", []byte(strings.Repeat("\x01\x02\x03 text", 20)), knowledge.ErrBinary},
		{"invalid UTF-8", "a.txt", []byte("caf\xe9 au lait is a drink."), knowledge.ErrInvalidUTF8},
		{"too large", "a.txt", []byte(strings.Repeat("word ", knowledge.MaxDocumentSize/5+1)), knowledge.ErrTooLarge},
		{"unknown format", "a.pdf", []byte("text"), knowledge.ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := knowledge.Parse(tt.file, tt.data)
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestLoadDirSkipsBadDocuments(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", []byte("Centrifuges were discussed at length."))
	write("sub/nested.md", []byte("# Nested\n\nInspectors arrive next week."))
	write("empty.txt", nil)
	write("binary.html", []byte{0x89, 'P', 'N', 'G', 0, 0, 0})
	write("latin1.txt", []byte("caf\xe9"))
	write("notes.pdf", []byte("%PDF-1.4"))
	write(".hidden.txt", []byte("never loaded"))
	write("unreadable.txt", []byte("secret"))
	if err := os.Chmod(filepath.Join(dir, "unreadable.txt"), 0); err != nil {
		t.Fatal(err)
	}
	unreadable := true
	if f, err := os.Open(filepath.Join(dir, "unreadable.txt")); err == nil {
		f.Close()
		unreadable = false // running as root: permissions do not bite
	}

	docs, skipped, err := knowledge.LoadDir(dir)
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	wantIDs := "good|nested"
	if !unreadable {
		wantIDs = "good|nested|unreadable"
	}
	if strings.Join(ids, "|") != wantIDs {
		t.Errorf("got documents %q, want %s", ids, wantIDs)
	}
	reasons := map[string]string{}
	for _, e := range skipped {
		var de *knowledge.DocumentError
		if !errors.As(e, &de) {
			t.Fatalf("got %T, want *knowledge.DocumentError", e)
		}
		reasons[filepath.Base(de.Path)] = de.Reason
	}
	want := map[string]string{
		"empty.txt":   "no text",
		"binary.html": "binary",
		"latin1.txt":  "UTF-8",
		"notes.pdf":   "unsupported format",
	}
	if unreadable {
		want["unreadable.txt"] = "permission denied"
	}
	for file, frag := range want {
		if !strings.Contains(reasons[file], frag) {
			t.Errorf("%s: got reason %q, want it to mention %q", file, reasons[file], frag)
		}
	}
	if len(reasons) != len(want) {
		t.Errorf("got %d skipped (%v), want %d", len(reasons), reasons, len(want))
	}
}

func TestLoadDirMissingFolder(t *testing.T) {
	_, _, err := knowledge.LoadDir(filepath.Join(t.TempDir(), "nope"))
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("got %v, want an error naming the folder", err)
	}
}

func TestDuplicateDocumentIDs(t *testing.T) {
	a, _ := knowledge.Parse("dir1/notes.txt", []byte("Alpha text here."))
	b, _ := knowledge.Parse("dir2/notes.txt", []byte("Beta text here."))
	ix, err := knowledge.NewIndex([]*knowledge.Document{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == b.ID {
		t.Fatalf("both documents have ID %q", a.ID)
	}
	for _, d := range []*knowledge.Document{a, b} {
		p := d.Sections[0].Passages[0]
		if got, ok := ix.Passage(p.ID); !ok || got.Text != p.Text {
			t.Errorf("passage %s: got %v, want %q", p.ID, got, p.Text)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("a.txt", []byte("1) Title\n\nSome text. More text."))
	f.Add("a.md", []byte("# T\n\n## 2) S\n\n- x\n- y\n\n> q"))
	f.Add("a.html", []byte("<html><body><main><h2>S</h2><p>P one.</p></main></body></html>"))
	f.Add("a.txt", []byte("---\ntitle: [unclosed\n---\nbody"))
	f.Add("a.txt", []byte("“Unclosed quote. And more. U.S. e.g. Dr."))
	f.Add("a.md", []byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := knowledge.Parse(name, data)
		if err != nil {
			return
		}
		n := 0
		for _, s := range doc.Sections {
			for _, p := range s.Passages {
				n++
				for _, sen := range p.Sentences {
					if sen.Start < 0 || sen.End > len(p.Text) || sen.Start >= sen.End || p.Text[sen.Start:sen.End] != sen.Text {
						t.Fatalf("bad sentence offsets %d:%d in %q", sen.Start, sen.End, p.Text)
					}
				}
			}
		}
		if n == 0 {
			t.Fatal("Parse returned a document with no passages and no error")
		}
		if _, err := knowledge.NewIndex([]*knowledge.Document{doc}); err != nil && !errors.Is(err, knowledge.ErrEmpty) {
			t.Fatalf("NewIndex: %v", err)
		}
	})
}

func TestLoadDirSkipsNamedPipes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Centrifuges were discussed."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, skipped, err := knowledge.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(skipped) != 1 || !errors.Is(skipped[0], knowledge.ErrNotRegular) {
		t.Errorf("got %d documents and skipped %v, want the good one and the pipe skipped as not a regular file", len(docs), skipped)
	}
}

func TestParseReplacesControlCharacters(t *testing.T) {
	doc, err := knowledge.Parse("notes.txt", []byte("A \x1b[31mred\x1b[0m warning\u2028about talks, in a paragraph long enough that two escapes are a small share of it."))
	if err != nil {
		t.Fatal(err)
	}
	got := doc.Sections[0].Passages[0].Text
	if strings.ContainsAny(got, "\x1b\u2028") {
		t.Errorf("got %q, want control characters replaced", got)
	}
	if !strings.Contains(got, "red") || !strings.Contains(got, "warning about talks") {
		t.Errorf("got %q, want the text kept", got)
	}
}

func TestTitleFromFileName(t *testing.T) {
	doc, err := knowledge.Parse("dir/élan_notes-2024.txt", []byte("Some text here."))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Élan Notes 2024" {
		t.Errorf("got title %q, want %q", doc.Title, "Élan Notes 2024")
	}
}
