package bot_test

import (
	"context"
	"fmt"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

func ExampleBot_Handle() {
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		fmt.Println(err)
		return
	}
	b := bot.New(ix, bot.Options{})

	r := b.Handle(context.Background(), bot.Request{Platform: bot.Console, Text: "What has Congress pushed for?"})
	fmt.Println(r.Kind, r.Mode)
	fmt.Println(r.Quotes[0].Text)
	fmt.Println("cited from:", r.Citations[r.Quotes[0].Citation].Section)

	r = b.Handle(context.Background(), bot.Request{Platform: bot.Console, Text: "Who won the World Cup?"})
	fmt.Println(r.Kind, r.Text, len(r.Themes), "themes")
	// Output:
	// answer extractive
	// Congress has pushed for more hard-hitting sanctions.
	// cited from: Handling the Spoilers
	// declined The article doesn't cover that. 4 themes
}

func ExampleParseCommand() {
	fmt.Printf("%+v\n", bot.ParseCommand("/talks summary spoilers"))
	fmt.Printf("%+v\n", bot.ParseCommand("What did Congress push for?"))
	fmt.Printf("%+v\n", bot.ParseCommand("/frobnicate"))
	// Output:
	// {Name:summary Arg:spoilers}
	// {Name:ask Arg:What did Congress push for?}
	// {Name:help Arg:/frobnicate}
}

func ExampleChecker_Verify() {
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := bot.NewChecker(ix)
	passages := []bot.Citation{{ID: "vienna-talks#4", Text: "Congress has pushed for more hard-hitting sanctions."}}
	for _, draft := range []string{
		`Congress pressed for "more hard-hitting sanctions" [1].`,
		"Congress has not pushed for sanctions [1].",
		"The Senate has pushed for sanctions [1].",
		"Congress wants a war [2].",
		"Congress pushed for sanctions [1]. It also wants a war.",
	} {
		fmt.Println(c.Verify(draft, passages))
	}
	// Output:
	// <nil>
	// sentence 1: draft contradicts its cited passages: a word the sentence denies and its cited passages do not
	// sentence 1: draft states a fact its cited passages do not hold: a name the cited passages never mention
	// sentence 1: draft cites a passage it was not given: [2] (1 given)
	// sentence 2: draft has a sentence that neither cites nor quotes a passage: no supported sentence follows it
}
