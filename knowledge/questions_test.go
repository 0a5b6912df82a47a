package knowledge_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/knowledge"
)

// TestQuestionsAboutTheWholeText checks that a question whose every topic
// word asks about the text as a whole names no topic, so that the bot
// answers it with the overview, while the same words beside a topic still
// retrieve.
func TestQuestionsAboutTheWholeText(t *testing.T) {
	ix := article()
	for _, q := range []string{"Summarize the article", "What is the main argument?", "What's the author's thesis?",
		"Key takeaways please", "tl;dr?", "Give me the gist", "What is the writer arguing, broadly?",
		"Outline the main points of this opinion piece", "Sum it up in a couple of sentences: what's the central claim?",
		"Summarise the editorial in two sentences", "Quick summary please — I haven't read it.",
		"can u summarise this op-ed in a couple of lines", "Give me the short version", "What are the key points, bullet form?",
		"What are the overarching themes?", "what's this article even about?",
		"Could you précis the op-ed in a paragraph?", "How is the piece structured?",
		"Is the writer optimistic or pessimistic overall?", "What's the tone of the article?", "What's the overall tone?",
		"Is the overall tone hopeful or pessimistic?", "Is the writer hopeful or gloomy?", "Is the writer hopeful or downbeat?",
		// Idioms whose plain words ask about the whole: the bottom line is
		// the conclusion.
		"What's the bottom line of the piece?", "In a nutshell, what is the column saying?",
		// The author's take, view or position, asked about nothing else.
		"In a couple of sentences, what's the author's take?", "What's the writer's view?",
		"Could you provide a brief synopsis of the column?",
		// A topic the whole text is about, found in most of its sections;
		// two names joined by a dash are one topic ("US" is in one section
		// only).
		"What's the author's overall take on the Vienna talks?",
		"What's the overall takeaway about the US-Iran negotiations?",
		"What's the overall takeaway about the U.S.-Iran negotiations?", "What's the overall takeaway about the US/Iran talks?",
		// A summary idiom beside the whole text's topic.
		"In a nutshell, what is the writer saying about the US–Iran negotiations?",
		// A word for the whole between the author and the view.
		"How would you sum up the author's overall outlook?",
		// How long or how plainly to answer is no topic.
		"give me the gist in 2-3 sentences pls", "summarize in 2 sentences pls",
		"in just a few lines, what is this article arguing", "explain like i'm 5 what this article says",
		"Explain the article like I am five", "What is the piece mainly arguing, in broad strokes?",
		"what's the elevator pitch of this piece?",
		// "The big picture" of the text, though the text says "big
		// picture" too.
		"what's the big picture message of the piece?", "what big-picture point is the writer making?",
		"give me the big picture of this op-ed",
		// The point the writer is trying to make, what readers are to take
		// away.
		"what's the overall point the writer is trying to make?",
		"What's the overall message the author wants readers to take away?",
		// The items of the article's list themselves, which the overview
		// gives.
		"What are the four big issues the author lays out?", "sum up the four main issues he raises",
		"list the main points the author covers", "what are the 4 big picture issues the writer lays out?",
		// Asked with "what" and "does" before the verb, the list's
		// numbered headings, an overview of its items, what it walks
		// through or is built around.
		"what big-picture issues does the writer walk through?", "Summarize the four issues the article walks through",
		"what are the numbered sections of the article about?", "brief overview of the four factors pls",
		"what are the four big issues the whole article is built around, briefly?",
		// An aside of generality, breaking the text down, what it
		// concludes.
		"what's this article about in general", "Could you break down the structure of the article?",
		"break down how the article is structured for me", "Briefly, what does the commentary conclude?",
		// What the author is trying to say or get across, the thrust, a
		// length without "in".
		"what is the author trying to say overall", "what's the point the writer is trying to get across?",
		"what's the thrust of the piece?", "short summary please, 2-3 sentences", "in short, what's the gist?"} {
		if a := ix.Answer(knowledge.Query{Text: q}); a.Answerable || a.ContentWords != 0 {
			t.Errorf("%q: got answerable %v with %d content words, want no topic", q, a.Answerable, a.ContentWords)
		}
	}
	// "Long story short" asks for nothing, not for a summary.
	if a := ix.Answer(knowledge.Query{Text: "Long story short, what happened?"}); a.ContentWords == 0 {
		t.Errorf("%q: got no topic, want its words counted", "Long story short, what happened?")
	}
	// Words of stance ask about the whole text only beside the text or its
	// author; a length asked for beside a topic leaves the topic.
	for _, q := range []string{"Are the Iranian hardliners optimistic about the talks?", "How is the final deal structured?",
		"In two sentences, who pushed for sanctions?", "Do they like 5 more sanctions?",
		"Are the Iranian hardliners hopeful about the talks?", "Is the mood in Washington hopeful about the talks?",
		// A name joined by a dash to no name is a topic of its own.
		"What's the overall takeaway about the Limbert-made comparison?",
		// Said of anything but the text, the idioms of its point are
		// words like any.
		"Will the deal take away Iran's right to enrich?", "What are officials trying to make happen?",
		// Talks that break down fail.
		"What happens if the talks break down?"} {
		if a := ix.Answer(knowledge.Query{Text: q}); a.ContentWords < 2 {
			t.Errorf("%q: got %d content words, want the stance word and the topic counted", q, a.ContentWords)
		}
	}
	a := ix.Answer(knowledge.Query{Text: "Which argument must be defeated at the negotiating table?"})
	if !a.Answerable || !strings.Contains(a.Quotes[0].Text(), "Emasculating this argument") {
		t.Errorf("got %+v, want the sentence about the argument", a.Quotes)
	}
	// A topic of one part of the text is asked about, and a word about the
	// whole that the article lacks ("takeaway") frames the question.
	wantFirstQuotes(t, ix,
		firstQuote{"What is the main takeaway about the spoilers?", "spoilers"},
		firstQuote{"What's the overall take on Congress?", "Congress"},
		firstQuote{"What's the writer's take on the spoilers?", "spoilers"},
		// A name joined by a dash to a spread one is spread; alone, or
		// beside one, it is not.
		firstQuote{"What's the overall takeaway about the US?", "U.S."},
		firstQuote{"What's the overall take on Iran's Rouhani?", "Rouhani"},
		firstQuote{"What will the four big picture issues do?", "four big picture issues"},
		// What the items do, asked with another auxiliary, or after "the
		// numbered list", is a topic.
		firstQuote{"What factors could make or break peace, according to the op-ed?", "four big picture issues"},
		firstQuote{"right before the numbered list, what does he say the four issues will do?", "four big picture issues"},
		// The text uses "the big picture" itself: a topic, no summary.
		firstQuote{"Why is the big picture important?", "bigger picture is no less important"},
		firstQuote{"what's riding on those big-picture themes?", "four big picture issues"},
		// "Long story short" is an aside; "bottom line" beside a topic
		// asks about it.
		firstQuote{"Long story short, who has pushed for sanctions?", "Congress"},
		firstQuote{"Bottom line, who has pushed for sanctions?", "Congress"},
		// "At this point" is no point of the text's.
		firstQuote{"what's the one thing that's certain at this point?", "only one thing is for sure"},
		firstQuote{"is he certain about anything at that point?", "only one thing is for sure"},
	)
}

// TestQuestionsAboutQuotations checks that "quote", "saying" and "adage"
// ask for a quotation instead of counting as words the article lacks.
func TestQuestionsAboutQuotations(t *testing.T) {
	ix := article()
	tests := []struct{ question, want string }{
		{"What old saying does the author quote?", "No good deed goes unpunished"},
		{"What does the author quote Limbert as saying?", "remodeling a house"},
		{"Which adage is cited?", "No good deed goes unpunished"},
		// Plurals of the words for sayings ask for them too.
		{"which idioms does the author use?", "No good deed goes unpunished"},
		// A figure described by what it means, in words it does not use.
		{"which idiom does the writer drop in the opening about the fine print?", "the devil is in the details"},
		{"which old saying about kindness getting you in trouble gets quoted?", "No good deed goes unpunished"},
		{"what sailing/sea type metaphor does he use for where things stand now?", "uncharted waters"},
		// A suffix set apart by a hyphen is no word of its own.
		{"what shakespeare-ish phrase does he use about history repeating itself?", "past is prologue"},
	}
	for _, tt := range tests {
		a := ix.Answer(knowledge.Query{Text: tt.question})
		if !a.Answerable || !strings.Contains(a.Quotes[0].Text(), tt.want) {
			t.Errorf("%q: got %+v, want a first quote with %q", tt.question, a, tt.want)
		}
	}
	// Nothing but the wish for quotations: the quoting sentences, in order.
	a := ix.Answer(knowledge.Query{Text: "What quotes are there?"})
	if !a.Answerable || len(a.Quotes) == 0 {
		t.Fatalf("got %+v, want the quoting sentences", a)
	}
	for _, q := range a.Quotes {
		if !strings.ContainsAny(q.Text(), "“”\"") {
			t.Errorf("got %q, which quotes no one", q.Text())
		}
	}
}

// TestUnknownNamesWeighFully checks that a name the article lacks counts as
// fully against the question, however common the word is in English.
func TestUnknownNamesWeighFully(t *testing.T) {
	for _, q := range []string{"Who is the president of France?", "What does Israel think of the talks?"} {
		if a := article().Answer(knowledge.Query{Text: q}); a.Answerable {
			t.Errorf("%q: got an answer %q, want a decline", q, a.Quotes[0].Text())
		}
	}
}

// TestFollowUpDoesNotRepeatThePreviousAnswer checks that the previous
// turn's words lead to its neighbourhood, not back to its own sentence.
func TestFollowUpDoesNotRepeatThePreviousAnswer(t *testing.T) {
	a := article().Answer(knowledge.Query{Text: "and the Iranian side?", Context: "What has Congress pushed for?"})
	if !a.Answerable {
		t.Fatal("got a decline")
	}
	if got := a.Quotes[0].Text(); strings.Contains(got, "Congress has pushed") {
		t.Errorf("got %q first, the previous answer again", got)
	}
}

// TestNamesTheKnowledgeBaseDoesNotKnow checks that a question naming
// something the knowledge base knows by no form is held to be about
// something else: a country or body the article never names lowers the
// confidence enough to decline a question that only shares the article's
// everyday words, and a name is not known by one word of its expansion
// ("union" of "European Union" is in "Soviet Union"). Names the knowledge
// base knows by another form, or that are part of a longer name it knows,
// keep their questions answered.
func TestNamesTheKnowledgeBaseDoesNotKnow(t *testing.T) {
	ix := article()
	wantDeclined(t, ix,
		"What is Israel's position on the nuclear negotiations?",
		"Is China part of the group negotiating with Iran?",
		"What did the EU say about the sanctions?",
		// One word of the expansion ("gross domestic product") is no
		// cover for the name.
		"What is Iran's GDP?",
		// An acronym typed in lower case is a name all the same.
		"is nato involved in the talks?",
		// A name a word away from a known one is no part of it.
		"did Russia back Iran in the negotiations?",
		// A name known only as a kind of common word ("British" as a
		// nation) is a stranger too.
		"What did the British foreign secretary say about the Vienna round?",
		"What role do the Revolutionary Guards play in Iran's nuclear program?",
	)
	wantFirstQuotes(t, ix,
		firstQuote{"What has the US Congress pushed for?", "hard-hitting sanctions"},
		// Known by a name it is not: "Austria" by "Vienna"; nor is an
		// abbreviation ("PR" for public relations).
		firstQuote{"how long are the talks in austria expected to run", "over the next few days"},
		firstQuote{"What's the 'PR basics' approach the writer recommends?", "Public Diplomacy 101"},
		firstQuote{"Had officials in DC and Tehran tried to break the impasse before Geneva?", "efforts to break the impasse"},
		firstQuote{"What has Secretary of State John Kerry said about win-win outcomes?", "win-win"},
		firstQuote{"Is Iran as big a threat as the USSR was?", "Soviet Union"},
	)
}

// TestQuestionWordAddedAtTheEnd checks that a question word added after
// "and" at the end ("…, and when?") leaves the rest of the question to be
// answered: the text says what Congress pushed for, if not when.
func TestQuestionWordAddedAtTheEnd(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"what did congress push for, and when?", "Congress has pushed for more hard-hitting sanctions"},
		firstQuote{"who is limbert and where?", "Ambassador John Limbert"},
	)
}

// TestQuestionsThatAskForAFigureADateOrAName checks that a question asking
// outright for a quantity, a calendar date or a name — by the noun after
// "what" or "which", or by "deadline" — is declined when the sentence that
// would answer it holds none (or only the question's own names), and
// answered when it does.
func TestQuestionsThatAskForAFigureADateOrAName(t *testing.T) {
	ix := article()
	wantDeclined(t, ix,
		"What was the vote count on the sanctions Congress pushed for?",
		"What percentage of the sanctions did Congress want?",
		"On what exact date did the talks in Vienna start?",
		"What is the deadline for the final nuclear deal?",
		"What is the name of the senior Western official quoted in Vienna?",
		// The only name besides the question's own starts a quotation
		// (“Diplomacy is like…”): no name at all.
		"Which country was John Limbert ambassador to?",
		// "John" beside "Limbert" is the same name, nothing new.
		"Which country was Limbert ambassador to?",
		"Which country was John ambassador to?",
		// "Iranian" is a form of "Iran", a name the question gives.
		"Which country hosted the secret US-Iran talks before Geneva?",
	)
	wantFirstQuotes(t, ix,
		firstQuote{"What is the number of issues that will make or break the peace?", "four big picture issues"},
		firstQuote{"What is the name of the former ambassador who compared diplomacy to remodeling a house?", "John Limbert"},
		// A title asked leaves the name beside it new.
		firstQuote{"What's the name of the US secretary mentioned?", "Secretary Kerry"},
		// Punctuation ends a run of names: Kerry is new beside "Zarif,".
		firstQuote{"What is the name of the US secretary mentioned alongside Zarif?", "Secretary Kerry"},
		firstQuote{"Which city are the talks in?", "here in Vienna"},
		// A name may open its sentence.
		firstQuote{"Which country is a regional power?", "Iran is a regional power"},
		firstQuote{"What expression does the writer use for good deeds?", "No good deed goes unpunished"},
	)
	// "One would think…" gives no number; "one thing" does.
	wantDeclined(t, ix, "how many nukes did the soviets have at their peak?")
	one := indexOf(t, "One would think the harbour of the city holds many ships.\n\n"+
		"The weather in the capital was cold all week.")
	wantDeclined(t, one, "how many ships does the harbour of the city hold?")
	wantFirstQuotes(t, indexOf(t, "The harbour of the city holds one ship.\n\n"+
		"The weather in the capital was cold all week."),
		firstQuote{"how many ships does the harbour of the city hold?", "one ship"})
}

// TestTheTypeOfAnswerAskedFor checks which questions ask outright for a
// date, a figure or a name: the noun right after "what" or "which" (a
// copula and a modifier between them allowed) or "deadline" after
// "what"/"when", answered by a sentence with a month, a weekday or digits;
// not a noun that is the subject of a verb after an auxiliary ("what will
// the coming weeks bring?") nor "deadline" in a why-question.
func TestTheTypeOfAnswerAskedFor(t *testing.T) {
	ix := indexOf(t, "The talks began on a Monday in March in the capital.\n\n"+
		"The deadline was extended because the sides needed more time to talk.\n\n"+
		"The population wants the talks to end in peace, and the coming weeks will bring more meetings.")
	wantFirstQuotes(t, ix,
		firstQuote{"On which day did the talks begin?", "Monday in March"},
		firstQuote{"Why was the deadline extended?", "needed more time"},
		firstQuote{"What does the population want?", "end in peace"},
		firstQuote{"What will the coming weeks bring?", "more meetings"},
	)
	wantDeclined(t, ix, "What is the deadline for the talks?", "What was the vote count on the talks?")
}

// TestQuantityNounAsksForAFigure checks that a question about a budget,
// a rate or a rating asks for a figure of it, which a sentence without one,
// or with a figure of something else, does not give, and that "rate" as a
// verb asks for none.
func TestQuantityNounAsksForAFigure(t *testing.T) {
	ix := indexOf(t, "The mayor is popular with the harbour workers, and the council backed her plan.\n\n"+
		"The harbour spends money on ships, and the mayor judged the spending a success.\n\n"+
		"The harbour budget grew by 12 percent last year.\n\n"+
		"The port has four big cranes and the navy two ships.")
	wantDeclined(t, ix, "what was the mayor's approval rating?", "what is the harbour's inflation rate?",
		"how big is the navy's budget?")
	wantFirstQuotes(t, ix,
		firstQuote{"how big is the harbour budget?", "12 percent"},
		firstQuote{"how does the mayor rate the spending?", "judged the spending a success"},
	)
}

// TestBeforeARoleAsksForAnEarlierTime checks that a question about
// someone's time before a role ("before he became…", "before Zarif") is
// declined by a text that speaks of them in the role alone, and answered
// by one that tells of the earlier time.
func TestBeforeARoleAsksForAnEarlierTime(t *testing.T) {
	wantDeclined(t, article(), "what was Rouhani's job before he became president?",
		"what did Kerry do before becoming secretary of state?", "who was foreign minister of Iran before Zarif?")
	told := indexOf(t, "Harbour Minister Vale backed the ferry plan, and the harbour council agreed.\n\n"+
		"Before she became harbour minister, Vale ran the ferry company.")
	wantFirstQuotes(t, told, firstQuote{"what was Vale's job before she became harbour minister?", "ran the ferry company"})
}

// TestWhereAsksForAPlace checks that "where" prefers a sentence that names
// something, as "who" does: a place is a name.
func TestWhereAsksForAPlace(t *testing.T) {
	ix := indexOf(t, "The talks are held in winter, often.\n\nThe talks are held in winter, in Vienna.")
	wantFirstQuotes(t, ix, firstQuote{"Where are the talks held?", "Vienna"})
	// Where someone served, lived or studied is a place's name, which
	// the sentence about them must hold beyond the question's own.
	wantDeclined(t, article(),
		"Where did John Limbert serve as ambassador?",
		"where did limbert serve?",
		// Where someone held a role too.
		"where was limbert ambassador?")
	wantFirstQuotes(t, article(),
		firstQuote{"Where did the author talk to the senior Western official?", "Vienna"},
		firstQuote{"where were the forward-thinking officials based?", "Washington and Tehran"})
}

// indexOf indexes one document made of text.
func indexOf(t *testing.T, text string) *knowledge.Index {
	t.Helper()
	return indexOfFile(t, "t.txt", text)
}

