package bot_test

import (
	"errors"
	"testing"

	"github.com/talksbot/talksbot/bot"
)

func TestVerify(t *testing.T) {
	passages := []bot.Citation{
		{ID: "a#1", Text: "Congress has pushed for more hard-hitting sanctions. Iranian hardliners are seeking ways to narrow the window of opportunity that President Rouhani’s team has to negotiate with Washington."},
		{ID: "a#2", Text: "As a senior Western official told me upon arriving in Vienna: “We’re not in the business of doing favors. We’re in the business of pursuing our interests.”"},
		{ID: "a#3", Text: "However, the likely alternative — war — is a stark reminder for both sides that the status quo is neither in their interests nor sustainable."},
	}
	tests := []struct {
		name  string
		draft string
		want  error // nil: verified
	}{
		{"one citation", "Congress wants tougher sanctions [1].", nil},
		{"adjacent citations", "Both capitals face pressure [1][2].", nil},
		{"listed citations", "Both capitals face pressure [1, 3].", nil},
		{"straight quote in cited passage", `Congress pushed for "more hard-hitting sanctions" [1].`, nil},
		{"curly quote in cited passage", "An official said “we’re in the business of pursuing our interests” [2].", nil},
		{"quote with straight apostrophe and other case", `An official said "We're not in the business of doing favors." [2]`, nil},
		{"quote with plain dashes", `The official view: "the likely alternative - war - is a stark reminder" [3].`, nil},
		{"quote with ellipsis", `Hardliners want "to narrow the window … with Washington" [1].`, nil},
		{"verbatim quote standing uncited", "“We’re not in the business of doing favors.” That is the rule [2].", nil},
		{"verbatim sentence without quotation marks", "Congress has pushed for more hard-hitting sanctions. It matters [1].", nil},
		{"lead-in", "In short:\nCongress wants tougher sanctions [1].", nil},
		{"sentence without words", "Congress wants tougher sanctions [1].\n—", nil},
		{"U.S. inside a cited sentence", "The U.S. Congress has pushed for more sanctions [1].", nil},
		{"title and initial inside a cited sentence", "Mr. Rouhani and John F. Kerry negotiate with Washington [1].", nil},
		{"ellipsis before a lower-case word", "Congress pushed... for sanctions [1].", nil},
		{"numbered list", "1. Congress wants sanctions [1].\n2. Hardliners want to narrow the window [1].", nil},
		{"U.S. ending a cited sentence", "Pressure comes from the U.S. [1] Hardliners resist it [1].", nil},
		{"mixed quotes, curly then straight", "Congress pushed for “more hard-hitting sanctions\" [1].", nil},
		{"mixed quotes, straight then curly", "Congress pushed for \"more hard-hitting sanctions” [1].", nil},
		{"guillemets", "Un officiel a dit « pursuing our interests » [2].", nil},
		{"low quotation marks", "Ein Beamter sagte „pursuing our interests“ [2].", nil},
		{"quote without citation in its sentence", `Someone said "pursuing our interests" matters. That is all [2].`, bot.ErrUncitedSentence},
		{"uncited sentence", "Congress wants a war. Hardliners resist [1].", bot.ErrUncitedSentence},
		{"uncited sentence last", "Hardliners resist [1]. Congress wants a war.", bot.ErrUncitedSentence},
		{"uncited one-word claim", "No. Congress wants tougher sanctions [1].", bot.ErrUncitedSentence},
		{"uncited short line", "Iran lied\nCongress wants tougher sanctions [1].", bot.ErrUncitedSentence},
		{"long lead-in", "Congress secretly wants a war:\nCongress wants tougher sanctions [1].", bot.ErrUncitedSentence},
		{"verbatim fragment cutting words", "ess has pushed for mo. Congress wants tougher sanctions [1].", bot.ErrUncitedSentence},
		{"uncited sentence after U.S.", "Congress wants the U.S. to strike. Hardliners resist [1].", bot.ErrUncitedSentence},
		{"unclosed straight quote", `Congress pushed for "more hard-hitting sanctions [1].`, bot.ErrInventedQuote},
		{"unclosed curly quote", "Congress pushed for “more [1].", bot.ErrInventedQuote},
		{"quote closed on the next line", "Congress pushed for “more hard-hitting\nsanctions” [1].", bot.ErrInventedQuote},
		{"mixed quotes around an invented quote", "Congress demanded “an immediate military strike on Iran\" [1].", bot.ErrInventedQuote},
		{"straight then curly around an invented quote", "Congress demanded \"an immediate military strike on Iran” [1].", bot.ErrInventedQuote},
		{"guillemets around an invented quote", "Le Congrès a exigé « une frappe militaire immédiate » [1].", bot.ErrInventedQuote},
		{"quote cutting words", `Congress pushed for "ore hard-hitting sanction" [1].`, bot.ErrInventedQuote},
		{"invented citation in a later sentence", "Hardliners resist [1]. Congress wants sanctions [4].", bot.ErrBadCitation},
		{"short quote unchecked", `They call it "appeasement" [1].`, nil},
		{"multi-line draft", "Congress pushed for \"more hard-hitting sanctions\" [1].\nAn official said “We’re not in the business of doing favors.” [2]", nil},
		{"empty", "", bot.ErrNoCitation},
		{"no citation", "Congress wants tougher sanctions.", bot.ErrNoCitation},
		{"range is not a citation", "Congress wants tougher sanctions [1-2].", bot.ErrNoCitation},
		{"invented citation", "Congress wants tougher sanctions [9].", bot.ErrBadCitation},
		{"citation zero", "Congress wants tougher sanctions [0].", bot.ErrBadCitation},
		{"invented citation in a list", "Congress wants tougher sanctions [1, 4].", bot.ErrBadCitation},
		{"huge citation", "Congress wants tougher sanctions [99999999999999999999999].", bot.ErrBadCitation},
		{"invented quote", `Congress demanded "an immediate military strike on Iran" [1].`, bot.ErrInventedQuote},
		{"quote in the wrong passage", `Congress pushed for "more hard-hitting sanctions" [2].`, bot.ErrInventedQuote},
		{"curly quote in the wrong passage", "The official said “not in the business of doing favors” [1]. Fine [2].", bot.ErrInventedQuote},
		{"quote split across an ellipsis, one part invented", `Hardliners want "to narrow the window … and start a war" [1].`, bot.ErrInventedQuote},
		{"uncited sentence quoting nothing given", `Someone said "peace is at hand today". True [1].`, bot.ErrInventedQuote},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := bot.Verify(tt.draft, passages)
			if tt.want == nil {
				if err != nil {
					t.Errorf("got %v, want the draft verified", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestVerifyWithoutPassages(t *testing.T) {
	if err := bot.Verify("Sanctions [1].", nil); !errors.Is(err, bot.ErrBadCitation) {
		t.Errorf("got %v, want %v", err, bot.ErrBadCitation)
	}
}
