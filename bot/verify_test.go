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
		{"quote without citation in its sentence", `Someone said "pursuing our interests" matters. That is all [2].`, nil},
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