// indexOfFile indexes text read as a file of that name would be ("t.md"
// reads Markdown headings as sections).
func indexOfFile(t *testing.T, name, text string) *knowledge.Index {
	t.Helper()
	doc, err := knowledge.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := knowledge.NewIndex([]*knowledge.Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// wantDeclined fails the test for each question ix answers.
func wantDeclined(t *testing.T, ix *knowledge.Index, questions ...string) {
	t.Helper()
	for _, q := range questions {
		if a := ix.Answer(knowledge.Query{Text: q}); a.Answerable {
			t.Errorf("%q: answered with %q (confidence %.2f), want a decline", q, a.Quotes[0].Text(), a.Confidence)
		}
	}
}

// wantDeclinedAfter fails the test if ix answers question asked after
// context, the previous turn.
func wantDeclinedAfter(t *testing.T, ix *knowledge.Index, context, question string) {
	t.Helper()
	if a := ix.Answer(knowledge.Query{Text: question, Context: context}); a.Answerable {
		t.Errorf("%q after %q: answered with %q, want a decline", question, context, a.Quotes[0].Text())
	}
}

// firstQuote is a question and what its answer's first quote must hold.
type firstQuote struct{ question, want string }

// wantFirstQuotes fails the test for each question ix does not answer with
// a first quote holding its want.
func wantFirstQuotes(t *testing.T, ix *knowledge.Index, cases ...firstQuote) {
	t.Helper()
	for _, tt := range cases {
		a := ix.Answer(knowledge.Query{Text: tt.question})
		if !a.Answerable || !strings.Contains(a.Quotes[0].Text(), tt.want) {
			t.Errorf("%q: got %+v, want a first quote with %q", tt.question, a.Quotes, tt.want)
		}
	}
}

// TestFigureStandsForAllItsWords checks that the plain word of a figure of
// speech satisfies each of the figure's words: a sentence saying
// "uncharted" holds all of "new territory", as much as one holding a word
// of the figure as written holds it, and a question asking it is not
// declined for want of its second word.
func TestFigureStandsForAllItsWords(t *testing.T) {
	ix := indexOf(t, "The harbour council is in uncharted waters with the ferry.\n\n"+
		"The new harbour master started work on the ferry timetable.\n\n"+
		"The weather in the city was cold all week.")
	wantFirstQuotes(t, ix,
		firstQuote{"is the council on new territory with the ferry?", "uncharted waters"},
		firstQuote{"is this new territory?", "uncharted waters"},
		firstQuote{"new territory or familiar ground?", "uncharted waters"},
		firstQuote{"how would the writer describe where things are now, familiar ground or new territory?", "uncharted waters"},
	)
}

// TestWordAskedTwice checks that a word a question asks twice, in two
// forms ("equals", "equally"), is satisfied twice only by a sentence that
// uses it twice: the sentence with both senses of "equal" answers, not the
// one naming the question's parties with the phrase once.
func TestWordAskedTwice(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"does 'dialogue among equals' mean the US and Iran are equally powerful?", "two equal powers"},
		firstQuote{"Does talking as equals mean the US and Iran are equally powerful?", "two equal powers"},
	)
}

// TestPlainWordsCountInFull checks that the plain words the lexicon gives
// a figure of speech or an everyday sense satisfy the question as fully as
// its own words: what is "tough" is "hard", ahead of a sentence holding
// "bit" in another sense ("a bit of Public Diplomacy 101"), and what is
// "seafaring" is of the "waters".
func TestPlainWordsCountInFull(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"is the tough bit over now?", "now the hard part begins"},
		firstQuote{"What seafaring metaphor does the author use to describe where things currently stand?", "uncharted waters"},
	)
}

// TestFiguresOfSpeech checks that an everyday figure of speech finds the
// plain words it stands for.
func TestFiguresOfSpeech(t *testing.T) {
	ix := indexOf(t, "The two delegations met privately to settle the dispute.\n\n"+
		"Should the talks fail, the region would face a long war.\n\n"+
		"The capital deserves credit for its patience.\n\n"+
		"An escalation of the pressure has narrowed the options left.\n\n"+
		"Both delegations keep downplaying their chances in public.\n\n"+
		"The weather in the city was cold all week.\n\n"+
		"The summit will begin on Monday in the old town hall.\n\n"+
		"Most reporters focused on the budget of the mission.\n\n"+
		"Both presidents need political cover at home.\n\n"+
		"Neither capital can keep the status quo for long.\n\n"+
		"The old split in the council may be too wide to bridge.\n\n"+
		"The council should talk about the ferry plan.\n\n"+

		"The council should set its sights on the harbour.\n\n"+
		"Support for the ferry plan in the council grows.\n\n"+
		"Support for the ferry plan in the council is by no means comprehensive.")
	wantFirstQuotes(t, indexOf(t, "The council stands by its budget against its critics.\n\n"+
		"The council can push back against its critics.\n\n"+
		"The fishermen of the bay are the council's critics.\n\n"+
		"The fishermen of the bay want a ferry.\n\n"+
		"The newly empowered fishermen want a ferry."),
		firstQuote{"what helps the council fend off its critics?", "push back against"},
		firstQuote{"are the fishermen gaining ground?", "empowered fishermen"},
	)
	wantFirstQuotes(t, indexOf(t, "The council praised the harbour plan.\n\n"+
		"An overemphasis on the harbour risks neglecting the schools.\n\n"+
		"The harbour plan is the council's largest cost."),
		firstQuote{"what's the danger if the council goes overboard with the harbour?", "overemphasis on the harbour"},
	)
	// "Doomed to" and "destined to" say what must be, of no topic.
	for _, q := range []string{"is the council doomed to fight the harbour plan?", "is the council destined to fight the harbour plan?"} {
		got, plain := article().Answer(knowledge.Query{Text: q}), article().Answer(knowledge.Query{Text: "is the council to fight the harbour plan?"})
		if got.Confidence != plain.Confidence || got.ContentWords != plain.ContentWords {
			t.Errorf("%q: got confidence %.3f with %d content words, want %.3f with %d as without it",
				q, got.Confidence, got.ContentWords, plain.Confidence, plain.ContentWords)
		}
	}
	wantFirstQuotes(t, indexOf(t, "The mayor keeps talking about the harbour plan.\n\n"+
		"The mayor has repeatedly emphasized that the harbour plan is cheap.\n\n"+
		"The harbour plan is the mayor's largest cost."),
		firstQuote{"what does the mayor keep hammering on about the harbour plan?", "repeatedly emphasized"},
	)
	wantFirstQuotes(t, article(),
		firstQuote{"what do the talks need in order to not get wrecked by politics back home?", "fractious domestic politics"},
	)
	wantFirstQuotes(t, indexOf(t, "The regatta is sponsored by the bank in the bay.\n\n"+
		"The regatta commences in the bay.\n\n"+
		"The harbour loan has many critics."),
		firstQuote{"where is the regatta kicking off?", "commences in the bay"},
	)
	wantFirstQuotes(t, ix,
		firstQuote{"is support for the ferry plan across the board?", "comprehensive"},
		firstQuote{"what should the council keep its eyes on?", "sights on the harbour"},
		firstQuote{"can anyone close the gap in the council?", "too wide to bridge"},
		firstQuote{"can things just stay as they are?", "status quo"},
		firstQuote{"can things just carry on as they are?", "status quo"},
		firstQuote{"what happens when either side ups the ante?", "escalation of the pressure"},
		firstQuote{"what kicked off?", "begin on Monday"},
		firstQuote{"what is everyone zeroing in on?", "focused on the budget"},
		firstQuote{"what about the heads of state?", "political cover"},
		firstQuote{"Did the delegations meet behind closed doors?", "met privately"},
		firstQuote{"what happens if the talks go bust?", "long war"},
		firstQuote{"does the capital get props for anything?", "deserves credit"},
		firstQuote{"what has ramping up the pressure done?", "escalation of the pressure"},
	)
}

// TestMentionFramesTheQuestion checks that the text's mentioning, said
// with "keeps" or a phrasal verb, frames a question and names no topic:
// "keep" is no topic of "who are the spoilers he keeps mentioning?".
func TestMentionFramesTheQuestion(t *testing.T) {
	ix := indexOf(t, "Both sides must keep their sights on their interests and keep talking.\n\n"+
		"Spoilers on all sides have torpedoed every earlier attempt at peace.\n\n"+
		"The weather in the city was cold all week.")
	wantFirstQuotes(t, ix,
		firstQuote{"who are the spoilers he keeps mentioning?", "Spoilers on all sides"},
		firstQuote{"who are these spoilers the writer keeps bringing up?", "Spoilers on all sides"},
		firstQuote{"who are the spoilers he keeps going on about?", "Spoilers on all sides"},
		firstQuote{"who are the spoilers he keeps talking about?", "Spoilers on all sides"},
	)
	// "Come up" (not "come up with") says the text mentions something
	// too.
	wantFirstQuotes(t, article(), firstQuote{"does the US Secretary of State come up in the article?", "Secretary Kerry"})
}

// TestWhatTheQuestionIsAbout checks that a question whose focus noun, the
// one "what" asks about, the knowledge base knows by no form is held less
// likely covered than its other words say (when an auxiliary after it
// shows it is the object asked about), and that a word the knowledge base
// holds only with a derivational suffix ("threat" in "threatening") is
// known, but not one it holds only lengthened otherwise.
func TestWhatTheQuestionIsAbout(t *testing.T) {
	ix := indexOf(t, "The talks resumed in spring after the sanctions on Iran were tightened.\n\n"+
		"Hardliners keep threatening the talks.\n\n"+
		"Senior officials from both sides met in Vienna.")
	wantDeclined(t, ix, "What sanctions relief will Iran receive from the talks?")
	wantFirstQuotes(t, ix,
		firstQuote{"What sanctions were tightened?", "sanctions on Iran were tightened"},
		firstQuote{"What threat do the talks face?", "threatening the talks"},
		// No auxiliary after "officials gathered": the words after "what"
		// run into the verb, which is not what the question is about.
		firstQuote{"What officials gathered in Vienna?", "met in Vienna"},
	)
	// A lengthening that is not a suffix makes another word: "secret" is
	// not "secretary", "super" not "superpower".
	wantDeclined(t, article(), "Was there a secret agreement?", "What super weapons does Iran hold?")
}

// TestHowAsksForAKindOfAnswer checks that the word after "how" in "how
// long", "how many" and the like asks for a kind of answer rather than
// naming a topic ("long" is not the "long history"), and that "how many"
// asks about the noun after it as "what" does: warheads the knowledge base
// knows by no form.
func TestHowAsksForAKindOfAnswer(t *testing.T) {
	ix := indexOf(t, "The meetings will go on for three more days.\n\n"+
		"The long history of the meetings is well known.")
	wantFirstQuotes(t, ix, firstQuote{"How long are the meetings?", "three more days"})
	// "How long" asks for a span of time: of two sentences alike, the one
	// that gives one.
	ix = indexOf(t, "The meetings were held in a large hall.\n\nThe meetings went on for three days.")
	wantFirstQuotes(t, ix, firstQuote{"How long were the meetings?", "three days"})
	// A span is a must: a paragraph without a word of time gives none,
	// and one with it quotes the sentence that holds it.
	wantDeclined(t, article(),
		"How long does the interim deal last before it expires?",
		"How long is the interim deal in Geneva supposed to last?")
	wantFirstQuotes(t, article(),
		firstQuote{"how long are the negotiations in Vienna supposed to run for", "over the next few days"},
		// Without "Vienna", the one word shared is common: the sentence
		// with a time enters the pool ahead of others holding it.
		firstQuote{"how long are the negotiations supposed to run?", "over the next few days"},
		firstQuote{"How long has it been since both sides were this willing to invest in peace?", "three decades"},
		firstQuote{"How long since the United States last treated the Iranians as equals at the table?", "recent memory"})
	// A word of time that says when, not how long, gives no span: "unlike
	// years past", "the failed approach of the past".
	wantDeclined(t, article(), "how long is the window of opportunity exactly",
		"hardliners in iran are squeezing rouhani's window right? how long does he actually have?")
	// The span's paragraph must hold the places and persons asked about,
	// in some form: a span of the talks in Vienna is none of the talks in
	// Geneva. A side ("the Americans", "the US") the text names in other
	// forms ("Washington") need not be.
	wantDeclined(t, article(), "how long did the geneva talks last",
		"How long has John Kerry been Secretary of State?", "How long did the talks in Geneva go on?")
	wantFirstQuotes(t, article(),
		firstQuote{"how long are the talks in austria expected to run", "over the next few days"},
		firstQuote{"How long since the Americans last treated the Iranians as equals?", "recent memory"},
		firstQuote{"how long has it been since both the US and iran were willing to put political capital toward peace at the same time?", "three decades"})
	// Asked of what would be, a span is told of what would be: the
	// negotiations "will be taking place… over the next few days" tells
	// nothing of how long a final deal would last.
	wantDeclined(t, article(), "how long would a final deal last?", "how long could the final deal last?")
	ix = indexOf(t, "A final deal would last ten years, the envoy said.\n\nThe weather was cold all week.")
	wantFirstQuotes(t, ix, firstQuote{"how long would a final deal last?", "ten years"})
	// The paragraph's span of what would be may come after another span.
	ix = indexOf(t, "The negotiators met for three days in Vienna last month. Under the draft, a final deal would last ten years.\n\nThe weather was cold all week.")
	wantFirstQuotes(t, ix, firstQuote{"how long would a final deal last?", "would last ten years"})
	// "Where in Vienna…?" asks for a place within the one it names.
	wantDeclined(t, article(), "where in vienna are the talks being held")
	wantFirstQuotes(t, article(), firstQuote{"where in Austria are the talks?", "here in Vienna"},
		// A capital that names no place.
		firstQuote{"Where in Section 3 does the author discuss ideology?", "ideological criticisms"})
	// A percent sign standing as a word asks for a percentage, as
	// "percent" does; one after a number is the text's own.
	wantDeclined(t, article(), "what % of iranians support the deal?", "what percent of iranians support the deal?")
	ix = indexOf(t, "Polls found that 60% of Iranians back the deal.\n\nThe weather was cold all week.")
	wantFirstQuotes(t, ix, firstQuote{"what % of Iranians back the deal?", "60%"}, firstQuote{"do 60% of Iranians back the deal?", "60%"})
	// "In dollars" asks for an amount, which a sentence that says what
	// something cost, without a number, does not give.
	wantDeclined(t, article(), "what did the talks cost in dollars", "what will a final deal cost in euros?")
	ix = indexOf(t, "The new bridge cost 40 million dollars, the council said.\n\nThe weather was cold all week.")
	wantFirstQuotes(t, ix, firstQuote{"what did the bridge cost in dollars?", "40 million dollars"})
	// Whether, or why, something is paid in a currency asks no amount.
	ix = indexOf(t, "Iran insists that buyers pay for its crude oil in euros rather than in dollars.\n\nThe weather was cold all week.")
	wantFirstQuotes(t, ix, firstQuote{"Does Iran want to be paid in euros?", "in euros"}, firstQuote{"Why does Iran want payment in euros?", "in euros"})
	ix = indexOf(t, "Unlike years past, the meetings are held in public.\n\nThe weather was cold.")
	wantDeclined(t, ix, "How long are the meetings?")
	wantDeclined(t, article(), "How many nuclear warheads does the US have?")
	// "How much weight" asks how important, not for a quantity; "how much
	// money" asks for a quantity the text does not give.
	ix = indexOf(t, "The committee puts great weight on the safety rules.\n\nThe weather was cold all week.")
	wantFirstQuotes(t, ix, firstQuote{"How much weight does the committee put on the safety rules?", "great weight"})
	wantDeclined(t, ix, "How much money does the committee put on the safety rules?")
}

// TestHyphenatedCompounds checks that a compound the question hyphenates
// and the knowledge base writes solid is read as one word.
func TestHyphenatedCompounds(t *testing.T) {
	ix := indexOf(t, "Hardliners in both capitals oppose the deal.\n\nThe hard winter delayed the talks.")
	wantFirstQuotes(t, ix, firstQuote{"What did the hard-liners do?", "oppose the deal"})
}

