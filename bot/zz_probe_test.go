package bot_test

import (
	"fmt"
	"testing"

	"github.com/talksbot/talksbot/bot"
)

func TestZProbe(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	cites := articleCitations(t, ix, rulePassages...)
	for _, d := range []string{
		"Congress has pushed for fewer hard-hitting sanctions [1].",
		"Congress has pushed for less hard-hitting sanctions [1].",
		"Iranian hardliners are seeking ways to widen the window of opportunity that President Rouhani's team has to negotiate with Washington [1].",
		"Iranian hardliners are seeking ways to expand the window of opportunity that President Rouhani's team has to negotiate with Washington [1].",
		"It is fair to point out that the gap between technical solutions and political solutions is easy to bridge [3].",
		"Washington deserves blame for abandoning the failed approach of the past [5].",
		"Washington deserves credit for continuing the failed approach of the past [5].",
		"As the seriousness of talks increases, so too does the chance of spoilers calming down [1].",
		"The only way to neutralize spoilers is to build confidence through vague promises [1].",
		"Building confidence at the negotiating table has been one of many pathways that turned mistrust into cooperation [2].",
		"Iran is a superpower, not a regional power [9].",
		"Iran rivals the former Soviet Union in terms of threatening Western interests [9].",
		"Both sides will in turn need to reject these ideological criticisms [2].",
		"Diplomacy is like remodeling a house: it is probably going to be simpler, quicker and cheaper than you think [8].",
		"Congress has opposed more hard-hitting sanctions [1].",
		"Iranian and American officials are seemingly reluctant to make the requisite political investment [3].",
	} {
		err := c.Verify(d, cites)
		fmt.Printf("%-60.60s => %v\n", d, err)
	}
}
