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

func ExampleVerify() {
	passages := []bot.Citation{{ID: "vienna-talks#4", Text: "Congress has pushed for more hard-hitting sanctions."}}
	fmt.Println(bot.Verify(`Congress wants "more hard-hitting sanctions" [1].`, passages))
	fmt.Println(bot.Verify("Congress wants a war [2].", passages))
	fmt.Println(bot.Verify("Congress wants sanctions [1]. It also wants a war.", passages))
	// Output:
	// <nil>
	// sentence 1: draft cites a passage it was not given: [2] (1 given)
	// sentence 2: draft has a sentence that neither cites nor quotes a passage: 5 words
}