// TestQuestionsAboutAnItemOfTheList checks that a question asking for an
// item of the article's list by its place ("the second issue", "the last of
// the four points") is answered with the summary of that theme, and that
// one naming a topic besides, one past the end of the list, or one that
// could mean either of two documents' lists is answered as any question.
func TestQuestionsAboutAnItemOfTheList(t *testing.T) {
	ix := article()
	for _, tt := range []struct{ question, section string }{
		{"What's the second big issue the author lists?", "Keeping Support At The Top"},
		{"What's the fourth and final big issue the author raises?", "Dialogue Among Equals — But Not Equally Powerful"},
		{"What's the last of the four points about?", "Dialogue Among Equals — But Not Equally Powerful"},
		{"What's the third of the big-picture issues?", "Pursuing Interests Over Ideology"},
		{"first issue?", "Handling the Spoilers"},
		{"What is the first of the four big-picture issues?", "Handling the Spoilers"},
		// By the item's number, or asking for its heading.
		{"what's section 2 called?", "Keeping Support At The Top"},
		{"section 2 — what's it called?", "Keeping Support At The Top"},
		{"what's point no. 2 on the list?", "Keeping Support At The Top"},
		{"what's issue number 4 about?", "Dialogue Among Equals — But Not Equally Powerful"},
		{"What is point four about?", "Dialogue Among Equals — But Not Equally Powerful"},
		{"what's the title of the 3rd issue?", "Pursuing Interests Over Ideology"},
	} {
		a := ix.Answer(knowledge.Query{Text: tt.question})
		if !a.Answerable || len(a.Quotes) < 2 {
			t.Errorf("%q: got %+v, want the summary of %q", tt.question, a.Quotes, tt.section)
			continue
		}
		for _, q := range a.Quotes {
			if q.Passage.Section != tt.section {
				t.Errorf("%q: quotes %q from %q, want only %q", tt.question, q.Text(), q.Passage.Section, tt.section)
			}
		}
	}
	// In a conversation, the list may be the previous turn's.
	for _, tt := range []struct{ context, question, section string }{
		{"How many big picture issues does the author go through?", "what's the first?", "Handling the Spoilers"},
		{"What's the second big issue in the piece?", "and the third one?", "Pursuing Interests Over Ideology"},
		// "Next" counts from the place asked for, and from the "next"
		// asked since.
		{"What's the first big issue?", "what's the next one?", "Keeping Support At The Top"},
		{"What's the first big issue? and the next?", "and the next?", "Pursuing Interests Over Ideology"},
	} {
		a := ix.Answer(knowledge.Query{Text: tt.question, Context: tt.context})
		if !a.Answerable || a.Quotes[0].Passage.Section != tt.section {
			t.Errorf("%q after %q: got %+v, want the summary of %q", tt.question, tt.context, a.Quotes, tt.section)
		}
	}
	// A previous turn that names items but no list ("steps") lends no
	// list; a number that does not close the phrase ("point one thing")
	// names no item.
	for _, tt := range []struct{ context, question string }{
		{"What steps did Iran take?", "what was the first?"},
		{"What issues does Congress raise?", "what is the first?"},
		{"What's the last big issue?", "and the next?"},
		{"What did Congress push for?", "what's next?"},
		{"", "Is the nuclear issue one of the four?"},
		{"", "What is the big picture issue one should know?"},
	} {
		if a := ix.Answer(knowledge.Query{Text: tt.question, Context: tt.context}); a.Answerable && a.Confidence == 1 {
			t.Errorf("%q after %q: got %+v, want no theme's summary", tt.question, tt.context, a.Quotes)
		}
	}
	wantFirstQuotes(t, ix, firstQuote{"At this point one thing is for sure - what is it?", "only one thing is for sure"})
	// A section named by its number or place, with a topic besides, says
	// where to look for the topic.
	sections := indexOfFile(t, "t.md", "# Town\n\n## 1) Ports\n\nThe mayor wants a bigger port for the ferries.\n\n"+
		"## 2) Roads\n\nThe mayor wants wider roads for the buses.\n\n## 3) Parks\n\nThe parks need more trees.")
	wantFirstQuotes(t, sections,
		firstQuote{"in section 2, what does the mayor want?", "wider roads"},
		firstQuote{"what does the mayor want, per the second section?", "wider roads"},
	)
	// "Which section…" asks where in the text a topic stands: the topic
	// is what is looked for, and the answer's quote is credited to its
	// heading.
	for _, q := range []string{"Which section is about the spoilers?", "what's the heading of the bit about the spoilers?"} {
		if a := ix.Answer(knowledge.Query{Text: q}); !a.Answerable || a.Quotes[0].Passage.Section != "Handling the Spoilers" {
			t.Errorf("%q: got %+v, want a quote from Handling the Spoilers", q, a.Quotes)
		}
	}
	wantFirstQuotes(t, ix, firstQuote{"What's the second issue with the sanctions Congress wants?", "Congress has pushed"})
	wantDeclined(t, ix, "What's the ninth issue the author lists?", "What's section 9 called?")

	two := func(title string) *knowledge.Document {
		doc, err := knowledge.Parse(title+".md", []byte("# "+title+"\n\n## Costs\n\nThe costs rose.\n\n## Delays\n\nThe delays grew.\n"))
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	both, err := knowledge.NewIndex([]*knowledge.Document{two("Roads"), two("Bridges")})
	if err != nil {
		t.Fatal(err)
	}
	wantDeclined(t, both, "What is the second issue?")
	if a := both.Answer(knowledge.Query{Text: "What is the second issue about bridges?"}); !a.Answerable || a.Quotes[0].Text() != "The delays grew." {
		t.Errorf("the second issue about bridges: got %+v, want the bridges' delays", a.Quotes)
	}
}

// TestQuestionsAboutTheTextItself checks questions about the text rather
// than its topic: where it appeared (the sentence naming its document's
// source), where its author writes from ("here in Vienna") and whom the
// author spoke to ("told me", "described to me"); and that questions of
// another shape are not taken for them.
func TestQuestionsAboutTheTextItself(t *testing.T) {
	ix := article()
	wantFirstQuotes(t, ix,
		firstQuote{"Where was this op-ed first published?", "originally appeared in Huffington Post"},
		firstQuote{"Is this from HuffPost?", "originally appeared in Huffington Post"},
		firstQuote{"Who published this piece?", "originally appeared in Huffington Post"},
		// "another" is a function word, no topic the text lacks.
		firstQuote{"is this piece original here or a repost from another outlet?", "originally appeared in Huffington Post"},
		firstQuote{"Where is the writer filing from?", "here in Vienna"},
		firstQuote{"whereabouts is the author writing from?", "here in Vienna"},
		firstQuote{"where is the writer physically when he writes this?", "here in Vienna"},
		firstQuote{"Which city is the writer filing this piece from?", "here in Vienna"},
		// "first" asks where a text appeared only beside a word of
		// publishing.
		firstQuote{"Where did this first appear?", "originally appeared in Huffington Post"},
		firstQuote{"is this the first time in a while the U.S. has done this?", "For the first time in recent memory"},
	)
	for _, q := range []string{"Who did the author actually speak to for the piece?", "Who are the author's sources?",
		// Asked whether, of persons, and in chat's words.
		"did the writer talk to any diplomats personally?", "who did the author chat with for this?"} {
		a := ix.Answer(knowledge.Query{Text: q})
		var got []string
		for _, qu := range a.Quotes {
			got = append(got, qu.Text())
		}
		joined := strings.Join(got, " ")
		if !strings.Contains(joined, "official told me") || !strings.Contains(joined, "described to me") {
			t.Errorf("%q: got %q, want the sentences that say who told the author", q, got)
		}
	}
	// The article does not say who wrote it: such a question is about
	// the author, not about nothing in particular (which gets the overview)
	// nor about the words it shares with the text.
	for _, q := range []string{"Who wrote this piece?", "Who is the author?", "who wrote it",
		"who actually wrote this article though?", "who wrote this anyway?",
		// Nor when it appeared: the sentence naming the source holds no date.
		"When was this article published?", "In what year was this piece first published?",
		// Nor the author's life: whom they work for, where, or their
		// nationality.
		"where does the writer work", "What organisation does the author work for?",
		"what's the author's job / who do they work for?", "what's the author's nationality",
		"which think tank does the author work for?"} {
		a := ix.Answer(knowledge.Query{Text: q})
		if a.Answerable || a.ContentWords == 0 {
			t.Errorf("%q: got answerable %v with %d content words, want a decline naming a topic", q, a.Answerable, a.ContentWords)
		}
		if strings.HasPrefix(strings.ToLower(q), "who") && !a.OfText {
			t.Errorf("%q: not read as a question about the text itself", q)
		}
	}
	// Someone else's words, a name beside "wrote", or where the author
	// comes from rather than writes from, are questions about the topic.
	wantFirstQuotes(t, ix, firstQuote{"what does the author think will work?", ""})
	if a := ix.Answer(knowledge.Query{Text: "Who wrote about Rouhani?"}); !a.Answerable {
		t.Errorf("who wrote about Rouhani: declined, want an answer about Rouhani")
	}
	if a := ix.Answer(knowledge.Query{Text: "Which country is the author from?"}); a.Answerable && strings.Contains(a.Quotes[0].Text(), "here in Vienna") {
		t.Errorf("which country is the author from: got %q, want no answer about where the author writes from", a.Quotes[0].Text())
	}
	quoted := indexOf(t, "“Tell me what you want,” Kerry said to Zarif.\n\nA senior official told me the talks would go on.")
	wantFirstQuotes(t, quoted, firstQuote{"Who did the author speak to?", "A senior official told me"})
	// A year asked for outright is not in the sentence that names the
	// source; "who did Iran talk to?" is about the topic.
	wantDeclined(t, ix, "In what year did this article originally appear in Huffington Post?")
	if a := ix.Answer(knowledge.Query{Text: "Who did Iran talk to?"}); a.Answerable && strings.Contains(a.Quotes[0].Text(), "told me") {
		t.Errorf("who did Iran talk to: got %q, want an answer about Iran", a.Quotes[0].Text())
	}

	// A document whose source no sentence names has nothing to quote.
	const memo = "---\ntitle: Memo\nsource: Example Times\n---\nThe budget grew.\n"
	wantDeclined(t, indexOf(t, memo), "Where was this piece published?")
	wantFirstQuotes(t, indexOf(t, memo+"\nFirst published in the Example  Times.\n"),
		firstQuote{"Where was this piece published?", "First published in the Example Times."})
	wantFirstQuotes(t, indexOf(t, memo+"\nFirst published in the Example Times on 3 May 2021.\n"),
		firstQuote{"When was this piece published?", "on 3 May 2021"})
}

// TestChatShorthand checks that the shorthand of chat is read written out
// ("ppl", "govt", "thru") and that asides and function words ("imo",
// "whether", "anyone", "either", "like" opening a question) weigh nothing, so that a question typed as people
// type in Slack is answered as its written-out form is.
func TestChatShorthand(t *testing.T) {
	ix := indexOf(t, "The government pushed new travel rules through parliament for people who work abroad.\n\n"+
		"The weather in the city was cold all week.\n\n"+
		"The administration opened nuclear talks with its neighbours.")
	// "Like" within a question is a word like any other.
	if a, b := ix.Answer(knowledge.Query{Text: "would the government like new rules?"}), ix.Answer(knowledge.Query{Text: "would the government want new rules?"}); a.ContentWords != b.ContentWords {
		t.Errorf("got %d content words with \"like\", %d with \"want\": want as many", a.ContentWords, b.ContentWords)
	}
	// "Reno" is a renovation, as a remodeling is.
	wantFirstQuotes(t, article(), firstQuote{"the reno comparison, what's the point of it", "Ambassador John Limbert"})
	for _, tt := range []struct{ typed, written string }{
		{"wat r the ppl in govt pushing thru?", "what are the people in government pushing through?"},
		{"what did the govt push acc. to the piece?", "what did the government push according to the piece?"},
		{"imo did the govt push new rules tbh", "did the government push new rules"},
		{"Did anyone say whether the government pushed new rules?", "Did the government push new rules?"},
		{"Govt pushed what thru?", "government pushed what through?"},
		{"Ok, Govt pushed what?", "government pushed what?"},
		{"What did the Govt push?", "What did the government push?"},
		{"Ok what did the government push?", "what did the government push?"},
		{"what did the government push tho?", "what did the government push?"},
		{"did either government push new rules?", "did the government push new rules?"},
		{"like, which rules did the government push?", "which rules did the government push?"},
		{"who did the admin open nuke talks with?", "who did the administration open nuclear talks with?"},
		{"did the admin open nuke talks w/ its neighbours?", "did the administration open nuclear talks with its neighbours?"},
		{"did the govt prob push new rules?", "did the government probably push new rules?"},
		{"yeah but did the govt push new rules or nah lol", "did the government push new rules"},
		// "Reckon" frames a question as "think" does.
		{"does the author reckon the government pushed new rules?", "does the author think the government pushed new rules?"},
	} {
		typed, written := ix.Answer(knowledge.Query{Text: tt.typed}), ix.Answer(knowledge.Query{Text: tt.written})
		if !written.Answerable {
			t.Fatalf("%q: declined", tt.written)
		}
		if !typed.Answerable || typed.Confidence < written.Confidence-1e-6 ||
			typed.Quotes[0].Text() != written.Quotes[0].Text() {
			t.Errorf("%q: got %v (%.3f) %v, want it answered as %q is (%.3f)",
				tt.typed, typed.Answerable, typed.Confidence, typed.Quotes, tt.written, written.Confidence)
		}
	}
}

// TestHonorifics checks that a title abbreviated before a name is read
// written out ("Amb. Limbert" as "ambassador Limbert") and that a form of
// address ("Mr.", "Dr") weighs nothing before a name: a question naming a
// person so is answered as one naming them by name, and a name the text
// never gives is still declined.
func TestHonorifics(t *testing.T) {
	ix := indexOf(t, "Senator Menendez pushed for new sanctions on the regime.\n\n"+
		"Ambassador Limbert said diplomacy is like remodeling a house.\n\n"+
		"The weather in the city was cold all week.")
	for _, tt := range []struct{ typed, written string }{
		{"what did amb. limbert say?", "what did ambassador limbert say?"},
		{"What did Amb Limbert say about diplomacy?", "What did ambassador Limbert say about diplomacy?"},
		{"what did mr. limbert say?", "what did limbert say?"},
		{"What did Dr Limbert say?", "What did Limbert say?"},
		{"what did sen. menendez push for?", "what did senator menendez push for?"},
	} {
		typed, written := ix.Answer(knowledge.Query{Text: tt.typed}), ix.Answer(knowledge.Query{Text: tt.written})
		if !written.Answerable {
			t.Fatalf("%q: declined", tt.written)
		}
		if !typed.Answerable || typed.Confidence < written.Confidence-1e-6 ||
			typed.Quotes[0].Text() != written.Quotes[0].Text() {
			t.Errorf("%q: got %v (%.3f) %v, want it answered as %q is (%.3f)",
				tt.typed, typed.Answerable, typed.Confidence, typed.Quotes, tt.written, written.Confidence)
		}
	}
	wantDeclined(t, ix, "what did mr. smith say?", "what did amb. jones say about diplomacy?")
}

// TestHowManyItemsTheListHas checks that a question asking how long a
// document's list of themes is gets the sentence before the list that
// says so, in words or digits, and that counts of other things, and a
// document that never says, are left to retrieval.
func TestHowManyItemsTheListHas(t *testing.T) {
	ix := article()
	for _, q := range []string{"How many overarching themes does the writer lay out?", "how many themes are there?",
		"how many sections does the piece have?", "How many main points does the author make?",
		// What the items decide says which list no less than the title does.
		"how many main factors does the author say will determine success or failure?",
		"How many major themes does the writer say will decide the outcome?",
		"how many broad themes does the writer lay out", "how many broad themes does the author say will decide whether peace holds?"} {
		a := ix.Answer(knowledge.Query{Text: q})
		if !a.Answerable || a.Confidence != 1 || !strings.Contains(a.Quotes[0].Text(), "four big picture issues") {
			t.Errorf("%q: got %v %.2f %+v, want the sentence naming the four issues", q, a.Answerable, a.Confidence, a.Quotes)
		}
	}
	if a := ix.Answer(knowledge.Query{Text: "how many officials back the talks?"}); a.Answerable && strings.Contains(a.Quotes[0].Text(), "four big picture issues") {
		t.Errorf("how many officials: got %+v, want no count of the themes", a.Quotes)
	}
	doc := func(intro string) *knowledge.Index {
		d, err := knowledge.Parse("plan.md", []byte("# The Harbour Plan\n\n"+intro+"\n\n## Costs\n\nThe costs rose.\n\n## Delays\n\nThe delays grew.\n"))
		if err != nil {
			t.Fatal(err)
		}
		ix, err := knowledge.NewIndex([]*knowledge.Document{d})
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	if a := doc("The mayor spoke. The plan has 2 parts, she said.").Answer(knowledge.Query{Text: "how many parts does the plan have?"}); !a.Answerable || a.Quotes[0].Text() != "The plan has 2 parts, she said." {
		t.Errorf("a count in digits: got %+v", a.Quotes)
	}
	if a := doc("The mayor spoke about the plan.").Answer(knowledge.Query{Text: "how many parts does the plan have?"}); a.Answerable && a.Confidence == 1 {
		t.Errorf("a document that never says its count: got %+v, want no count", a.Quotes)
	}
}

// TestVagueThings checks that "thing" and "things" name no topic unless
// the question counts them ("the one thing that is certain"): "where
// things stand", "the whole thing" are no question about a sentence that
// says "one thing".
func TestVagueThings(t *testing.T) {
	ix := indexOf(t, "Only one thing is certain: the harbour will close.\n\n"+
		"The council's plan rests on the old budget.\n\n"+
		"The fleet is now in calm waters.")
	wantFirstQuotes(t, ix,
		firstQuote{"what does the whole thing rest on?", "rests on the old budget"},
		firstQuote{"where do things stand with the fleet now?", "calm waters"},
		firstQuote{"what's the one thing that's certain?", "Only one thing is certain"},
	)
}

// TestAcronymsOfTheTextsNames checks that an acronym the text never
// writes stands for the capitalised words in a row whose initials it
// spells ("PD" for "Public Diplomacy"), and that one spelling none is a
// name the text lacks.
func TestAcronymsOfTheTextsNames(t *testing.T) {
	ix := indexOf(t, "The mayor praised the rules of Public Diplomacy in her speech.\n\n"+
		"The mayor praised the harbour in her speech.\n\n"+
		"The weather in the city was cold all week.")
	wantFirstQuotes(t, ix,
		firstQuote{"what did the mayor say about PD?", "Public Diplomacy"},
		firstQuote{"what did the mayor say about pd?", "Public Diplomacy"},
	)
	wantDeclined(t, ix, "what did the mayor say about the QX?")
}

// TestCapitalsForEmphasis checks that a stop word typed in capitals for
// emphasis ("ALL") is no acronym, a name the text lacks, while one the
// text writes as an acronym ("US") still is.
func TestCapitalsForEmphasis(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"are ALL officials in both capitals now on board with diplomacy?", "trickle-down effect"},
		firstQuote{"what has the US shown it is willing to do?", "the U.S. has demonstrated"},
	)
	ix := indexOf(t, "The council backs the ferry plan, the mayor said.\n\n"+
		"The weather in the city was cold all week.")
	plain, shouted := ix.Answer(knowledge.Query{Text: "does the council back the ferry plan at all?"}),
		ix.Answer(knowledge.Query{Text: "does the council back the ferry plan AT ALL?"})
	if shouted.Confidence != plain.Confidence {
		t.Errorf("AT ALL: got confidence %.3f, want %.3f as in lower case", shouted.Confidence, plain.Confidence)
	}
}

// TestClippingsOfTheTextsNames checks that a clipped compound the text
// never writes stands for the two capitalised words in a row whose starts
// it joins ("HuffPo" for "Huffington Post"), and that one joining no such
// starts is a name the text lacks.
func TestClippingsOfTheTextsNames(t *testing.T) {
	ix := indexOf(t, "The story first ran in the Harbour Gazette last spring.\n\n"+
		"The story was told at the harbour last spring.\n\n"+
		"The weather in the city was cold all week.")
	wantFirstQuotes(t, ix,
		firstQuote{"did the story run in the HarbGaz?", "Harbour Gazette"},
		firstQuote{"did the story run in the harbgaz?", "Harbour Gazette"},
	)
	wantDeclined(t, ix, "did the story run in the HarbPo?")
	wantFirstQuotes(t, article(), firstQuote{"is this a HuffPo piece?", "Huffington Post"})
}

// TestMisspeltWords checks that a word no lexicon knows in any form, one
// letter off a word of the text or a common English one, is read as that
// word ("sanctons", "recomend"), and that a name, written capitalised, is
// not taken for a misspelling.
func TestMisspeltWords(t *testing.T) {
	ix := indexOf(t, "The government pushed new sanctions through parliament.\n\n"+
		"The weather in the city was cold all week.\n\n"+
		"Envoys advised a pause in the talks.")
	for _, tt := range []struct{ typed, written string }{
		{"did the government push new sanctons?", "did the government push new sanctions?"},
		{"did the government push new snactions?", "did the government push new sanctions?"},
		{"what did the envoys recomend?", "what did the envoys recommend?"},
	} {
		typed, written := ix.Answer(knowledge.Query{Text: tt.typed}), ix.Answer(knowledge.Query{Text: tt.written})
		if !written.Answerable {
			t.Fatalf("%q: declined", tt.written)
		}
		if !typed.Answerable || typed.Quotes[0].Text() != written.Quotes[0].Text() {
			t.Errorf("%q: got %v %v, want it answered as %q is", tt.typed, typed.Answerable, typed.Quotes, tt.written)
		}
	}
	wantDeclined(t, ix, "did the Sanctons push new rules?")
}

