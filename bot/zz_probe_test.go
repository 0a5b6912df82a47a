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
		"After the interim deal in Geneva was struck, efforts to break the impasse by forward-thinking officials in Washington and Tehran reaffirmed the old adage [11].",
		"Congress has pushed for more hard-hitting sanctions, as have Iranian moderates [1].",
		"Iranian moderates are seeking ways to narrow the window of opportunity that President Rouhani's team has to negotiate with Washington [1].",
		"Washington and Tehran will need to lower expectations privately while raising them publicly [10].",
		"The U.S. has refused to have a real dialogue among equals with the Iranian government [5].",
		"The U.S. has failed to demonstrate that it is willing to have a real dialogue among equals [5].",
		"Rouhani's team is seeking ways to narrow the window of opportunity that Iranian hardliners have [1].",
		"Support at the bottom has helped create a trickle-down effect [11].",
		"Spoilers are only present on the Iranian side [1].",
		"A dialogue among equals is irrelevant for success [9].",
		"Acknowledging this power imbalance hides a concern that Iranian hardliners stress [9].",
	} {
		err := c.Verify(d, cites)
		fmt.Printf("%-60.60s => %v\n", d, err)
	}
}
