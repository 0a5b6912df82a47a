package knowledge

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped are elements whose content is never article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Iframe: true, atom.Svg: true,
	atom.Button: true, atom.Template: true, atom.Select: true, atom.Menu: true, atom.Dialog: true,
	atom.Object: true, atom.Canvas: true,
}

// furnitureRoles and furnitureWords mark navigation and boilerplate by ARIA
// role or by class/id.
var (
	furnitureRoles = setOf(`navigation banner contentinfo complementary search menu menubar dialog alert`)
	furnitureWords = []string{"nav", "menu", "footer", "sidebar", "cookie", "share", "social", "comment", "breadcrumb", "related", "advert", "promo", "newsletter", "subscribe", "popup", "banner"}
)

// blocks are elements whose text makes one passage.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Blockquote: true, atom.Dd: true, atom.Dt: true,
	atom.Figcaption: true, atom.Td: true, atom.Th: true, atom.Caption: true,
}

var headings = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// parseHTML reads an HTML page through an HTML5 parser: the title from
// <title> or the first <h1>; the main text from <main> or <article> when the
// page has one, else <body>; headings start sections; paragraphs, list items
// and quotes become passages; scripts, navigation and boilerplate are dropped.
func parseHTML(name, src string) (*Document, error) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, err
	}
	b := newBuilder(frontMatter{})
	title := ""
	if t := find(root, atom.Title); t != nil {
		title = textOf(t)
	}
	content := find(root, atom.Main)
	if content == nil {
		content = find(root, atom.Article)
	}
	if content == nil {
		content = find(root, atom.Body)
	}
	if content == nil {
		content = root
	}
	h1Title := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				// Loose text directly inside a container, outside any paragraph.
				// A few stray words (separators, labels) are not a passage.
				if len(strings.Fields(c.Data)) >= 4 {
					b.paragraph(c.Data)
				}
			case c.Type != html.ElementNode:
			case skipped[c.DataAtom] || isFurniture(c):
			case headings[c.DataAtom] > 0:
				t := textOf(c)
				if headings[c.DataAtom] == 1 && !h1Title && (title == "" || len(b.doc.Sections) == 1 && len(b.doc.Sections[0].Passages) == 0) {
					h1Title = true
					title = t
					continue
				}
				number := 0
				if m := numberedHeading.FindStringSubmatch(t); m != nil {
					number, t = atoi(m[1]), m[2]
				}
				b.heading(t, number)
			case blocks[c.DataAtom] && !hasBlock(c):
				b.paragraph(textOf(c))
			default:
				walk(c)
			}
		}
	}
	walk(content)
	b.doc.Title = strings.Join(strings.Fields(title), " ")
	return b.doc, nil
}

// hasBlock reports whether n holds a nested block (a list inside a list item,
// paragraphs inside a quote): then its children are passages of their own.
func hasBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blocks[c.DataAtom] || c.DataAtom == atom.Ul || c.DataAtom == atom.Ol || c.DataAtom == atom.Div || c.DataAtom == atom.Table) {
			return true
		}
	}
	return false
}

func isFurniture(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "role":
			if furnitureRoles[strings.ToLower(a.Val)] {
				return true
			}
		case "class", "id":
			v := strings.ToLower(a.Val)
			for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
				for _, w := range furnitureWords {
					if part == w || part == w+"s" {
						return true
					}
				}
			}
		}
	}
	return false
}

// find returns the first element with the given tag, depth first.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// textOf returns the visible text under n, white space collapsed.
func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				sb.WriteString(c.Data)
			case c.Type == html.ElementNode && (skipped[c.DataAtom] || isFurniture(c)):
			case c.Type == html.ElementNode && c.DataAtom == atom.Br:
				sb.WriteByte(' ')
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}