// TestYearsAsDecades checks that a round number of years asked about is
// read as the decades a text may give instead ("30-odd years", "thirty
// years", "three decades"), not as a number the text lacks.
func TestYearsAsDecades(t *testing.T) {
	ix := indexOf(t, "For the first time in three decades, the two neighbours are trading again.\n\n"+
		"The weather in the capital was cold all week.")
	for _, q := range []string{"what's happening for the first time in 30+ yrs?", "what's new compared with the last 30-odd years?",
		"what's new after 30 or so years?", "what's new after more than thirty years?", "what's different compared with the last thirty-odd years?"} {
		wantFirstQuotes(t, ix, firstQuote{q, "three decades"})
	}
	// Only as many decades as the text speaks of, and not where it writes
	// the years in digits.
	a := ix.Answer(knowledge.Query{Text: "what's new after 20 or so years?"})
	if a.Answerable && strings.Contains(a.Quotes[0].Text(), "three decades") {
		t.Errorf("20 years: got %q, want no reading as three decades", a.Quotes[0].Text())
	}
	digits := indexOf(t, "For 30 years the two neighbours refused to trade.\n\n"+
		"For the first time in three decades, the weather was mild.")
	wantFirstQuotes(t, digits, firstQuote{"What happened for 30 years?", "For 30 years"})
}

// TestHowThingsTurnedOut checks that a question about how things turned out
// in the end ("did … end up", "eventually", "in the end") is declined by a
// text written before the outcome, whose sentence on it looks ahead ("will",
// "hope"), and answered by one that tells it; "at the end of" asks no such
// thing.
func TestHowThingsTurnedOut(t *testing.T) {
	before := indexOf(t, "The negotiators hope the talks in the capital will lead to a final deal.\n\n"+
		"The weather in the capital was cold all week.")
	after := indexOf(t, "The talks in the capital produced a final deal in July.\n\n"+
		"The weather in the capital was cold all week.")
	for _, q := range []string{"Did the talks end up producing a final deal?", "did the talks eventually produce a final deal?",
		"so did the talks produce a final deal in the end?", "did the talks later produce a final deal?"} {
		wantDeclined(t, before, q)
		wantFirstQuotes(t, after, firstQuote{q, "produced a final deal"})
	}
	ended := indexOf(t, "The talks in the capital ended with an agreement in July.\n\n"+
		"The weather in the capital was cold all week.")
	// How the text ends is no question of how things turned out.
	wantFirstQuotes(t, article(), firstQuote{"did the piece end with Limbert's remodeling analogy?", "remodeling a house"})
	hoped := indexOf(t, "The negotiators hope the talks in the capital will end with an agreement.\n\n"+
		"The weather in the capital was cold all week.")
	// A question that the hope matches word for word is held half as
	// likely answered when it asks how things ended.
	did := hoped.Answer(knowledge.Query{Text: "Did the talks end with an agreement?"})
	will := hoped.Answer(knowledge.Query{Text: "Will the talks end with an agreement?"})
	if did.Confidence > will.Confidence/2+0.001 {
		t.Errorf("got confidence %.3f for how the talks ended, %.3f for how they will end: want half", did.Confidence, will.Confidence)
	}
	wantFirstQuotes(t, ended, firstQuote{"Did the talks end with an agreement?", "ended with an agreement"})
	// Looking ahead without "will" ("for diplomacy to succeed"): the
	// outcome is still untold.
	wantDeclined(t, article(), "Did the diplomacy eventually succeed?", "Did diplomacy succeed in the end?")
	wantFirstQuotes(t, before,
		firstQuote{"Will the talks lead to a final deal?", "hope the talks"},
		firstQuote{"What did the talks lead to at the end of the text?", "hope the talks"},
		// "Later" in the text is no question of how things turned out.
		firstQuote{"did the author later say the talks would lead to a final deal?", "hope the talks"},
	)
}

// TestAnswerKindsAskedOutright checks the kinds of answer a question asks
// for outright: a time after "when exactly", a name after "which senators"
// or "which members", and a number the text never gives ("6 months"),
// which makes the question about something else; and that "what have
// lawmakers been doing?" asks for no name; nor does "how much" within a
// yes-no question ask for a quantity.
func TestAnswerKindsAskedOutright(t *testing.T) {
	ix := indexOf(t, "The interim deal was struck after three long rounds of talks between the delegations.\n\n"+
		"Lawmakers in the capital have pushed for tougher sanctions on the oil sector.\n\n"+
		"The weather in the capital was cold all week.")
	wantDeclined(t, ix,
		"When exactly was the interim deal struck?",
		"Which senators pushed for tougher sanctions?",
		"Which members pushed for tougher sanctions on the oil sector?",
		"Which two senators pushed for tougher sanctions?",
		"Did the interim deal last 6 months after the talks between the delegations?",
	)
	// Pundits and policymakers are people a text names by name: "some
	// policymakers and pundits" names none.
	wantDeclined(t, article(), "which pundits compare Iran to the Soviet Union?", "Which policymakers and pundits compare Iran to the Soviet Union?")
	// Groups of a kind the question gives, by name; not any group.
	wantDeclined(t, article(), "which iranian hardliner groups, like the revolutionary guards, oppose the talks?")
	wantFirstQuotes(t, article(), firstQuote{"which group in iran is trying to shrink rouhani's window to negotiate?", "Iranian hardliners"})
	wantFirstQuotes(t, ix,
		firstQuote{"When was the interim deal struck?", "interim deal was struck"},
		firstQuote{"What have lawmakers been pushing for?", "tougher sanctions"},
		firstQuote{"What are lawmakers in the capital pushing for?", "tougher sanctions"},
		firstQuote{"Did the interim deal follow talks between the delegations?", "interim deal was struck"},
		firstQuote{"Was the interim deal struck after 3 rounds of talks between the delegations?", "interim deal was struck"},
	)
	// "When did someone named…?" asks for a time of record: a sentence
	// about them that dates nothing does not answer it. "When" joining a
	// clause asks no time.
	smith := indexOf(t, "President Smith spoke about the harbour plan at length.\n\n"+
		"Mayor Jones spoke about the ferry plan on Monday.\n\n"+
		"The weather in the capital was cold all week.")
	wantDeclined(t, smith, "When was President Smith elected?")
	// A place's name typed in lower case names it all the same.
	wantDeclined(t, article(), "when is the next round after vienna scheduled")
	wantFirstQuotes(t, smith, firstQuote{"When did Mayor Jones speak about the ferry plan?", "on Monday"})
	wantFirstQuotes(t, article(), firstQuote{"What are Iranian hardliners afraid of when negotiating with a more powerful counterpart?",
		"dealing with a stronger interlocutor"})
	// "Who was the official…?" asks for one person's name, which a
	// sentence about someone unnamed does not give.
	official := indexOf(t, "A senior official told the mayor that the harbour plan would fail.\n\n"+
		"Senator Smith told the council that the ferry plan would fail.\n\n"+
		"The weather in the capital was cold all week.")
	wantDeclined(t, official, "Who was the senior official that told the mayor about the harbour plan?")
	// So does "who were the officials who…?", of several.
	wantDeclined(t, article(), "who were the forward-thinking officials in washington and tehran who tried to break the impasse?")
	wantFirstQuotes(t, indexOf(t, "Senator Smith and Senator Jones were the senior officials who told the mayor that the harbour plan would fail.\n\n"+
		"The weather in the capital was cold all week."),
		firstQuote{"Who were the senior officials who told the mayor about the harbour plan?", "Senator Smith"})
	// "Who was the person who…?" may be answered by who it was, unnamed.
	wantFirstQuotes(t, official, firstQuote{"Who was the person who told the mayor that the harbour plan would fail?", "A senior official"})
	wantFirstQuotes(t, official, firstQuote{"Who is the senator that told the council about the ferry plan?", "Senator Smith"})
	// "Who exactly" asks who they are, which a description may answer: it
	// is not refused outright for naming no one.
	spoilers := indexOf(t, "The spoilers are traders who profit from the feud over the harbour.\n\n"+
		"The weather in the capital was cold all week.")
	if a := spoilers.Answer(knowledge.Query{Text: "who exactly are the spoilers?"}); a.Confidence == 0 {
		t.Errorf("who exactly are the spoilers: got confidence 0, want a description weighed")
	}
	// "Exactly" pressing a follow-up names no topic.
	const previous = "What about the lawmakers?"
	pressed, plain := ix.Answer(knowledge.Query{Text: "what are they pushing for exactly?", Context: previous}),
		ix.Answer(knowledge.Query{Text: "what are they pushing for?", Context: previous})
	if pressed.Confidence != plain.Confidence || pressed.ContentWords != plain.ContentWords {
		t.Errorf("exactly in a follow-up: got confidence %.3f with %d content words, want %.3f with %d as without it",
			pressed.Confidence, pressed.ContentWords, plain.Confidence, plain.ContentWords)
	}
	// "Named in the article" frames the question as "mentioned in" does.
	wantFirstQuotes(t, article(),
		firstQuote{"who's the iranian FM named in the article?", "Foreign Minister Zarif"},
		firstQuote{"which US cabinet member gets named?", "Secretary Kerry"},
	)
	named := indexOf(t, "Senator Smith and Senator Jones pushed for tougher sanctions on the oil sector.\n\n"+
		"The weather in the capital was cold all week.")
	wantFirstQuotes(t, named, firstQuote{"Which senators pushed for tougher sanctions?", "Senator Smith"})
	// "How much" or "how long" within a yes-no question asks whether, not
	// how much or how long, unless the question is about what the text
	// says.
	wantFirstQuotes(t, article(),
		firstQuote{"are iranian conservatives trying to limit how much time rouhani has to make a deal", "narrow the window"},
		firstQuote{"are iranian conservatives trying to limit how long rouhani's negotiators get to deal with the americans?", "narrow the window"},
		firstQuote{"does the author say how long the vienna meetings will go?", "over the next few days"})
	// "In the meantime", "meanwhile" and "in the past" say when, of no
	// topic: "what have they done in the past?" is not about "past is
	// prologue".
	for _, q := range []string{"what has Congress been pushing for in the meantime?", "what has Congress been pushing for meanwhile?",
		"what has Congress been pushing for in the past?"} {
		got, plain := article().Answer(knowledge.Query{Text: q}), article().Answer(knowledge.Query{Text: "what has Congress been pushing for?"})
		if got.Confidence != plain.Confidence || got.ContentWords != plain.ContentWords {
			t.Errorf("%q: got confidence %.3f with %d content words, want %.3f with %d as without it",
				q, got.Confidence, got.ContentWords, plain.Confidence, plain.ContentWords)
		}
	}
	// The names asked for are persons': a place named does not give them.
	placed := indexOf(t, "Lawmakers in Washington pushed for tougher sanctions on the oil sector.\n\n"+
		"The weather in the capital was cold all week.")
	wantDeclined(t, placed, "Which senators pushed for tougher sanctions?", "Which administration pushed for tougher sanctions?")
	wantFirstQuotes(t, smith, firstQuote{"Which president spoke about the harbour plan?", "President Smith"})
}

// TestWhatSomeoneSaid checks that "what did <name> say…?" asks for
// reported speech: a sentence that quotes or reports what someone said,
// declined when the only sentences about that person report none; what the
// author says is the text itself.
func TestWhatSomeoneSaid(t *testing.T) {
	ix := indexOf(t, "Ambassador Smith told me: “The talks in the capital will be long.”\n\n"+
		"Minister Jones has openly supported the talks in the capital.\n\n"+
		"The weather in the capital was cold all week.")
	wantFirstQuotes(t, ix,
		firstQuote{"What did Smith say about the talks in the capital?", "will be long"},
		firstQuote{"What does the author say about Minister Jones and the talks?", "openly supported"},
		firstQuote{"Has Minister Jones supported the talks?", "openly supported"},
	)
	wantDeclined(t, ix, "What did Minister Jones say about the talks in the capital?",
		"what did jones promise about the talks in the capital?")
	// "States" is a noun as often as a verb of saying.
	wantDeclined(t, indexOf(t, "Minister Jones has long distrusted the United States and its sanctions.\n\n"+
		"The weather in the capital was cold all week."), "What did Jones say about the United States?")
	// What someone will say is a prediction, which no quotation answers.
	wantFirstQuotes(t, article(),
		firstQuote{"what will opponents of diplomacy say about it?", "continue portraying it as weakness"})
	// Told, someone says nothing: "what should Smith be told?" asks for
	// the message, which no speech need carry.
	told := indexOf(t, "The mayor told reporters the harbour plan is cheap.\n\n"+
		"It should be made clear to Smith that the harbour plan is costly.\n\n"+
		"The weather in the capital was cold all week.")
	wantFirstQuotes(t, told, firstQuote{"what should Smith be told about the harbour plan?", "made clear to Smith"})
}

// TestWhatSomeoneIsUpTo checks that a question about what someone does,
// naming nothing done, is answered by a sentence that opens on them (its
// doer, most often) over one that names them further in.
func TestWhatSomeoneIsUpTo(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"What are Iran's hard-liners up to?", "seeking ways to narrow the window"},
		firstQuote{"what has the US congress been doing re iran?", "pushed for more hard-hitting sanctions"})
}

// TestWhatComesNext checks that "what's next?" and "the next stage" ask
// what now begins, not for a sentence that merely says "next".
func TestWhatComesNext(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"so what's the next stage now?", "now the hard part begins"},
		firstQuote{"so what's next, the difficult bit?", "now the hard part begins"})
}

// TestOtherNamesAsked checks that a question asking for a name besides
// those it gives is not answered by a sentence naming only a form of one
// of them, though typed in lower case: "the Iranian government" names no
// country besides "iran".
func TestOtherNamesAsked(t *testing.T) {
	a := article().Answer(knowledge.Query{Text: "which countries besides the US and iran are at the table in vienna?",
		Context: "who took part in the geneva round?"})
	if a.Answerable {
		t.Errorf("answered with %q (confidence %.2f), want a decline", a.Quotes[0].Text(), a.Confidence)
	}
}

// TestExamplesAsked checks that "examples" asks for a sentence that gives
// some ("such as", "for instance"), over one that shares more of the
// question's other words.
func TestExamplesAsked(t *testing.T) {
	ix := indexOf(t, "The council tried other options, and the options failed.\n\n"+
		"Options such as longer opening hours in the city libraries were tried last spring.\n\n"+
		"The weather in the city was cold all week.")
	wantFirstQuotes(t, ix, firstQuote{"what are examples of the options?", "such as longer opening hours"})
	// "For instance" before a question word leaves its cue alone.
	wantFirstQuotes(t, article(), firstQuote{"for instance, where are the talks being held?", "Vienna"})
}

// TestPredicateAsked checks that a yes-no question ending in "be" and a
// word asks about that word: "Will reaching a deal be easy?" is answered by
// what is said of ease, not by a sentence about reaching a deal. So does
// the word after "will it be" that an infinitive follows, but not before
// "to be", whose own word is asked about.
func TestPredicateAsked(t *testing.T) {
	wantFirstQuotes(t, article(), firstQuote{"Will reaching a deal be easy?", "won’t be easy"},
		firstQuote{"will it be easy to get a final deal?", "won’t be easy"},
		firstQuote{"will it be easy to reach a final deal?", "won’t be easy"},
		firstQuote{"is it fair to be sceptical about the whole thing?", "skepticism"})
}

// TestComparisonsAsked checks that "analogy", "comparison" and "compared"
// ask for a sentence that compares ("is like", "as if"), count as no topic
// the text lacks, and weigh more than the question's other words.
func TestComparisonsAsked(t *testing.T) {
	ix := indexOf(t, "Diplomacy needs an old house in the capital.\n\n"+
		"Diplomacy is like an old house in the capital.\n\n"+
		"The weather in the capital was cold all week.")
	wantFirstQuotes(t, ix,
		firstQuote{"What comparison is made between diplomacy and an old house?", "is like"},
		firstQuote{"Which analogy for diplomacy uses an old house?", "is like"},
		firstQuote{"Who compared diplomacy to an old house?", "is like"},
	)
	// The sentence that compares wins over one that shares more of the
	// question's other words ("former", "diplomacy").
	wantFirstQuotes(t, article(), firstQuote{"what did the former envoy compare diplomacy to?", "remodeling a house"})
}

// TestFigureOfSpeechUsed checks that "use" in a question asking for a
// figure of speech or a saying says the text holds it, as "say" would: a
// sentence where someone uses something is no answer. "Phrase" asks for
// words of the text and names no topic it lacks.
func TestFigureOfSpeechUsed(t *testing.T) {
	ix := indexOf(t, "Both delegations can use the details to push back at home.\n\n"+
		"Indeed, the devil is in the details.\n\n"+
		"The weather in the capital was cold all week.")
	wantFirstQuotes(t, ix,
		firstQuote{"Which idiom does the writer use about the fine print?", "devil"},
		firstQuote{"What saying does the author use about the details?", "devil"},
		firstQuote{"what phrase does he use about the nitty-gritty?", "devil"},
	)
	// Without a figure of speech asked for, "use" is the question's topic.
	wantFirstQuotes(t, ix, firstQuote{"What can the delegations use the details for?", "push back"})
	// Borrowing or invoking a saying is using it: no topic of its own.
	for _, q := range []string{"Which saying does the author borrow about the details?", "what phrase about the details does the writer invoke?"} {
		if a := ix.Answer(knowledge.Query{Text: q}); a.ContentWords != 1 {
			t.Errorf("%q: got %d content words, want the details alone", q, a.ContentWords)
		}
	}
}

// TestPhrasalVerbs checks that a phrasal verb finds the word it means
// ("talk down" for "downplay") rather than its verb's ("talk").
func TestPhrasalVerbs(t *testing.T) {
	ix := indexOf(t, "Both delegations keep downplaying the odds.\n\n"+
		"The talks in the capital resumed after a pause.")
	wantFirstQuotes(t, ix, firstQuote{"who is talking down the odds in the talks?", "downplaying the odds"})
	wantFirstQuotes(t, article(),
		firstQuote{"have the latest diplomatic moves run into the same sort of problems?", "faced similar challenges"},
		firstQuote{"Has ratcheting up pressure shrunk the options left to both sides?", "escalation of sanctions"},
	)
}

