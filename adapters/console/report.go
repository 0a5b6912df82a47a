package console

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/bot"
)

// maxReportQuestion is how many characters of a question a text report shows.
const maxReportQuestion = 100

// WriteReport renders r as plain text for a terminal: `talksbot report`.
// Questions and themes are user text: control characters, escape
// sequences included, print as spaces, and long questions are cut.
func WriteReport(w io.Writer, r bot.Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "talksbot report since %s\n", r.Since.UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "questions: %d (answered %d, declined %d)\n", r.Questions, r.Answered, r.Declined)

	section := func(title string, qs []bot.QuestionCount) {
		fmt.Fprintf(&b, "\n%s\n", title)
		if len(qs) == 0 {
			fmt.Fprintf(&b, "  none\n")
		}
		// The counts are right-aligned to the widest of them.
		width := 5
		for _, q := range qs {
			width = max(width, len(strconv.Itoa(q.Count)))
		}
		for _, q := range qs {
			fmt.Fprintf(&b, "  %*d  %s\n", width, q.Count, printable(q.Question))
		}
	}
	section("top questions", r.Top)
	section("declined questions (what the documents do not cover)", r.Gaps)

	fmt.Fprintf(&b, "\nfeedback per theme\n")
	if len(r.Themes) == 0 {
		fmt.Fprintf(&b, "  none\n")
	} else {
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "  theme\tup\tdown\n")
		for _, t := range r.Themes {
			name := t.Theme
			if name == "" {
				name = "(no theme)"
			}
			fmt.Fprintf(tw, "  %s\t%d\t%d\n", printable(name), t.Up, t.Down)
		}
		tw.Flush()
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// printable makes user text safe for one terminal line: control characters
// (escape sequences included) become spaces, and long text is cut.
func printable(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) || r == '\t' {
			return ' '
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > maxReportQuestion {
		s = string([]rune(s)[:maxReportQuestion-1]) + "…"
	}
	return s
}
