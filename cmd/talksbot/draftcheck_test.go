package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot"
)

// TestAskChecksDrafts runs `talksbot ask --json` against an OpenAI-compatible
// fake that answers with one draft of each kind of fault: each falls back
// to the extractive answer, with the reason in the log (and not the draft),
// and a faithful paraphrase is used. For the
// question asked, [1] is the passage on the spoilers' challenges (Congress,
// the hardliners, Rouhani's team) and [2] the one on the forces for
// moderation.
func TestAskChecksDrafts(t *testing.T) {
	tests := []struct {
		name       string
		draft      string
		wantReason bot.Reason // "" for the draft used
	}{
		{"faithful paraphrase", "Congress has pressed for tougher, more hard-hitting sanctions [1]. " +
			"Iranian hardliners are trying to narrow the window Rouhani's team has to negotiate with Washington [1].", ""},
		{"verbatim with a lead-in", "In short:\nCongress has pushed for more hard-hitting sanctions. [1]", ""},
		{"contradiction", "As the seriousness of talks increases, the risk of spoilers lashing out decreases [1].", bot.ReasonContradiction},
		{"negation", "Congress has not pushed for more hard-hitting sanctions [1].", bot.ReasonContradiction},
		{"invented number", "Congress has pushed for more hard-hitting sanctions, voting 60–40 for them [1].", bot.ReasonNumber},
		{"invented name", "Senator Menendez has pushed for more hard-hitting sanctions [1].", bot.ReasonName},
		{"link", "Congress has pushed for more hard-hitting sanctions, see https://www.congress.gov/sanctions [1].", bot.ReasonLink},
		{"mention", "Congress has pushed for more hard-hitting sanctions, as @SenateGOP says [1].", bot.ReasonLink},
		{"stitched quote", "Iranian “hardliners are seeking … with Washington” [1].", bot.ReasonQuote},
		{"wrong citation", "Congress has pushed for more hard-hitting sanctions [2].", bot.ReasonUnsupported},
		{"unsupported claim", "Congress has pushed for more hard-hitting sanctions [1]. " +
			"Economic pressure has therefore become counterproductive [1].", bot.ReasonUnsupported},
		{"off-section summary", "Overall, the author sees sanctions as the main way Washington exploits its superior power [1].", bot.ReasonUnsupported},
		{"uncited sentence", "Congress has pushed for more hard-hitting sanctions [1]. Iran will build a bomb.", bot.ReasonUncited},
		{"invented citation", "Congress has pushed for more hard-hitting sanctions [9].", bot.ReasonBadCitation},
		{"no citation", "Congress wants more hard-hitting sanctions.", bot.ReasonNoCitation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cleanEnv(t)
			llm := newFakeLLM(t, tt.draft)
			t.Setenv("OPENAI_BASE_URL", llm.URL())
			t.Setenv("TALKSBOT_LLM_MODEL", "fake-model")
			r := runCLI(t, "", "ask", "--json", congress)
			wantExit(t, r, 0)
			var a bot.Ask
			if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
				t.Fatalf("decode %q: %v", r.stdout, err)
			}
			wantMode := bot.ModeExtractive
			if tt.wantReason == "" {
				wantMode = bot.ModeLLM
			}
			if a.Mode != wantMode {
				t.Fatalf("got mode %q (%q), want %q\nstderr: %s", a.Mode, a.Answer, wantMode, r.stderr)
			}
			if !a.Answered || len(a.Citations) < 2 || !strings.HasPrefix(a.Citations[0].Text, "The most recent diplomatic efforts") {
				t.Fatalf("got %+v, want an answer citing the passage on the spoilers' challenges first", a)
			}
			if want := "reason=" + string(tt.wantReason); tt.wantReason != "" && !strings.Contains(r.stderr, want) {
				t.Errorf("got stderr %q, want the refusal's %s", r.stderr, want)
			}
			if strings.Contains(r.stderr, tt.draft) || strings.Contains(r.stderr, "congress.gov") {
				t.Errorf("got stderr %q, want no draft text in the log", r.stderr)
			}
			switch wantMode {
			case bot.ModeLLM:
				if a.Answer != tt.draft || a.Model != "fake-model" {
					t.Errorf("got answer %q by %q, want the draft by fake-model", a.Answer, a.Model)
				}
			default:
				if a.Answer == tt.draft || a.Model != "" || !strings.Contains(a.Answer, "Congress has pushed for more hard-hitting sanctions.") {
					t.Errorf("got answer %q by %q, want the extractive answer", a.Answer, a.Model)
				}
			}
		})
	}
}