// TestEverydaySenses checks the everyday senses WordNet does not relate
// ("matters" as "is important", "latest" as "most recent", "penalties" for
// "sanctions", "forever" as "permanent", "the West" as what is "Western",
// a "round" of talks), the metonym "Capitol Hill" for Congress and the
// phrasal verb "filter down", "people against" a thing for its
// opponents, keeping "an eye on" a thing for focusing on it, "both countries" or "both governments" for
// the two sides of a story, "trust" for "confidence" and a "conversation"
// for a "dialogue".
func TestEverydaySenses(t *testing.T) {
	// What is weird or strange is surprising, and what one should not
	// read much into should come as no surprise.
	wantFirstQuotes(t, article(), firstQuote{"both sides keep saying the talks won't work. is that weird?", "Rhetoric from both sides"},
		firstQuote{"both sides keep saying the talks won't work. should we read much into that?", "Rhetoric from both sides"},
		// To deal with a threat is to neutralize it.
		firstQuote{"is there any way to deal with the spoilers?", "The only way to neutralize them"},
		// The same kind of thing is a similar one.
		firstQuote{"have the newest diplomatic moves run into the same kind of trouble as before?", "faced similar challenges"},
		// Calming things down resolves tensions; doing the right
		// thing is a good deed.
		firstQuote{"how have hawks messed up earlier attempts to calm things down?", "resolving tensions"},
		firstQuote{"what proverb did the speaker bring up about trying to do the right thing", "No good deed goes unpunished"},
		// What goes smoothly is easy; a danger passed is in the clear;
		// the way things are is the status quo.
		firstQuote{"did the author think the talks would go smoothly?", "it won’t be easy"},
		firstQuote{"Has the danger passed, according to the author?", "not yet in the clear"},
		firstQuote{"can things just stay the way they are now?", "status quo"},
		// What one aims for one works toward; zooming in is focusing;
		// groundwork is a foundation, prospects the odds.
		firstQuote{"what kind of endgame is Washington aiming for?", "working toward a strategic"},
		firstQuote{"where are these talks happening, and what's everyone mostly been zooming in on?", "rightly focused on"},
		firstQuote{"What's the writer's take on both sides publicly playing down the prospects of success?", "downplaying the odds"},
		// Unexplored territory is uncharted.
		firstQuote{"so is this basically unexplored territory now?", "uncharted waters"},
		// The scale of a task is its enormity, a rationale a bedrock,
		// goodwill capital.
		firstQuote{"is the scale of the job hiding anything?", "The enormity of the task"},
		firstQuote{"When was the underlying rationale publicly reaffirmed?", "theoretical bedrock"},
		firstQuote{"Are both governments prepared to use up political goodwill for peace?", "political) capital on peace"},
		// Gloomy or downbeat talk, and pessimism, downplay the odds.
		firstQuote{"why the pessimism from officials?", "downplaying the odds"},
		firstQuote{"is the gloomy talk from both governments something to worry about?", "downplaying the odds"},
		firstQuote{"should the downbeat talk from officials be taken at face value?", "downplaying the odds"},
		// A word of stance before a noun, in a question about the
		// writer, keeps its sense: the messaging is what is asked about.
		firstQuote{"what's the writer's take on the downbeat messaging from both governments", "downplaying the odds"})
	// Groundwork is a foundation: the sentence that lays one is among
	// those quoted.
	if a := article().Answer(knowledge.Query{Text: "how does the writer describe the groundwork the interim deal laid"}); !a.Answerable ||
		!slices.ContainsFunc(a.Quotes, func(q knowledge.Quote) bool { return strings.Contains(q.Text(), "unprecedented foundation") }) {
		t.Errorf("the groundwork the interim deal laid: got %+v, want the sentence on an unprecedented foundation quoted", a.Quotes)
	}
	// A payoff is a result: a word of the lexicon, not an unknown focus
	// that declines the question.
	first := "does spoiler risk change as talks go on"
	prev := article().Answer(knowledge.Query{Text: first})
	if !prev.Answerable {
		t.Fatalf("%q: got a decline", first)
	}
	if a := article().Answer(knowledge.Query{Text: "and if they manage to neutralize them whats the payoff", Context: first, Previous: prev.Quotes[0].Text()}); !a.Answerable || !strings.Contains(a.Quotes[0].Passage.Text, "will be stronger than") {
		t.Errorf("the payoff of neutralizing the spoilers: got %+v, want the passage on a stronger commitment", a)
	}
	// What rides on a thing, or is at stake with it, is what it decides.
	if a := article().Answer(knowledge.Query{Text: "and what's riding on them?", Context: "how many big picture issues does the writer bring up?"}); !a.Answerable || !strings.Contains(a.Quotes[0].Text(), "making or breaking the peace") {
		t.Errorf("what rides on the issues: got %+v, want the sentence on making or breaking the peace", a.Quotes)
	}
	ix := indexOf(t, "The harbour budget is large, the mayor told the fishing fleet.\n\n"+
		"The harbour budget is important, the mayor told the fishing fleet.\n\n"+
		"The council asked the ministry for deadlines on the importers.\n\n"+
		"The council asked the ministry for sanctions on the importers.\n\n"+
		"Congress wants an inquiry into the ministry.")
	wantFirstQuotes(t, ix,
		firstQuote{"does the harbour budget matter, according to the mayor?", "is important"},
		firstQuote{"did the council ask the ministry for penalties on the importers?", "for sanctions"},
		firstQuote{"what does Capitol Hill want?", "Congress wants"},
	)
	wantFirstQuotes(t, article(),
		firstQuote{"have the latest diplomatic moves hit the same kind of obstacles?", "faced similar challenges"},
		firstQuote{"is Iran as big a threat to the West as the USSR was?", "rivals the former Soviet Union"},
		firstQuote{"do moderates think the US and Iran are doomed to be enemies forever?", "permanent confrontation"},
		firstQuote{"Which city is hosting this round of nuclear negotiations?", "commence here in Vienna"},
		firstQuote{"How has backing from the very top filtered down through the ranks?", "trickle-down effect"},
		firstQuote{"so is the tough bit starting now?", "the hard part begins"},
		firstQuote{"does the author reckon we're in unfamiliar territory now?", "uncharted waters"},
		firstQuote{"what did backing from the leadership lead to further down the chain?", "trickle-down effect"},
		firstQuote{"why's there a rare opening now for a comprehensive agreement?", "window of opportunity"},
		firstQuote{"What has changed suspicion into teamwork?", "turned mistrust into cooperation"},
		firstQuote{"how did the geneva round affect ties between everyone involved", "strengthened relationships"},
		firstQuote{"what do people against diplomacy usually call it?", "opponents of diplomacy"},
		// A hedge says nothing of the topic: "likely" is no "like" of
		// "Diplomacy is like remodeling a house", unless it qualifies a
		// noun.
		firstQuote{"how are critics likely to describe the diplomacy?", "opponents of diplomacy"},
		firstQuote{"what will critics of the diplomacy probably call it?", "opponents of diplomacy"},
		firstQuote{"how will critics of diplomacy likely describe it?", "opponents of diplomacy"},
		firstQuote{"is the likely alternative war?", "the likely alternative"},
		firstQuote{"what's the likely alternative if the talks fail?", "the likely alternative"},
		firstQuote{"how big is the power gap between the US and Iran?", "huge imbalance in power"},
		firstQuote{"should we be shocked when both sides say this probably won't work?", "downplaying the odds for success"},
		firstQuote{"is the gloomy talk from both sides unexpected?", "downplaying the odds for success"},
		firstQuote{"what determines whether the peace is won or lost?", "making or breaking the peace"},
		firstQuote{"what will determine whether peace succeeds or fails?", "making or breaking the peace"},
		firstQuote{"what will it take to lock in a final nuclear agreement?", "securing a final nuclear deal will require"},
		firstQuote{"what's the danger of too much doubt about the talks?", "overemphasis on this skepticism"},
		// A word of a figure counts less as itself than the figure's
		// plain words: "next" here is no "over the next few days".
		firstQuote{"so what's next?", "now the hard part begins"},
		// The adjective of a country stands for its cities, as the country
		// does: the Austrian round is the one in Vienna.
		firstQuote{"is there anything historically significant about the austrian round of talks?", "historic backdrop of the Vienna talks"},
		// A country's capital is the city the country's name finds, not
		// the text's other capitals ("both capitals").
		firstQuote{"what are the negotiators meeting about in austria's capital?", "As nuclear talks commence here in Vienna"},
		// Previous years are years past, and what is so in a departure
		// from something is unlike it.
		firstQuote{"what's different from previous years about how top officials talk about this?", "Unlike years past"},
		firstQuote{"what do top officials now say openly, in a departure from before?", "Unlike years past"},
		// The plain word of a figure stands for its heavier word:
		// "territory" more than "new".
		firstQuote{"Does the author say we're on familiar ground or in new territory?", "uncharted waters"},
	)
	// Which city is the capital the text must say: "in Vienna" does not.
	wantDeclined(t, article(), "What is the capital of Austria?")
	wantDeclined(t, article(), "whats the capital of austria")
	// Keeping "an eye on" a thing is focusing on it: the question is
	// answered from the passage on the bigger picture.
	q := "apart from the technicalities, what else does the piece say we should keep an eye on?"
	if a := article().Answer(knowledge.Query{Text: q, K: 3}); !a.Answerable || len(a.Quotes) == 0 || !strings.Contains(a.Quotes[0].Passage.Text, "bigger picture") {
		t.Errorf("%q: got %v %+v, want an answer from the passage on the bigger picture", q, a.Answerable, a.Quotes)
	}
	// The other sentences first: a tie goes to the earlier one.
	wantFirstQuotes(t, indexOf(t, "The two families are in a brief feud, the baker said.\n\n"+
		"The two families are entrenched in a permanent feud, the mayor said.\n\n"+
		"Bad weather at home could sink the harbour plan.\n\n"+
		"Fractious politics at home could sink the harbour plan."),
		firstQuote{"are the two families locked in a feud?", "entrenched in a permanent feud"},
		firstQuote{"is the feud between the two families endless?", "entrenched in a permanent feud"},
		firstQuote{"is the feud between the two families unending?", "entrenched in a permanent feud"},
		firstQuote{"could infighting at home sink the harbour plan?", "Fractious politics"},
		firstQuote{"could bickering at home sink the harbour plan?", "Fractious politics"},
	)
	// The players of politics are its parties.
	wantFirstQuotes(t, article(), firstQuote{"what did the players learn about each other from geneva", "strengthened relationships between all relevant parties"})
	// What motivates someone is what they seek.
	wantFirstQuotes(t, indexOf(t, "The fishermen have blocked the harbour plan for years.\n\n"+
		"The fishermen are seeking to keep their old moorings."),
		firstQuote{"what motivates the fishermen?", "seeking to keep"},
	)
	wantFirstQuotes(t, indexOf(t, "The traders in the council discussed the harbour plan.\n\n"+
		"The spoilers in the council torpedoed the harbour plan.\n\n"+
		"The moderates in the council welcomed the budget.\n\n"+
		"The hardliners in the council opposed the budget."),
		firstQuote{"who sabotaged the harbour plan?", "torpedoed"},
		firstQuote{"what did the saboteurs do to the harbour plan?", "torpedoed"},
		firstQuote{"who wrecked the harbour plan?", "torpedoed"},
		firstQuote{"what did the troublemakers do to the harbour plan?", "torpedoed"},
		firstQuote{"what did the wreckers do to the harbour plan?", "torpedoed"},
		firstQuote{"what did the hawks in the council think of the budget?", "opposed the budget"},
	)
	wantFirstQuotes(t, indexOf(t, "The mayor likened the budget to painting a kitchen.\n\n"+
		"The mayor likened the budget to remodeling a kitchen.\n\n"+
		"The council widened the harbour channel.\n\n"+
		"The council narrowed the harbour channel.\n\n"+
		"A slowly fading harbour trade.\n\n"+
		"A slowly reinvigorated harbour trade."),
		firstQuote{"what did the mayor liken to renovating a kitchen?", "remodeling a kitchen"},
		firstQuote{"did the council shrink the harbour channel?", "narrowed"},
		firstQuote{"is the harbour trade being revived?", "reinvigorated"},
	)
	wantFirstQuotes(t, indexOf(t, "The roof of the harbour plan is its budget.\n\n"+
		"The bedrock of the harbour plan is its budget.\n\n"+
		"Raising the tolls doubled the traffic, the mayor said.\n\n"+
		"Escalating the tolls doubled the traffic, the mayor said.\n\n"+
		"The council is ready for a political holiday.\n\n"+
		"The council is ready for a political investment.\n\n"+
		"The ferry service is not popular, the mayor said.\n\n"+
		"The ferry service is not sustainable, the mayor said.\n\n"+
		"The new rule was explained to the clerks.\n\n"+
		"The new rule trickled to the clerks."),
		firstQuote{"what is the basic premise of the harbour plan?", "The bedrock"},
		firstQuote{"what principle is the harbour plan built on?", "The bedrock"},
		firstQuote{"what foundation is the harbour plan built on?", "The bedrock"},
		firstQuote{"what did piling on tolls do to the traffic?", "Escalating the tolls"},
		firstQuote{"is the council ready to put political skin in the game?", "political investment"},
		firstQuote{"can the ferry service carry on as it is?", "not sustainable"},
		firstQuote{"has the rule filtered through to the clerks?", "trickled"},
	)
	wantFirstQuotes(t, indexOf(t, "The council wants to delay its critics.\n\n"+
		"The council wants to neutralize its critics.\n\n"+
		"The mayor deserves blame for opening the port.\n\n"+
		"The mayor deserves credit for opening the port.\n\n"+
		"The council is funding the arts.\n\n"+
		"The council is nurturing the arts.\n\n"+
		"The cost of the bridge sometimes distracts from its design.\n\n"+
		"The enormity of the bridge sometimes overshadows its design."),
		firstQuote{"what does the council want to do to defuse its critics?", "neutralize"},
		firstQuote{"why is the mayor praised over the port?", "credit"},
		firstQuote{"is the council fostering the arts?", "nurturing"},
		firstQuote{"is the bridge massive?", "enormity"},
		firstQuote{"what does the bridge sometimes obscure?", "overshadows"},
	)
	wantFirstQuotes(t, indexOf(t, "The catch is in the headlines, the mayor said.\n\n"+
		"The catch is in the details, the mayor said."),
		firstQuote{"is the catch in the small print?", "in the details"},
	)
	wantFirstQuotes(t, indexOf(t, "The harbour plan has many costs, the mayor said.\n\n"+
		"The harbour plan has many details, the mayor said.\n\n"+
		"The storm is the cause of the harbour vote.\n\n"+
		"The storm is the backdrop of the harbour vote.\n\n"+
		"The storm delayed the canal plan.\n\n"+
		"The storm torpedoed the canal plan.\n\n"+
		"Many fishermen are fond of the bridge plan.\n\n"+
		"Many fishermen are skeptical of the bridge plan.\n\n"+
		"Bad weather could sink the ferry plan.\n\n"+
		"Fractious politics could sink the ferry plan.\n\n"+
		"The fun part of the regatta begins now.\n\n"+
		"The hard part of the regatta begins now.\n\n"+
		"The market cannot stay closed for long.\n\n"+
		"The market cannot stay closed permanently.\n\n"+
		"The summit in Oslo ended after a long delay.\n\n"+
		"The successful summit in Oslo eased old tensions."),
		firstQuote{"does the harbour plan have many specifics?", "many details"},
		firstQuote{"what is the context of the harbour vote?", "backdrop"},
		firstQuote{"what derailed the canal plan?", "torpedoed"},
		firstQuote{"are fishermen cynical about the bridge plan?", "skeptical"},
		firstQuote{"could squabbling sink the ferry plan?", "Fractious"},
		firstQuote{"is the tricky part of the regatta beginning?", "hard part"},
		firstQuote{"can the market stay closed indefinitely?", "permanently"},
		firstQuote{"what did the Oslo summit accomplish?", "successful summit"},
	)
	// An unseen word with an everyday sense weighs as the text's plain
	// word does: "personally" is "directly", though "person" is common.
	wantFirstQuotes(t, indexOf(t, "The mayor is involved in the harbour plan, the council says.\n\n"+
		"The mayor is directly involved in the plan.\n\n"+
		"The harbour loan has many critics.\n\n"+
		"The harbour loan has many details.\n\n"+
		"The harbour is old."),
		firstQuote{"is the mayor personally involved in the harbour plan?", "directly involved"},
	)
	// What someone needs is what is necessary; internal politics are
	// domestic, not foreign.
	wantFirstQuotes(t, indexOf(t, "The mayor will support the harbour plan.\n\n"+
		"It will be necessary to give the mayor a boat.\n\n"+
		"The harbour loan has many critics.\n\n"+
		"The port budget is a domestic matter.\n\n"+
		"The port budget is a foreign matter."),
		firstQuote{"what does the mayor need?", "necessary to give the mayor"},
		firstQuote{"is the port budget an internal matter?", "domestic matter"},
	)
	wantFirstQuotes(t, indexOf(t, "The new bridge strengthened trade with the island.\n\n"+
		"The new bridge empowered the fishermen of the island.\n\n"+
		"The harbour loan has many critics."),
		firstQuote{"have the fishermen been strengthened?", "empowered the fishermen"},
	)
	// How cheap or quick a thing will be is what it costs and how long it
	// takes.
	wantFirstQuotes(t, indexOf(t, "The bridge will be wider than planned.\n\n"+
		"The bridge will cost more than planned.\n\n"+
		"The tunnel will be deeper to build than planned.\n\n"+
		"The tunnel will take longer to build than planned.\n\n"+
		"The harbour loan has many critics."),
		firstQuote{"will the bridge be cheaper than planned?", "cost more"},
		firstQuote{"will the tunnel be quicker to build than planned?", "take longer"},
	)
	// The stage of a process is a part of it, in a question.
	wantFirstQuotes(t, indexOf(t, "The regatta has a new sponsor this year.\n\n"+
		"Now the final part of the regatta begins.\n\n"+
		"The harbour loan has many critics."),
		firstQuote{"what stage is the regatta at?", "final part"},
	)
	wantFirstQuotes(t, indexOf(t, "The port loan has many critics.\n\n"+
		"The port loan has many details.\n\n"+
		"The engineers of the dam met in the autumn.\n\n"+
		"The decision-makers of the dam met in the spring.\n\n"+
		"The dockers hope for a peaceful march.\n\n"+
		"The dockers hope for a peaceful solution.\n\n"+
		"Both unions distrust the mayor.\n\n"+
		"Both sides distrust the mayor."),
		firstQuote{"when did the policymakers of the dam meet?", "decision-makers"},
		firstQuote{"do the dockers hope for a peaceful settlement?", "peaceful solution"},
		firstQuote{"do both camps distrust the mayor?", "Both sides"},
		firstQuote{"does the port loan have many particulars?", "many details"},
	)
	wantFirstQuotes(t, indexOf(t, "The finance minister of the island spoke first.\n\n"+
		"The foreign minister of the island spoke last.\n\n"+
		"The island is judged by its size, the mayor said.\n\n"+
		"The island is judged by its deeds, the mayor said.\n\n"+
		"The governor welcomed the harbour plan.\n\n"+
		"The president welcomed the harbour plan."),
		firstQuote{"what did the island's FM do?", "foreign minister"},
		firstQuote{"is the island judged by its behaviour?", "its deeds"},
		firstQuote{"did POTUS welcome the harbour plan?", "The president"},
	)
	wantFirstQuotes(t, indexOf(t, "Most of the gossip was about the harbour fees.\n\n"+
		"Most of the discussion was about the harbour fees.\n\n"+
		"The council wants softer fines for the traders.\n\n"+
		"The council wants hard-hitting fines for the traders.\n\n"+
		"The drumbeat of war has grown, the mayor said.\n\n"+
		"The price of bread has grown, the mayor said.\n\n"+
		"Some distrust of the ferry plan is rare.\n\n"+
		"Some skepticism of the ferry plan is understandable.\n\n"+
		"The mayor's plan to please the critics.\n\n"+
		"The mayor's plan to neutralize the critics.\n\n"+
		"The fleet is not yet in the harbour.\n\n"+
		"The fleet is not yet in the clear."),
		firstQuote{"what has the chatter been about?", "discussion"},
		firstQuote{"does the council want harsher fines for the traders?", "hard-hitting"},
		firstQuote{"what has happened to the war drums?", "drumbeat of war"},
		firstQuote{"is it reasonable to be doubtful about the ferry plan?", "understandable"},
		firstQuote{"how does the mayor take the wind out of the critics' sails?", "neutralize"},
		firstQuote{"is the fleet out of danger?", "in the clear"},
	)
	wantFirstQuotes(t, article(), firstQuote{"does the author think doubts about the talks are justified?", "skepticism surrounding"},
		firstQuote{"what tends to get lost because the job is so huge?", "enormity of the task"},
		firstQuote{"Did the Geneva talks help people understand each other's point of view?", "valuable insights"},
		firstQuote{"did both sides always know diplomacy would be messy?", "more complicated"})
	wantFirstQuotes(t, indexOf(t, "The mayor's family has little time for the harbour.\n\n"+
		"The mayor's team has little time to finish the harbour."),
		firstQuote{"does the mayor's crew have enough time to finish?", "team"})
	wantFirstQuotes(t, indexOf(t, "The harbour work will not be cheap.\n\n"+
		"The harbour work will not be easy."),
		firstQuote{"will the harbour work be smooth sailing?", "not be easy"})
	wantFirstQuotes(t, indexOf(t, "The council has few ships remaining.\n\n"+
		"The council has few options remaining."),
		firstQuote{"does the council have cards left to play?", "few options"})
	wantFirstQuotes(t, indexOf(t, "The mayor quietly studied the harbour plan.\n\n"+
		"The mayor openly supported the harbour plan."),
		firstQuote{"has the mayor publicly backed the harbour plan?", "openly supported"})
	wantFirstQuotes(t, indexOf(t, "The flood talk is paid for by the port.\n\n"+
		"The flood talk is focused on the port.\n\n"+
		"The flood risk is rarely acknowledged.\n\n"+
		"The flood risk is widely acknowledged.\n\n"+
		"The ferry crews have ended their rivalry.\n\n"+
		"The ferry crews have turned their rivalry into cooperation.\n\n"+
		"The rule was reviewed with the harbour vote.\n\n"+
		"The rule was reaffirmed with the harbour vote.\n\n"+
		"The mayor was involved in the ferry crews' rivalry at first.\n\n"+
		"The mayor was directly involved in the ferry crews' rivalry."),
		firstQuote{"is the flood risk generally acknowledged?", "widely"},
		firstQuote{"what have the ferry crews converted their rivalry into?", "turned their rivalry"},
		firstQuote{"are the ferry crews working together?", "cooperation"},
		firstQuote{"when was the rule reconfirmed?", "reaffirmed"},
		firstQuote{"when was the rule confirmed?", "reaffirmed"},
		firstQuote{"was the mayor personally involved in the ferry crews' rivalry?", "directly involved"},
		firstQuote{"what is the flood talk fixated on?", "focused on"},
	)
	wantFirstQuotes(t, indexOf(t, "The harbour plan needs a bit of Budgeting 202.\n\n"+
		"The harbour plan needs a bit of Budgeting 101.\n\n"+
		"The smaller picture of the harbour plan is its cost.\n\n"+
		"The bigger picture of the harbour plan is its history.\n\n"+
		"The harbour is in charted waters.\n\n"+
		"The harbour is in uncharted waters."),
		firstQuote{"what budgeting basics does the harbour plan need?", "101"},
		firstQuote{"what is the broader view of the harbour plan?", "bigger picture"},
		firstQuote{"what do we see of the harbour plan when we zoom out?", "bigger picture"},
		firstQuote{"is the harbour in familiar territory?", "uncharted"},
	)
	wantFirstQuotes(t, indexOf(t, "The fleet is in calm harbours, the mayor said.\n\n"+
		"The fleet is in rough waters, the mayor said."),
		firstQuote{"is the fleet in rough seas?", "rough waters"},
		firstQuote{"which nautical metaphor does the mayor use for the fleet?", "rough waters"},
	)
	wantFirstQuotes(t, indexOf(t, "The council kept the old harbour plan.\n\n"+
		"The council abandoned the old harbour plan.\n\n"+
		"The traders asked for lower harbour fees.\n\n"+
		"The traders pushed for lower harbour fees.\n\n"+
		"The fishermen discussed the ferry deal.\n\n"+
		"The fishermen torpedoed the ferry deal.\n\n"+
		"The danger of floods is widely discussed.\n\n"+
		"The danger of floods is widely acknowledged.\n\n"+
		"The Iranian regime's envoy visited the harbour.\n\n"+
		"The mayor's envoy visited the harbour."),
		firstQuote{"did the council ditch the old harbour plan?", "abandoned"},
		firstQuote{"what have the traders been lobbying for?", "pushed for"},
		firstQuote{"who sank the ferry deal?", "torpedoed"},
		firstQuote{"is the danger of floods widely recognised?", "acknowledged"},
		firstQuote{"whose envoy from the Islamic Republic visited the harbour?", "Iranian regime"},
	)
	wantFirstQuotes(t, indexOf(t, "Supporters of the plan will call it a bargain.\n\n"+
		"Opponents of the plan will portray it as a waste."),
		firstQuote{"how will critics of the plan paint it?", "portray it as a waste"},
		firstQuote{"what do critics label the plan?", "portray it as a waste"},
		firstQuote{"how will the critics spin the plan?", "portray it as a waste"},
	)
	wantFirstQuotes(t, indexOf(t, "The new bridge will help the traders in the towns, the mayors said.\n\n"+
		"The new bridge will help the traders on both sides, the mayors said."),
		firstQuote{"will the new bridge help both countries?", "both sides"},
		firstQuote{"does the new bridge help both governments, according to the mayors?", "both sides"},
	)
	wantFirstQuotes(t, indexOf(t, "The mayors held a real talk with the traders.\n\n"+
		"The mayors held a real dialogue with the fishermen.\n\n"+
		"The new bridge built goodwill among the towns.\n\n"+
		"The new bridge built confidence among the towns."),
		firstQuote{"who did the mayors have a real conversation with?", "dialogue with the fishermen"},
		firstQuote{"did the new bridge build trust among the towns?", "built confidence"},
	)
	wantFirstQuotes(t, article(),
		firstQuote{"What did Obama and Khamenei's endorsement of the Geneva interim agreement give the process?", "openly supported President Obama"},
		firstQuote{"what message should be sent to iran about why it's under pressure?", "being challenged for what they do"},
		firstQuote{"could the divide between engineering fixes and political fixes be too big to close", "may be too wide to bridge"},
		firstQuote{"what sets the scene for the upcoming negotiations besides the technical issues?", "important backdrop to the negotiations"},
		firstQuote{"is now a one-off moment to dial down tensions?", "unique window of opportunity"},
		firstQuote{"does washington get any kudos in this piece?", "Washington deserves credit"},
		firstQuote{"are american lawmakers trying to toughen sanctions on iran?", "Congress has pushed"},
	)
}

