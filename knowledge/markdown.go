package knowledge

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// parseMarkdown reads a Markdown document through a CommonMark parser:
// optional front matter; the first level-one heading is the title when the
// front matter gives none; other headings start sections; paragraphs, list
// items and block quotes become passages; code and raw HTML are dropped.
func parseMarkdown(name, src string) (*Document, error) {
	fm, body, err := splitFrontMatter(src)
	if err != nil {
		return nil, err
	}
	source := []byte(body)
	root := goldmark.New().Parser().Parse(text.NewReader(source))
	b := newBuilder(fm)
	err = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			title := inlineText(n, source)
			if n.Level == 1 && b.doc.Title == "" {
				b.doc.Title = title
				return ast.WalkSkipChildren, nil
			}
			number := 0
			if m := numberedHeading.FindStringSubmatch(title); m != nil {
				number, title = atoi(m[1]), m[2]
			}
			b.heading(title, number)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			b.paragraph(inlineText(n, source))
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.ThematicBreak:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return nil, err
	}
	return b.doc, nil
}

// inlineText returns the plain text of a block's inline content.
func inlineText(n ast.Node, source []byte) string {
	var sb strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			sb.Write(c.Value(source))
			if c.SoftLineBreak() || c.HardLineBreak() {
				sb.WriteByte(' ')
			}
		case *ast.String:
			sb.Write(c.Value)
		case *ast.AutoLink:
			sb.Write(c.Label(source))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(sb.String()), " ")
}