// TestPlacesInTheText checks that a question saying where in the text to
// look ("per the opening", "according to the opening", "at the end", "the
// last paragraph", "how does it end?") prefers the sentences there over
// ones elsewhere that hold its words as well, and that one asking about
// that place and nothing else gets its first sentences; a trailer is no
// end.
func TestPlacesInTheText(t *testing.T) {
	ix := indexOf(t, "The delegates agreed that the budget of the mission must come first in these long talks today.\n\n"+
		"Reporters in the hall mostly asked the delegates about the weather and the long delays in the city.\n\n"+
		"In the middle of the week the delegates discussed the budget of the mission, and they will meet again.\n\n"+
		"Nobody knows what comes next, the chair said, but the budget of the mission is still the question.\n\n"+
		"Everyone left the hall before dark, and the delegates will meet again after the new year, she said.\n\n"+
		"This report first appeared in the Daily Gazette.")
	wantFirstQuotes(t, ix,
		// The budget is in the first, third and fourth paragraphs; a
		// meeting in the third and the last.
		firstQuote{"What did the delegates say about the budget, per the opening?", "must come first"},
		firstQuote{"What did the delegates say about the budget, according to the opening?", "must come first"},
		firstQuote{"What does the writer say about the budget at the end?", "still the question"},
		firstQuote{"what about the budget at the end of the report?", "still the question"},
		firstQuote{"In the last paragraph, when will the delegates meet again?", "after the new year"},
		// A place and nothing else: the place's first sentence.
		firstQuote{"What happens now, per the conclusion?", "Nobody knows what comes next"},
		firstQuote{"What does the conclusion say?", "Nobody knows what comes next"},
		firstQuote{"How does the report wrap up?", "Everyone left the hall"},
		firstQuote{"What's in the intro?", "must come first"},
		// Not places in the text: the end of the week, a time.
		firstQuote{"What did the delegates discuss at the end of the week about the budget?", "In the middle of the week"},
	)
	// With several documents, which one's opening is meant the question
	// does not say; in a conversation, it asks about the topic there.
	two, err := knowledge.NewIndex([]*knowledge.Document{parsed(t, "a.txt", "The first text opens on the budget of the mission and its many long delays."),
		parsed(t, "b.txt", "The second text opens on the weather in the city and its many long delays.")})
	if err != nil {
		t.Fatal(err)
	}
	if a := two.Answer(knowledge.Query{Text: "What's in the intro?"}); a.Answerable {
		t.Errorf("two documents: got %q, want no answer", a.Quotes[0].Text())
	}
	if a := ix.Answer(knowledge.Query{Text: "and in the intro?", Context: "the weather in the city"}); !a.Answerable || !strings.Contains(a.Quotes[0].Text(), "weather") {
		t.Errorf("in context: got %+v, want the weather in the opening", a.Quotes)
	}
	if a := two.Answer(knowledge.Query{Text: "Who is quoted at the end?"}); a.Answerable {
		t.Errorf("two documents, a quotation asked for: got %q, want no answer", a.Quotes[0].Text())
	}
}

// TestPlacesInShortTexts checks that the opening and the end of a text of
// one or three paragraphs do not overlap wrongly: a one-paragraph text's
// end is its last sentences, a three-paragraph text's its last paragraph.
func TestPlacesInShortTexts(t *testing.T) {
	one := indexOf(t, "The delegates met in the hall on Monday morning to open the long talks. "+
		"They talked about the budget for many hours without a break. "+
		"In the end they went home and promised to meet again next year.")
	wantFirstQuotes(t, one,
		firstQuote{"What's in the intro?", "Monday morning"},
		firstQuote{"How does the text end?", "They talked about the budget"},
		firstQuote{"What's the last sentence?", "went home"},
	)
	three := indexOf(t, "The delegates met in the hall on Monday morning to open the long talks today.\n\n"+
		"They talked about the budget for many hours without a break, and then about the weather.\n\n"+
		"At last they went home and promised to meet again next year in the very same hall.")
	wantFirstQuotes(t, three,
		firstQuote{"What's in the conclusion?", "went home"},
		firstQuote{"What's in the introduction?", "Monday morning"},
	)
	quoted := indexOf(t, "The delegates met in the hall on Monday morning to open the long talks today.\n\n"+
		"Nobody knew what would come next, and the delegates spoke little to the press that day. "+
		"“Peace is a long road,” the chair told reporters as they left the hall at dusk.")
	wantFirstQuotes(t, quoted, firstQuote{"Who is quoted at the end?", "Peace is a long road"})
}

// parsed parses text as a file of that name would be.
func parsed(t *testing.T, name, text string) *knowledge.Document {
	t.Helper()
	doc, err := knowledge.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestPersonsAskedByName checks that a person's name asked for outright
// ("the name of the official…") needs a sentence naming a person, one the
// text writes after a title somewhere: a place is no answer.
func TestPersonsAskedByName(t *testing.T) {
	ix := indexOf(t, "A senior official told me upon arriving in Vienna that the talks would be long.\n\n"+
		"Later that week President Obama met the senior official in the old town hall.")
	wantDeclined(t, ix, "What's the name of the senior official who said the talks would be long?")
	// "Name" as a request: at the end, after "by", or first, or "name
	// them" closing the question.
	wantDeclined(t, ix, "who was the senior official who said the talks would be long — name?")
	wantDeclined(t, ix, "Which senior official, by name, said the talks would be long?")
	// A plea may close the request; pundits are people too.
	wantDeclined(t, article(), "who were the forward-thinking officials in Washington and Tehran — names pls")
	wantDeclined(t, article(), "which policymakers and pundits compare Iran to the Soviet Union? names?")
	// "Name them" after the question; groups are of people.
	wantDeclined(t, article(), "which iranian hardline factions are trying to wreck the talks? name them")
	// A team is a group: its members by name are not its leader's.
	wantDeclined(t, article(), "what does kerry's negotiating team consist of, by name?")
	wantFirstQuotes(t, ix,
		firstQuote{"What's the name of the leader who met the senior official in the town hall?", "President Obama"},
		firstQuote{"Name the leader who met the senior official in the town hall.", "President Obama"},
		firstQuote{"who was the president who met the senior official in the town hall, by name?", "President Obama"},
		firstQuote{"Which city did the senior official arrive in?", "Vienna"},
	)
}

// TestVenuesAskedFor: "which hotel…?" asks for a venue's name, which a
// city's, a person's or a title is not.
func TestVenuesAskedFor(t *testing.T) {
	wantDeclined(t, article(), "Which hotel are the talks held in?")
	wantDeclined(t, article(), "which building in Vienna are the negotiations being held in?")
	wantDeclined(t, article(), "what's the name of the hotel where the vienna talks are held?")
	ix := indexOf(t, "The talks opened in Vienna this week, where President Obama's envoy met the others.\n\n"+
		"The delegations meet at the Palais Coburg, a hotel near the old town.")
	wantFirstQuotes(t, ix,
		firstQuote{"Which hotel are the talks held in?", "Palais Coburg"},
		firstQuote{"Which building do the delegations meet in?", "Palais Coburg"},
		firstQuote{"what is the name of the hotel the delegations meet at?", "Palais Coburg"},
		firstQuote{"Which city did the talks open in?", "Vienna"},
	)
	// A venue named in words of the lexicon, beside the noun for it, even
	// first in its sentence; not a city's name beside it, nor a verb.
	wantFirstQuotes(t, indexOf(t, "The talks opened in Vienna this week.\n\nThe delegations meet at the Grand Hotel near the old town."),
		firstQuote{"Which hotel do the delegations meet at?", "Grand Hotel"})
	wantFirstQuotes(t, indexOf(t, "The talks opened in Vienna this week.\n\nHotel Imperial hosted the delegations."),
		firstQuote{"Which hotel hosted the delegations?", "Hotel Imperial"})
	wantDeclined(t, indexOf(t, "The talks opened this week.\n\nThe delegations meet at a Vienna hotel near the old town."),
		"Which hotel in Vienna do the delegations meet at?")
	wantDeclined(t, indexOf(t, "The talks opened this week.\n\nThe delegations met, with Washington building pressure on Tehran."),
		"Which building did the delegations meet in?")
	// "Building" as a verb asks for no venue.
	if a := article().Answer(knowledge.Query{Text: "What is building confidence supposed to achieve?"}); !a.Answerable {
		t.Errorf("%q: declined, want an answer", a.Question)
	}
}

// TestExactWordsAskedFor: someone's exact words ask for a quotation that
// names them.
func TestExactWordsAskedFor(t *testing.T) {
	ix := article()
	wantDeclined(t, ix, "What exact words did Ayatollah Khamenei use when he endorsed the talks?")
	wantDeclined(t, ix, "what were Khamenei's exact words backing the negotiators?")
	// Framing words do not make them the author's.
	wantDeclined(t, ix, "What exact words did Khamenei use to describe the talks?")
	wantDeclined(t, ix, "what were Khamenei's exact words backing the negotiators, per the author?")
	wantFirstQuotes(t, ix,
		firstQuote{"What were Limbert's exact words about diplomacy?", "Diplomacy is like remodeling a house"},
		firstQuote{"What was the Western official's exact quote?", "We’re not in the business of doing favors"},
		// The author's exact words need no quotation of anyone.
		firstQuote{"What's the exact wording the author uses about Iran's power?", "Iran is a regional power"},
	)
}

// TestStanceOfSomeoneUnknown: what someone the knowledge base knows by no
// form, or someone of a kind it knows by no form, thinks or says is likely
// not covered; what someone it knows thinks may be.
func TestStanceOfSomeoneUnknown(t *testing.T) {
	ix := article()
	wantDeclined(t, ix, "what does the Iranian parliament think of the deal?")
	wantDeclined(t, ix, "what did netanyahu say about the vienna talks")
	// Of a kind the knowledge base knows by no form, though it knows the
	// head by some sense of it ("markets" as "sell").
	wantDeclined(t, ix, "How did oil markets react to the Vienna talks?", "how did ordinary iranians react to the geneva deal?")
	// "The public" as a people, which the knowledge base knows only as
	// things done publicly; what it says of public statements it knows.
	wantDeclined(t, ix, "How did the Iranian public react to the Geneva deal?", "how did the iranian public react to the geneva deal")
	wantFirstQuotes(t, ix, firstQuote{"does the author think the public downplaying is a bad sign?", "lower expectations publicly"})
	// Whether someone unknown took a side; whether someone known did may
	// be answered.
	wantDeclined(t, ix, "did china support the talks with iran?")
	wantFirstQuotes(t, ix,
		firstQuote{"did khamenei support the efforts to build confidence?", "openly supported"},
		firstQuote{"What do Iranian hardliners think about negotiating with a stronger interlocutor?", "stronger interlocutor"},
		firstQuote{"What does the author think about the spoilers?", "spoilers"},
	)
}

// TestPlaceCalledHere: a question asking where, or which city, is
// answered by the sentence naming the place that the best one only calls
// "here" ("…the negotiations that will be taking place here…").
func TestPlaceCalledHere(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"which city are these negotiations taking place in", "here in Vienna"},
		firstQuote{"where are the talks taking place?", "here in Vienna"},
	)
}

// TestHowItWent: "how did the geneva round go?" asks how it turned out,
// which the sentence on the success in Geneva tells, not the one whose
// issues "will go a long way"; "going to" is the future.
func TestHowItWent(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"how did the geneva round go according to the author?", "Successful nuclear diplomacy in Geneva"},
		firstQuote{"how did the talks in geneva go", "Successful nuclear diplomacy in Geneva"},
		firstQuote{"how are critics of diplomacy going to describe it?", "continue portraying it"},
	)
}

// TestParticularsAskedFor: "what specific…?" asks for particulars, which a
// sentence that only names the thing does not give, nor one that names a
// place, and so do "what exact…?" and "what precise…?" (not "what's the
// exact framing?", which asks for the text's words); "which specific
// officials…?" asks for their names; "which technical details exactly…?"
// asks for particulars as "specific" does, and "which leaders exactly…?"
// asks who they are, as without "exactly".
func TestParticularsAskedFor(t *testing.T) {
	wantDeclined(t, article(), "what specific tangible deliverables does the author propose?",
		"what exact tangible deliverables does the author propose?", "what precise political cover will Obama give Khamenei?",
		"Which specific technical details does the final nuclear deal need to address?",
		"which specific officials tried to break the impasse before geneva?",
		"which technical details exactly does the final deal need to settle?",
		"Which technical details specifically does the final deal need to cover?")
	wantFirstQuotes(t, article(),
		firstQuote{"What specific alternatives to diplomacy do officials now acknowledge?", "such as an escalation of sanctions"},
		firstQuote{"What tangible deliverables does the author propose?", "tangible deliverables"},
		firstQuote{"Which alternatives to diplomacy exactly do officials now acknowledge?", "such as an escalation of sanctions"},
		firstQuote{"which leaders exactly backed the geneva deal?", "Obama"},
	)
	// "Which technical details…?", "what are the various technical
	// details…?" ask for the details; what the author says of them does
	// not.
	wantDeclined(t, article(), "which technical details were the sticking points in vienna, like centrifuge research?",
		"What technical details did the Geneva interim deal actually contain?",
		"what are the various technical details the final nuclear deal has to address?")
	wantFirstQuotes(t, article(),
		firstQuote{"what does the author say about the technical details?", "various technical details"})
}

// TestTermsAskedFor: "the terms of" a deal are its particulars, which a
// sentence that only says the deal was struck does not give; "in terms
// of" and "in power terms" ask for no terms, nor "the terms of the
// debate" for a deal's.
func TestTermsAskedFor(t *testing.T) {
	wantDeclined(t, article(), "what were the terms of the geneva interim deal",
		"How do the terms of the interim deal differ from what a final deal would include?",
		"what did the geneva deal do? what were the actual terms, like limits on enrichment?")
	// What a side gave up under a deal are its terms too; what Washington
	// gave up is a policy the text tells of.
	wantDeclined(t, article(), "what did the geneva interim deal require iran to give up?",
		"what happened in geneva? what did iran actually agree to give up in the interim deal?")
	wantFirstQuotes(t, article(),
		firstQuote{"what did washington give up on?", "abandoning the failed approach"},
		firstQuote{"could dealing with a more powerful counterpart mean giving up national interests?", "sacrificing national interests"},
		firstQuote{"what does the author say about the terms of the debate in vienna?", "various technical details"},
		firstQuote{"how does the author classify Iran in terms of power?", "rivals the former Soviet Union"},
		firstQuote{"How does the author classify Iran's standing in world power terms?", "rivals the former Soviet Union"},
	)
}

// TestConditionWeighsLess: the words of a condition ("if the talks fall
// apart") weigh less than what the question asks for.
func TestConditionWeighsLess(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"what's the probable alternative if the talks fall apart?", "the likely alternative"},
		firstQuote{"what's the payoff if the spoilers get neutralised?", "In turn"})
}

// TestFocusOfAnUnknownKind: the noun before the head of what is asked
// about says its kind; one the knowledge base knows by no form says the
// question is likely not covered.
func TestFocusOfAnUnknownKind(t *testing.T) {
	wantDeclined(t, article(), "What enrichment level did the Geneva interim deal cap Iran at?",
		"What is Iran's breakout time?", "what's Iran's uranium stockpile?", "what's iran's breakout time",
		"what's iran's current breakout time?", "what is john limbert's current job title",
		"what was stuxnet and did it damage iran's program?", "what is the additional protocol and did iran agree to it?")
	wantFirstQuotes(t, article(),
		firstQuote{"What is Iran's biggest fear in dealing with a stronger interlocutor?", "stronger interlocutor"},
		firstQuote{"the writer says we're in unknown territory — what's the exact framing?", "uncharted waters"},
		firstQuote{"What escalatory options do both sides have left?", "escalatory options"},
	)
}

// TestDeedOfAnUnknownKind: a yes-no question asking whether a pronoun or
// a name does what the knowledge base knows by no form is likely not
// covered, though it names something the text speaks of; one whose verb it
// knows may be, and a name that owns what follows is no subject of its own.
func TestDeedOfAnUnknownKind(t *testing.T) {
	wantDeclined(t, article(), "Is it raining in Vienna?", "did they sign the deal?",
		"Did Kerry meet Zarif one-on-one in Vienna?", "did secretary kerry and zarif meet one on one in vienna",
		"Does Iran already have a nuclear weapon?", "does iran currently have any nuclear weapons right now?",
		"Is Obama planning to visit Tehran?", "is Zarif hoping to ratify the deal?",
		"did obama threaten to veto the congressional sanctions?", "did Obama and Rouhani talk on the phone?", "Did Obama and Rouhani speak by phone?",
		"did the final nuclear deal actually get signed, and when?",
		// A subject counted out is a pronoun still, and "have" or "has"
		// opens a question of what was done as "did" does.
		"did both of them sign the deal?", "have the two of them spoken by phone?", "has either of them visited tehran?",
		"have they signed the deal yet?",
		// A subject of common nouns, then a verb the knowledge base knows
		// by no form.
		"did congress actually pass the new sanctions?", "did those sanctions actually pass?",
		// A noun most often a verb ("deal") before the verb.
		"Did the interim deal embolden hardliners?",
		// "One-on-one" is a manner of meeting, no count: "only one thing
		// is for sure" says nothing of it.
		"Did Kerry and Zarif hold a one-on-one meeting in Vienna?")
	wantFirstQuotes(t, article(),
		firstQuote{"did they strike the interim deal in Geneva?", "interim deal"},
		firstQuote{"could dealing with a stronger interlocutor threaten regime survival?", "regime survival"},
		firstQuote{"has the discussion focused on the details?", "technical details"},
		firstQuote{"did iran's supreme leader support the talks?", "Ayatollah Khamenei"},
		firstQuote{"does Iran have its own hardliners?", "Iranian hardliners"},
		firstQuote{"have both sides acknowledged the spoilers?", "spoilers"},
		firstQuote{"have they narrowed their escalatory options?", "escalatory options"},
		firstQuote{"did the nuclear diplomacy strengthen relationships between the parties?", "strengthened relationships"},
		firstQuote{"did the hardliners torpedo earlier attempts?", "torpedoed attempts"},
		// The author's deeds the text words its own way.
		firstQuote{"Did the author visit Vienna?", "upon arriving in Vienna"},
	)
}

// TestMannerOfAnUnknownDeed: "how", "when", "where" or "why" a pronoun
// did what the knowledge base knows by no form is likely not covered; a
// deed it knows may be.
func TestMannerOfAnUnknownDeed(t *testing.T) {
	wantDeclined(t, article(), "when did they first meet?", "how did they first meet?", "where did the two of them last meet?")
	wantFirstQuotes(t, article(),
		firstQuote{"how did they narrow their options?", "narrowed the remaining escalatory options"},
		firstQuote{"when did they strike the interim deal?", "interim deal"},
	)
}

// TestManyUnknownWords: three rare words the knowledge base knows by no
// form ask about something else; two may be the asker's own words for
// what the text says.
func TestManyUnknownWords(t *testing.T) {
	wantDeclined(t, article(), "Is Iran's nuclear program purely for civilian energy?")
	wantFirstQuotes(t, article(),
		firstQuote{"do moderate voices think Washington and Tehran are locked into never-ending hostility?", "entrenched in permanent confrontation"})
}

// TestPrepositionsAreNoTopic: "behind", "within" or "toward", as "below"
// or "under", is a function word, no topic the text lacks.
func TestPrepositionsAreNoTopic(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"does the author say the hard stuff is behind us or still ahead?", "now the hard part begins"},
		firstQuote{"is iran just a power within its own neighbourhood?", "Iran is a regional power"},
		firstQuote{"what are both sides putting their political capital toward?", "spend their (political) capital on peace"},
	)
}

// TestVagueNounsAreNoTopic: "stuff", as "thing", is an everyday word that
// counts for less toward "not covered" than a topical word the text lacks:
// a question about the "tough stuff" is answered, among its first quotes
// the hard part.
func TestVagueNounsAreNoTopic(t *testing.T) {
	q := "where are we in the process — is the tough stuff behind us?"
	a := article().Answer(knowledge.Query{Text: q, K: 3})
	if !a.Answerable || !slices.ContainsFunc(a.Quotes, func(qu knowledge.Quote) bool { return strings.Contains(qu.Text(), "now the hard part begins") }) {
		t.Errorf("%q: got %v %+v, want an answer quoting the hard part", q, a.Answerable, a.Quotes)
	}
}

// TestUnknownThingOfAnUnknownThing: "what was the X of Y?" asks about X,
// and when the knowledge base knows neither by any form it likely does not
// cover the question; an abstract X of something it knows it may word its
// own way.
func TestUnknownThingOfAnUnknownThing(t *testing.T) {
	wantDeclined(t, article(), "what was the price of oil when the vienna talks started?")
	wantFirstQuotes(t, article(),
		firstQuote{"what's the payoff of building trust through concrete results?", "stronger than the spoilers"},
	)
}

// TestVerbAskedAbout: with "what" as its subject, a question asks about
// its verb ("what motivates the spoilers?" asks what moves them), which
// weighs more than the thing it names.
func TestVerbAskedAbout(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"what motivates the spoilers, according to the article?", "seeking to score political points"},
	)
}

// TestKnownThingOfAnUnknownKind: two words the knowledge base knows by no
// form before one it knows name a kind of it the text never speaks of
// ("ballistic missile program"); one such word may be the asker's own
// adjective.
func TestKnownThingOfAnUnknownKind(t *testing.T) {
	wantDeclined(t, article(), "Does the deal cover Iran's ballistic missile program?",
		"did the possible military dimensions issue ever get resolved?")
	wantFirstQuotes(t, article(),
		firstQuote{"what are the hardliners' sneaky attempts to narrow Rouhani's window?", "narrow the window of opportunity"},
	)
}

// TestSpanOfAnUnknownKind: a span of time named by a word the knowledge
// base knows by no form ("breakout time") is one the text does not give,
// though it speaks of time; a span it knows is answered.
func TestSpanOfAnUnknownKind(t *testing.T) {
	wantDeclined(t, article(), "What would Iran's breakout time be under a final agreement?",
		"what's iran's current breakout time to a bomb?",
		"how long is the grace period before sanctions snap back?")
	wantFirstQuotes(t, article(),
		firstQuote{"over what time period will the vienna negotiations take place?", "over the next few days"},
		firstQuote{"is this the first time the US has talked to Iran as an equal?", "For the first time in recent memory"},
	)
}

// TestWhetherThereIsAnUnknownThing: "is there a deadline…?" asks whether
// the text speaks of a thing it knows by no form; an everyday word for one
// it does speak of ("a basis" for a foundation) is answered.
func TestWhetherThereIsAnUnknownThing(t *testing.T) {
	wantDeclined(t, article(), "is there a deadline for getting the final agreement done",
		"is there a hard deadline for reaching the final deal?", "will there be a deadline for the final deal?",
		"has there been a deadline for the final agreement?")
	for _, q := range []string{"is there a basis on which a final agreement could be built?", "is there a power gap between the US and Iran?"} {
		if a := article().Answer(knowledge.Query{Text: q}); !a.Answerable {
			t.Errorf("%q: declined, want it answered", q)
		}
	}
}

// TestDenialAfterTheAnswer: a sentence the text goes on to deny in a
// short one ("Simply put: It doesn't.") is quoted with the denial.
func TestDenialAfterTheAnswer(t *testing.T) {
	for _, q := range []string{"is iran really as much of a threat as the soviet union was?", "does iran rival the soviet union as a threat to the west?"} {
		a := article().Answer(knowledge.Query{Text: q})
		if !a.Answerable || len(a.Quotes) < 2 || !strings.Contains(a.Quotes[0].Text(), "rivals the former Soviet Union") || a.Quotes[1].Text() != "Simply put: It doesn’t." {
			t.Errorf("%q: got %+v, want the Soviet comparison and then its denial", q, a.Quotes)
		}
	}
	// A short sentence that denies something of its own is not added.
	ix := indexOf(t, "The council approved the harbour plan on Monday. The mayor is not alone.\n\n"+
		"The weather in the city was cold all week.")
	if a := ix.Answer(knowledge.Query{Text: "what did the council approve?"}); !a.Answerable || len(a.Quotes) != 1 {
		t.Errorf("got %+v, want the council's sentence alone", a.Quotes)
	}
	// A short sentence that denies nothing is not added.
	a := article().Answer(knowledge.Query{Text: "what has the discussion in vienna focused on?"})
	if !a.Answerable || !strings.Contains(a.Quotes[0].Text(), "rightly focused") {
		t.Fatalf("got %+v, want the sentence on what the discussion focused on", a.Quotes)
	}
	for _, x := range a.Quotes {
		if x.Text() == "Indeed, the devil is in the details." {
			t.Errorf("got %+v, want no short sentence after the answer", a.Quotes)
		}
	}
}

// TestRoleOfAnUnknownKind: who holds a role the knowledge base knows by no
// form is likely not covered; who holds one it knows may be.
func TestRoleOfAnUnknownKind(t *testing.T) {
	wantDeclined(t, article(), "who's Iran's deputy negotiator?")
	wantDeclined(t, article(), "who is iran's deputy nuclear negotiator")
	wantFirstQuotes(t, article(),
		firstQuote{"Who is Iran's foreign minister?", "Foreign Minister Zarif"},
		firstQuote{"Who counts as a spoiler here?", "spoilers"},
	)
}

// TestUnseenAdjectivesWeighLittle: an adjective the knowledge base lacks
// most often qualifies the topic in the asker's own words, so it counts
// against the question far less than a noun it lacks.
func TestUnseenAdjectivesWeighLittle(t *testing.T) {
	ix := article()
	wantFirstQuotes(t, ix, firstQuote{"how lopsided is the balance of power?", "huge imbalance in power"})
	wantDeclined(t, ix, "how lopsided is the balance of uranium?")
	wantDeclined(t, ix, "what threat do the centrifuge internal politics in both countries pose")
	// Not the adjective a yes-no question asks about, nor a participle.
	wantDeclined(t, ix, "Were the Geneva talks multilateral?", "Were Iran's nuclear assets frozen?")
}

// A word the text holds only with "un" before it, or says with "un" where
// the text negates a synonym, finds the text's word.
func TestNegatingPrefix(t *testing.T) {
	// The other sentences first: a tie goes to the earlier one.
	ix := indexOf(t, "The fishing quota goes unnoticed, the mayor said.\n\n"+
		"The fishing quota goes unpunished, the mayor said.\n\n"+
		"The harbour plan sails into calm waters, the council said.\n\n"+
		"The harbour plan sails into uncharted waters, the council said.")
	wantFirstQuotes(t, ix,
		firstQuote{"does the fishing quota get punished, per the mayor?", "goes unpunished"},
		firstQuote{"does the harbour plan sail into unmapped waters?", "uncharted waters"},
	)
	wantFirstQuotes(t, article(),
		firstQuote{"what proverb about kindness getting punished does the author quote?", "No good deed goes unpunished"},
		firstQuote{"could the gap between technical and political fixes be unbridgeable?", "too wide to bridge"},
	)
}

// TestHowOld checks that "How old…?" asks for an age, a number, not about
// the word "old"; the article, which gives no one's age, declines it (see
// TestAnswerDeclinesUncoveredQuestions).
func TestHowOld(t *testing.T) {
	wantFirstQuotes(t, indexOf(t, "The old lighthouse keeper rang the bell.\n\n"+
		"The lighthouse was built 150 years ago."),
		firstQuote{"how old is the lighthouse?", "150 years"},
	)
}

// TestPlaceAskedFor checks that a question asking which city, or where
// someone did something, wants a place named: a sentence naming someone
// else ("President Obama", "Secretary Kerry") does not answer it.
func TestPlaceAskedFor(t *testing.T) {
	wantDeclined(t, article(), "Which city hosts the next round after Vienna?", "Where was Foreign Minister Zarif educated?",
		"where did foreign minister zarif go to university?",
		// Asked alone, of someone a pronoun does not say.
		"what country are they from?")
	wantFirstQuotes(t, article(), firstQuote{"Which city are the nuclear talks in?", "here in Vienna"})
}

// TestNamesWrittenTogether checks that a name the text only ever writes as
// a run of words ("John Limbert", "Foreign Minister Zarif") counts as one
// word of the question: "Was John Limbert one of the hostages…?" is not
// covered half by his two names. A title or job asked of someone named is
// the title the text gives them.
func TestNamesWrittenTogether(t *testing.T) {
	ix := article()
	wantDeclined(t, ix, "Was John Limbert one of the hostages held in Tehran in 1979?",
		"What did Foreign Minister Zarif say at the press conference after the Vienna round?")
	wantFirstQuotes(t, ix,
		firstQuote{"what's John Limbert's title?", "Ambassador John Limbert"},
		firstQuote{"What is Kerry's job?", "Secretary Kerry"},
		firstQuote{"what title does the article give Kerry", "Secretary Kerry"},
	)
}

// TestKindOfDoerAsked checks that a noun that only names a kind of doer
// ("which US body…?") is no focus the text lacks: the sentence that names
// the doer answers.
func TestKindOfDoerAsked(t *testing.T) {
	wantFirstQuotes(t, article(), firstQuote{"which US body is pushing for harsher economic penalties?", "Congress has pushed"})
}

// TestDigitsThatDateNothing checks that a number in digits that reads as
// no year ("Public Diplomacy 101") gives no date, and that a span given in
// years ("for 30 years") asks for none.
func TestDigitsThatDateNothing(t *testing.T) {
	wantDeclined(t, article(), "What is the deadline for the final nuclear deal?", "In what year will the final deal be signed?")
	ix := indexOf(t, "Canal Studies 101 is taught every spring.\n\nThe canal opened in 1869 after a decade of work.")
	wantDeclined(t, ix, "In what year is Canal Studies first taught?")
	wantFirstQuotes(t, ix, firstQuote{"In what year did the canal open?", "1869"})
	// A noun after a preposition is no type "what" asks for: "what's
	// different from previous years…?" asks for no year.
	wantFirstQuotes(t, indexOf(t, "Unlike years past, the mayor now openly backs the port.\n\n"+
		"The mayor opened the port in 1990.\n\n"+
		"The harbour loan has many critics."),
		firstQuote{"what's different from previous years about the mayor and the port?", "Unlike years past"})
}

// TestOutcomeAsked checks that a question asking what something leads to
// ("the payoff", "the end goal") is answered by the sentence that says what
// follows from it ("In turn, this will ensure…"), not by the one that
// names the cause in the question's words.
func TestOutcomeAsked(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"what's the payoff of building trust through concrete results?", "In turn, this will ensure"},
		firstQuote{"What's the end goal of building trust via deliverables?", "In turn, this will ensure"},
		firstQuote{"How can the spoilers be neutralized?", "The only way to neutralize them"},
		firstQuote{"what's the end result if both sides build trust thru tangible deliverables?", "In turn, this will ensure"},
	)
	// "The results have been clear" opens a sentence that tells what came
	// of the one before it, as "In turn" does.
	for _, q := range []string{"what have been the results of the new US approach?", "what have been the outcomes of the new American approach?"} {
		a := article().Answer(knowledge.Query{Text: q})
		if !slices.ContainsFunc(a.Quotes, func(x knowledge.Quote) bool { return strings.HasPrefix(x.Text(), "The results have been clear") }) {
			t.Errorf("%q: got %+v, want a quote of \"The results have been clear…\"", q, a.Quotes)
		}
	}
}

// TestFiguresInTheText checks that a figure of speech the text uses is
// found by the plain words it stands for ("for all to see" by "publicly",
// "brownie points" by credit sought, "past is prologue" by history
// repeating), as a question's figure finds the text's plain words.
func TestFiguresInTheText(t *testing.T) {
	ix := indexOf(t, "On a cold morning in the old square the mayor signed the harbour pact for all to see.\n\n"+
		"If past is prologue, the council will fight the harbour plan in the coming weeks, as it fought the bridge.\n\n"+
		"The port authority signed the harbour pact.\n\n"+
		"The council will debate the harbour plan.\n\n"+
		"In every debate of the long winter the councillors chased brownie points with the voters.\n\n"+
		"The councillors met the voters.\n\n"+
		"Through the long winter the harbour master fended off the traders.\n\n"+
		"The harbour master met the traders.")
	wantFirstQuotes(t, ix,
		firstQuote{"was the harbour pact signed publicly?", "for all to see"},
		firstQuote{"will history repeat itself with the council and the harbour plan?", "If past is prologue"},
		firstQuote{"did the councillors seek credit with the voters?", "brownie points"},
		// A figure whose first word the text inflects.
		firstQuote{"did the harbour master push back against the traders?", "fended off"},
	)
}

// TestReasonAsked checks that a question asking why is answered by a
// sentence that says why ("If these negotiations are to… avoid…, it will be
// necessary…") over one nearly as good that only tells what is so, and
// that a question asking something else about a reason is not read so.
func TestReasonAsked(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"why do obama and khamenei need political cover?", "If these negotiations are to successfully avoid"},
		firstQuote{"Why would Obama and Khamenei need political cover?", "If these negotiations are to successfully avoid"},
		firstQuote{"how did Obama and Khamenei shape the diplomacy?", "without Obama and Khamenei’s direct involvement"},
	)
}

// TestPlaceInTheTextForFigures checks that a figure of speech or a
// quotation asked for at a place of the text ("near the end", "the closing
// quote") is looked for there, and that the confidence stays within [0, 1]
// when a figure asked for weighs it up.
func TestPlaceInTheTextForFigures(t *testing.T) {
	ix := article()
	wantFirstQuotes(t, ix,
		firstQuote{"what metaphor is used for diplomacy near the end?", "Diplomacy is like remodeling a house"},
		firstQuote{"what's the closing quote of the article?", "Diplomacy is like remodeling a house"},
	)
	for _, q := range []string{"what metaphor is used for diplomacy near the end?", "What seafaring metaphor does the author use?"} {
		if a := ix.Answer(knowledge.Query{Text: q}); a.Confidence < 0 || a.Confidence > 1 {
			t.Errorf("%q: confidence %v, want it within [0, 1]", q, a.Confidence)
		}
	}
}

// TestTitleAskedForThePerson checks that a title asked ("the ayatollah",
// "the Secretary of State") finds the person the text gives that title
// where a sentence names them without it.
func TestTitleAskedForThePerson(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"would the negotiations even be happening if Obama and the Ayatollah weren't personally involved?", "without Obama and Khamenei’s direct involvement"},
		firstQuote{"does the author mention the US Secretary of State?", "Secretary Kerry"},
	)
}

// TestWhoExactly checks that "exactly" in a question asking who ("who are
// the spoilers exactly?") asks who they are, as the question without it
// does: no particulars the text may lack.
func TestWhoExactly(t *testing.T) {
	ix := article()
	a, b := ix.Answer(knowledge.Query{Text: "who are the spoilers exactly?"}), ix.Answer(knowledge.Query{Text: "who are the spoilers?"})
	if !a.Answerable || !b.Answerable || a.Quotes[0].Text() != b.Quotes[0].Text() {
		t.Errorf("got %v %v and %v %v, want both answered alike", a.Answerable, a.Quotes, b.Answerable, b.Quotes)
	}
}

// TestNameInFull checks that a question asking for a name in full ("first
// name", "official name") is answered only by a sentence that writes one:
// two names in a run, titles aside, one of them new to the question.
func TestNameInFull(t *testing.T) {
	ix := indexOf(t, "Mayor Hart opened the new bridge in May.\n\n"+
		"The bridge was designed by the engineer Anna Berg, who also built the ferry pier.\n\n"+
		"The harbour agreement signed in Bergen set the fees for the pier.")
	wantFirstQuotes(t, ix, firstQuote{"what is the engineer Berg's first name?", "Anna Berg"})
	wantDeclined(t, ix, "what is Mayor Hart's first name?", "what's the official name of the harbour agreement signed in Bergen?")
	wantDeclined(t, article(), "what's foreign minister zarif's first name", "What's Secretary Kerry's full name?")
}

// TestNamesAlone checks that a sentence sharing only names with a question
// that asks more of them does not answer it: it names the people, and says
// nothing of what is asked about them.
func TestNamesAlone(t *testing.T) {
	wantDeclined(t, article(), "What did Secretary Kerry say at his press conference in Vienna?",
		"Did Ayatollah Khamenei issue a fatwa against nuclear weapons?")
	wantFirstQuotes(t, article(), firstQuote{"What did Zarif and Kerry emphasize?", "win-win solutions"})
}

// TestVerbsOfPresenting checks that a verb saying how the author presents
// something ("highlight", "flag", "underline", "classify") frames the
// question, as "mention" does: it weighs nothing, and the rest is asked
// about.
func TestVerbsOfPresenting(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"beyond the technical stuff, what backdrop does the author want to highlight?", "bigger picture"},
		firstQuote{"what's riding on those overarching issues he flags?", "making or breaking the peace"},
		firstQuote{"how does the writer classify iran's standing in the world?", "regional power"},
	)
}

// TestAskersOwnDoing checks that a question about what the asker may do
// with something the text knows by no form ("where can I get a good
// schnitzel in Vienna?", "best place to get schnitzel in Vienna?", "best
// schnitzel place in vienna?") is
// declined, while one about what they may do with what it speaks of is
// answered.
func TestAskersOwnDoing(t *testing.T) {
	wantDeclined(t, article(), "where can I get a good schnitzel in Vienna?", "How do I remodel my kitchen without going over budget?",
		"best place to get schnitzel in vienna?", "best schnitzel place in vienna?")
	wantFirstQuotes(t, article(),
		firstQuote{"how do I explain the spoilers to my students?", "spoilers"},
		firstQuote{"how do I neutralise the spoilers?", "The only way to neutralize them"},
	)
}

// TestAppetiteOutweighed checks that what outweighs an appetite for
// something is found by what is stronger than a commitment to it.
func TestAppetiteOutweighed(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"will the pro-peace camp's resolve end up outweighing the troublemakers' appetite for a fight?", "stronger than the spoilers"},
		firstQuote{"Does the author think the will for peace can beat the spoilers' appetite for a fight?", "stronger than the spoilers"})
}

// TestNamesOfAGroup checks that a request for the names of a group the
// text speaks of by its noun is not answered by a name elsewhere in the
// sentence ("Iranian hardliners are seeking ways to narrow the window …
// President Rouhani's team has"), and is by one next to the noun.
func TestNamesOfAGroup(t *testing.T) {
	wantDeclined(t, article(), "which iranian hardliners by name are trying to sabotage the talks?",
		"what are the names of the iranian hardliners trying to block the talks?")
	ix := indexOf(t, "The harbour plan went before the council in May, and President Alder backed it.\n\n"+
		"Hardliners such as Senator Brandt opposed the harbour plan, as President Alder knew they would.")
	wantFirstQuotes(t, ix, firstQuote{"which hardliners by name opposed the harbour plan?", "Senator Brandt"})
}

// TestWhatHappenedLongAgo checks that a question about what happened at a
// time long past is not answered by a sentence that only counts the years
// since ("for the first time in over three decades"), in a conversation
// too, and is by one that tells what happened then.
func TestWhatHappenedLongAgo(t *testing.T) {
	ix := article()
	for _, c := range []struct{ context, question string }{
		{"the author says both sides are willing to spend capital on peace", "what happened three decades ago that broke things off?"},
		{"how long have the US and iran been at odds?", "what happened three decades ago that started it?"},
	} {
		wantDeclinedAfter(t, ix, c.context, c.question)
	}
	harbour := indexOf(t, "The port and the city have not worked together for three decades.\n\n"+
		"Three decades ago the harbour council broke off its ties with the city over the bridge.")
	wantFirstQuotes(t, harbour, firstQuote{"what happened three decades ago between the council and the city?", "broke off its ties"})
}

// TestNumberOfAName checks that a number that ends a name ("Public
// Diplomacy 101") is no count a "how many…?" question asks for, while a
// count is.
func TestNumberOfAName(t *testing.T) {
	wantDeclined(t, article(), "How many officials in Washington and Tehran are now protecting diplomacy?")
	ix := indexOf(t, "The harbour council will need a bit of Harbour Policy 101 before the vote.\n\n"+
		"The council has 12 members who back the ferry plan.")
	wantFirstQuotes(t, ix, firstQuote{"how many council members back the ferry plan?", "12 members"})
	wantDeclined(t, ix, "how many council members will need harbour policy before the vote?")
}

// TestWhoCameUpWithIt checks that "who came up with…?", in a follow-up
// too, asks for the maker of a thing by name, which a sentence quoting
// the thing does not give; "who leads…?" asks for the leader's.
func TestWhoCameUpWithIt(t *testing.T) {
	ix := article()
	wantDeclinedAfter(t, ix, "what's the old adage the author quotes", "who originally came up with that saying?")
	harbour := indexOf(t, "The harbour motto is \"steady as she goes\".\n\n"+
		"Mayor Alder came up with the harbour motto in her first year.")
	wantFirstQuotes(t, harbour, firstQuote{"who came up with the harbour motto?", "Mayor Alder"})
	// "Who leads…?" asks for the leader by name as well.
	wantDeclined(t, ix, "Who leads Iran's technical negotiating team in Vienna?", "who leads the US negotiating team under Kerry, day to day?")
	council := indexOf(t, "The harbour council meets every week to plan the new ferry.\n\n"+
		"Mayor Alder leads the harbour council and its ferry plan.")
	wantFirstQuotes(t, council, firstQuote{"who leads the harbour council?", "Mayor Alder"})
}

// TestWhatHeSaid checks that "what exactly did he say…?" after a question
// about someone named asks what that person said, which a sentence that
// reports no speech of theirs does not answer.
func TestWhatHeSaid(t *testing.T) {
	wantDeclinedAfter(t, article(), "did khamenei support the talks?", "what exactly did he say in his statement?")
	harbour := indexOf(t, "Mayor Alder backed the harbour plan in March.\n\n"+
		"Mayor Alder said \"the ferry will run all winter\" when the council met.")
	if a := harbour.Answer(knowledge.Query{Text: "what exactly did he say about the ferry?", Context: "did mayor alder back the harbour plan?"}); !a.Answerable || !strings.Contains(a.Quotes[0].Text(), "ferry will run") {
		t.Errorf("what did he say: got %v %+v, want the sentence quoting the mayor", a.Answerable, a.Quotes)
	}
}

// TestNextMeetingAsked checks that a question about the round of talks
// after the one the text tells of ("where will the next round be held?")
// is declined where no sentence speaks of it, not answered by where this
// round is held, and answered where one does; "the upcoming negotiations"
// are the text's own.
func TestNextMeetingAsked(t *testing.T) {
	wantDeclined(t, article(), "where will the next round be held after vienna?", "When will the next round of negotiations be held?")
	wantFirstQuotes(t, article(),
		firstQuote{"what sets the scene for the upcoming negotiations besides the technical issues?", "important backdrop"})
	ix := indexOf(t, "The trade talks opened in Lisbon this week, with the delegates meeting in the old palace.\n\n"+
		"The next round of talks will be held in Porto in May.")
	wantFirstQuotes(t, ix, firstQuote{"where will the next round be held?", "Porto"})
}

// TestOutcomeAskedWithWas checks that "was … eventually" asks how things
// turned out as "did … eventually" does, answered only by a sentence that
// tells it, and that "was" with "at the end" asks about the text.
func TestOutcomeAskedWithWas(t *testing.T) {
	wantDeclined(t, article(), "was a final nuclear deal eventually signed?")
	wantFirstQuotes(t, article(),
		firstQuote{"was the interim deal eventually reached in Geneva?", "when the interim deal was reached in Geneva"},
		firstQuote{"what was the point of the renovation line at the end?", "Diplomacy is like remodeling a house"},
	)
}

// TestAdjectiveAskedBeforeTo checks that a yes-no question asking whether
// a thing is easy or hard to do ("will the final deal be easy to get?")
// weighs the adjective as the word it asks about.
func TestAdjectiveAskedBeforeTo(t *testing.T) {
	wantFirstQuotes(t, article(), firstQuote{"will the final deal be easy to get?", "it won’t be easy"})
}

// TestCountOfWhatIsAsked checks that a number right after "which" counts
// what is asked about and names no topic: "which two leaders…?" is not
// answered by "a dialogue between two equal powers".
func TestCountOfWhatIsAsked(t *testing.T) {
	a := article().Answer(knowledge.Query{Text: "which two leaders are backing diplomacy?", K: 3})
	if !a.Answerable || strings.Contains(a.Quotes[0].Text(), "two equal powers") {
		t.Errorf("got %v %v, want an answer about the leaders", a.Answerable, a.Quotes)
	}
	if !slices.ContainsFunc(a.Hits, func(h knowledge.Hit) bool { return strings.Contains(h.Passage.Text, "Ayatollah Khamenei") }) {
		t.Errorf("got %d hits, want the passage naming both leaders among them", len(a.Hits))
	}
}

// TestKindAskedAfterGiveMe checks that "give me" or "tell me" before a noun
// for a kind of answer asks for it as "what number…?" does: a follow-up
// asking for a figure the text never gives is declined, one it gives is
// answered.
func TestKindAskedAfterGiveMe(t *testing.T) {
	a := article().Answer(knowledge.Query{Text: "give me an actual number", Context: "how many officials support diplomacy now?"})
	if a.Answerable {
		t.Errorf("got %v, want a decline", a.Quotes)
	}
	wantFirstQuotes(t, article(), firstQuote{"tell me the number of big issues the author lists", "four big picture issues"})
}

// TestOppositesOfferedAsAlternatives checks that of two opposites offered
// as alternatives ("a success or a flop") the one the knowledge base knows
// less weighs nothing: a sentence saying either answers the question, and a
// word the text lacks does not lower its confidence.
func TestOppositesOfferedAsAlternatives(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"Was the Geneva round a success or a flop in the author's eyes?", "Successful nuclear diplomacy in Geneva"},
		firstQuote{"was the geneva round a flop or a success?", "Successful nuclear diplomacy in Geneva"},
		firstQuote{"what will determine whether peace succeeds or falls apart?", "making or breaking the peace"})
}

// TestWhenSomeoneDidSomething checks that a question asking when someone,
// named or pointed to by a pronoun, did a thing ("when was Rouhani
// elected?", "when did he take office?") is declined where the best
// sentence gives no time: a question of record. Without a person an event
// may date the thing asked about ("with the interim deal").
func TestWhenSomeoneDidSomething(t *testing.T) {
	wantDeclined(t, article(), "when was Rouhani elected?", "when did he take office?")
	wantFirstQuotes(t, article(), firstQuote{"when was the theoretical bedrock reaffirmed?", "interim deal was reached"})
}

// TestEquallyImportantBesides checks that "equally important" and "just as
// important" ask for what the text calls no less important, not for a
// sentence about equals, and that "besides", a preposition that sets aside
// what follows it, weighs nothing of its own: "besides the spoilers, who is
// equally important?" is answered by the forces for moderation.
func TestEquallyImportantBesides(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"besides the spoilers, who does the writer say is equally important?", "No less important are the forces for moderation"},
		firstQuote{"besides the spoilers, what other group does the speaker say is just as important?", "No less important are the forces for moderation"})
}

// TestAsidesOfContext checks that "in this context" is an aside and that
// what "counts as" a thing simply is one: "who counts as spoilers in this
// context?" asks who the spoilers are, not about a backdrop, and is
// answered from the paragraph that says who they are.
func TestAsidesOfContext(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"who counts as 'spoilers' in this context", "presence of spoilers on all sides"})
}

// TestContractedWill checks that "what'll they say?" asks for a
// prediction as "what will they say?" does: the sentence predicting what
// critics will say answers it, though it quotes no one.
func TestContractedWill(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"if history repeats, what'll the deal's critics say", "If past is prologue"})
}

// TestWhereSomeoneIsComingFrom checks that "where X is coming from" asks
// for X's perspective, not for a place: "did Geneva help each side get
// where the other was coming from?" is answered by the insights into the
// parties' perspectives.
func TestWhereSomeoneIsComingFrom(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"did geneva help each side get where the other was coming from?", "valuable insights into their perspectives"},
		firstQuote{"did the geneva meetings help everyone understand where the others were coming from?", "valuable insights into their perspectives"},
		firstQuote{"did geneva help them understand where they're coming from?", "valuable insights into their perspectives"},
		firstQuote{"did geneva show where the others have been coming from?", "valuable insights into their perspectives"})
}

// TestHowLongItGoesOn checks that what goes on for a time takes place over
// it: "how long is this round expected to go on for?" is answered by the
// negotiations taking place over the next few days.
func TestHowLongItGoesOn(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"how long is this round expected to go on for?", "over the next few days"},
		firstQuote{"how long are the vienna sessions expected to go on for", "over the next few days"})
}

// TestTheHill checks that "the Hill" is Congress, as "Capitol Hill" is.
func TestTheHill(t *testing.T) {
	wantFirstQuotes(t, article(), firstQuote{"what's the Hill been doing re sanctions", "Congress has pushed for more hard-hitting sanctions"})
}

// TestAcceptedAndCovered checks that what is generally accepted is widely
// acknowledged and that coverage is discussion.
func TestAcceptedAndCovered(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"is it generally accepted that there are ppl out to sabotage the process?", "widely acknowledged"},
		firstQuote{"has the coverage mostly been on the technical stuff?", "much of the discussion has rightly focused"})
}

// TestCheckableImplementation checks that what is checkable is verifiable
// and that implementing a commitment is following through on it.
func TestCheckableImplementation(t *testing.T) {
	wantFirstQuotes(t, article(),
		firstQuote{"what role do compromise and checkable implementation play in getting the final agreement?", "verifiable follow-through"})
}
