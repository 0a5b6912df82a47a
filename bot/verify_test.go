package bot_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// articleCitations returns the article's passages that open with each of
// openings, in order, as a draft is given them: [1] is the first.
func articleCitations(t testing.TB, ix *knowledge.Index, openings ...string) []bot.Citation {
	t.Helper()
	var cites []bot.Citation
	for _, o := range openings {
		found := false
		for _, p := range ix.Passages() {
			if strings.HasPrefix(p.Text, o) {
				cites = append(cites, bot.Citation{ID: p.ID, Doc: p.Doc, Section: p.Section, Text: p.Text})
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("no passage of the article opens with %q", o)
		}
	}
	return cites
}

// The passages the rule tests cite, by number.
var rulePassages = []string{
	"The most recent diplomatic efforts",        // [1] Congress, hardliners, Rouhani, spoilers
	"Building confidence at the negotiating",    // [2] appeasement, a Western official's quotation
	"So, now the hard part begins.",             // [3] the gap, war, "it won't be easy"
	"While we are not yet in the clear",         // [4] Geneva, four big-picture issues
	"For the first time in recent memory",       // [5] the U.S., “dialogue among equals”
	"No less important are the forces",          // [6] Obama and Khamenei supported the efforts
	"Unlike years past, senior officials",       // [7] escalation narrowed the options
	"Ambassador John Limbert beautifully",       // [8] a quotation about remodeling a house
	"A dialogue among equals is critical",       // [9] Iran is a regional power, not a superpower
	"If these negotiations are to successfully", // [10] lower expectations publicly, raise them privately
	"Rhetoric from both sides downplaying",      // [11] downplaying the odds, Obama and Khamenei's involvement
	"A degree of skepticism surrounding",        // [12] skepticism, the bedrock reaffirmed in Geneva
}

// ruleTests are drafts against rulePassages, each showing one rule; want
// is the reason the draft is refused for, "" when it is used.
var ruleTests = []struct {
	name  string
	draft string
	want  bot.Reason
}{
	// Who says it: the text's word for saying it claims nothing.
	{"who says it, after", "Skepticism is understandable, the author acknowledges [12].", ""},
	{"who says it, before what it names", "The author identifies four broad issues [4].", ""},
	{"who says it, a view", "With decision-makers in both countries now clearer about what escalation costs, the author sees a rare opening to keep lowering tensions and conclude a final agreement [7].", ""},
	{"who says it, framing", "The author frames what lies ahead around four broad issues that he expects to largely decide whether peace succeeds or fails [4].", ""},
	{"who says it, granting", "The author grants that some skepticism is reasonable [12].", ""},
	{"who says it, advice", "The author's advice is to keep public talk modest while delivering in private: compromise and verifiable follow-through on commitments, which also gives the leaders political cover at home [10].", ""},
	// Citations.
	{"one citation", "Congress has pushed for tougher, more hard-hitting sanctions [1].", ""},
	{"adjacent citations", "Congress pushed for hard-hitting sanctions, and opponents portray diplomacy as appeasement [1][2].", ""},
	{"listed citations", "Congress pushed for hard-hitting sanctions, and opponents portray diplomacy as appeasement [1, 2].", ""},
	{"each part on the passages it cites", "Congress has pushed for more hard-hitting sanctions [1], and opponents portray diplomacy as appeasement [2].", ""},
	{"a negation cut off by a marker", "Congress has not [1] pushed for more hard-hitting sanctions [1].", bot.ReasonContradiction},
	{"a quantity cut off by a marker", "Congress has pushed for fewer [1] hard-hitting sanctions [1].", bot.ReasonContradiction},
	{"a marker inside a quotation", "The author says “the gap between technical [3] and political solutions” may be too wide [3].", bot.ReasonQuote},
	{"a number from another part's passage", "Congress has pushed for more hard-hitting sanctions for three decades [1], and diplomacy is like remodeling a house [8].", bot.ReasonNumber},
	{"a quotation from another part's passage", "Hardliners seek to narrow the window [1], and opponents call “the only way to neutralize them” appeasement [2].", bot.ReasonQuote},
	{"a faithful quotation a marker cuts", "The author says “the gap between technical solutions [3] and political solutions” may be too wide to bridge [3].", ""},
	{"parts citing each other's passages", "Congress has pushed for more hard-hitting sanctions [2], and opponents portray diplomacy as appeasement [1].", bot.ReasonUnsupported},
	{"no citation", "Congress has pushed for more hard-hitting sanctions.", bot.ReasonNoCitation},
	{"empty", "", bot.ReasonNoCitation},
	{"range is not a citation", "Congress has pushed for more hard-hitting sanctions [1-2].", bot.ReasonNoCitation},
	{"invented citation", "Congress has pushed for more hard-hitting sanctions [13].", bot.ReasonBadCitation},
	{"citation zero", "Congress has pushed for more hard-hitting sanctions [0].", bot.ReasonBadCitation},
	{"invented citation in a list", "Congress has pushed for more hard-hitting sanctions [1, 14].", bot.ReasonBadCitation},
	{"huge citation", "Congress has pushed for sanctions [99999999999999999999999].", bot.ReasonBadCitation},
	{"invented citation in a later sentence", "Congress has pushed for sanctions [1]. The hard part begins [13].", bot.ReasonBadCitation},

	// Sentences, cut as passages are.
	{"citation after the period", "Congress has pushed for more hard-hitting sanctions. [1] Iranian hardliners seek to narrow the window. [1]", ""},
	{"citation ending the draft after the period", "Congress has pushed for more hard-hitting sanctions. [1]", ""},
	{"U.S. inside a cited sentence", "The U.S. has shown it is willing to have a real dialogue among equals [5].", ""},
	{"U.S. ending a cited sentence", "A real dialogue among equals is what Iran has been offered by the U.S. [5] It is critical for success [9].", ""},
	{"numbered list", "1. Congress has pushed for more hard-hitting sanctions [1].\n2. Iranian hardliners seek to narrow the window [1].", ""},
	{"lead-in", "In short:\nCongress has pushed for more hard-hitting sanctions [1].", ""},
	{"answer word", "No. The author writes that it won't be easy [3].", ""},
	{"answer word and lead-in", "Yes. In short: Iran is a regional power, not a superpower [9].", ""},
	{"answer word last", "Congress has pushed for more hard-hitting sanctions [1]. Yes.", bot.ReasonUncited},
	{"lead-in and a claim the next sentence's passages support", "In short: through tangible deliverables. The only way to neutralize spoilers is to build confidence through tangible deliverables [1].", ""},
	{"lead-in and a claim the next sentence's passages do not support", "In short: a trade agreement is near. Hardliners seek to narrow the window [1].", bot.ReasonUnsupported},
	{"lead-in and an invented quotation", "In short: “peace is at hand”. Hardliners seek to narrow the window [1].", bot.ReasonQuote},
	{"lead-in and a claim last", "Hardliners seek to narrow the window [1]. In short: the window is narrow.", bot.ReasonUncited},
	{"a claim before the colon", "Obama resigned: indeed. Hardliners are seeking ways to narrow the window of opportunity [1].", bot.ReasonUncited},
	{"two lead-ins, the second unsupported", "In short: Congress pushed for sanctions. In brief: a trade agreement is near. Congress has pushed for more hard-hitting sanctions [1].", bot.ReasonUnsupported},
	{"lead-in and an answer of likelihood", "In short: possibly not. It is fair to point out that the gap may be too wide to bridge [3].", ""},
	{"answer words", "Not at all. Iran is a regional power, not a superpower [9].", ""},
	{"answer words with a tag", "Yes, it has. Congress has pushed for more hard-hitting sanctions [1].", ""},
	{"answer words of a lead-in", "In a word, no. Iran is a regional power, not a superpower [9].", ""},
	{"answer words and a claim", "No, Iran lied. Iran is a regional power, not a superpower [9].", bot.ReasonUncited},
	{"answer words of a hedge", "Yes, seemingly, to a degree. Iran is a regional power, not a superpower [9].", ""},
	{"a hedge of part", "Yes, in part. Iran is a regional power, not a superpower [9].", ""},
	{"a hedge of sense", "Yes, in a sense. Iran is a regional power, not a superpower [9].", ""},
	{"answer words about naming", "No, not by name. Iranian hardliners are seeking ways to narrow the window [1].", ""},
	{"short answer held by the next sentence", "Four. The author sees four big picture issues ahead [4].", ""},
	{"short answer the next sentence does not hold", "Five. The author sees four big picture issues ahead [4].", bot.ReasonUncited},
	{"short answer with a word its passages lack", "Regional, sadly. Iran is a regional power, not a superpower [9].", bot.ReasonUncited},
	{"quotation framed, cited next", "The author states plainly: “Iran is a regional power, not a superpower.” It does not rival a superpower [9].", ""},
	{"quotation framed, given to the wrong speaker", "Limbert said: “Iran is a regional power, not a superpower.” It does not rival a superpower [9].", bot.ReasonUncited},
	{"quotation framed, cited next for other passages", "The author states plainly: “Iran is a regional power, not a superpower.” Congress has pushed for more hard-hitting sanctions [1].", bot.ReasonUncited},
	{"answer word before an unsupported sentence", "No. Congress wants a trade agreement [1].", bot.ReasonUnsupported},
	{"sentence without words", "Congress has pushed for more hard-hitting sanctions [1].\n—", ""},
	{"uncited sentence", "Congress wants a war. Hardliners seek to narrow the window [1].", bot.ReasonUncited},
	{"uncited sentence last", "Hardliners seek to narrow the window [1]. Congress wants a war.", bot.ReasonUncited},
	{"uncited short line", "Iran lied\nCongress has pushed for more hard-hitting sanctions [1].", bot.ReasonUncited},
	{"long lead-in", "Congress secretly wants a war:\nCongress has pushed for more hard-hitting sanctions [1].", bot.ReasonUncited},
	{"verbatim sentence standing uncited", "Congress has pushed for more hard-hitting sanctions. The hard part begins [3].", ""},
	{"verbatim fragment cutting words", "ess has pushed for mo. The hard part begins [3].", bot.ReasonUncited},
	// A claim that cites nothing is held, as any sentence, to the passages
	// of the next sentence of its paragraph that cites.
	{"uncited sentence after U.S., held to the next citing sentence's passages", "Congress wants the U.S. to strike. Hardliners seek to narrow the window [1].", bot.ReasonUnsupported},
	{"the United States for Washington", "Iranian hardliners are seeking ways to narrow the window of opportunity that President Rouhani's team has to negotiate with the United States [1].", ""},
	{"the United Kingdom, which the passages never name", "Iranian hardliners are seeking ways to narrow the window of opportunity that President Rouhani's team has to negotiate with the United Kingdom [1].", bot.ReasonName},
	{"uncited claim, the README's example", "Iranian hardliners are seeking ways to narrow the window. Congress has pushed for more hard-hitting sanctions [1].", ""},
	{"uncited claim the next citing sentence's passages support", "Iranian hardliners are seeking ways to narrow the window that President Rouhani's team has to negotiate with Washington. Congress has pushed for more hard-hitting sanctions [1].", ""},
	{"uncited claim the next citing sentence's passages contradict", "Congress has never pushed for more hard-hitting sanctions. Iranian hardliners are seeking ways to narrow the window [1].", bot.ReasonContradiction},
	{"uncited claim a paragraph before the next citing sentence", "Iranian hardliners are seeking ways to narrow the window that President Rouhani's team has to negotiate with Washington.\n\nCongress has pushed for more hard-hitting sanctions [1].", bot.ReasonUncited},
	{"uncited claim true of another passage than the next citing sentence's", "The author says Iran is only a regional power and no superpower. Congress has pushed for more hard-hitting sanctions [1].", bot.ReasonUnsupported},

	// Quotations.
	{"straight quote", `Congress pushed for "more hard-hitting sanctions" [1].`, ""},
	{"curly quote, other case", "An official said “We're in the business of pursuing our interests” [2].", ""},
	{"quote with plain dashes", `The author calls "the likely alternative - war - " a stark reminder [3].`, ""},
	{"mixed quotes", "Congress pushed for “more hard-hitting sanctions\" [1].", ""},
	{"guillemets", "Congress pushed for « more hard-hitting sanctions » [1].", ""},
	{"low quotation marks", "Congress pushed for „more hard-hitting sanctions“ [1].", ""},
	{"ellipsis joining long spans in order", "Hardliners are “seeking ways to narrow the window … team has to negotiate with Washington” [1].", ""},
	{"one-word quote", `Opponents portray diplomacy as "appeasement" [2].`, ""},
	{"ellipsis joining a short span", "Hardliners are “seeking ways to narrow … with Washington” [1].", bot.ReasonQuote},
	{"ellipsis joining two sentences", "The author writes that “the hard part begins … the gap between technical solutions and political solutions may be too wide” [3].", bot.ReasonQuote},
	{"ellipsis standing for more than ten words", "Washington deserves credit for “abandoning the failed approach … with the current political set-up in Tehran” [5].", bot.ReasonQuote},
	{"ellipsis standing for ten words or fewer", "Washington deserves credit for “abandoning the failed approach of the past … working toward a strategic, mutually agreed upon endgame” [5].", ""},
	{"ellipsis against the passage's order", "Hardliners want “to negotiate with Washington … seeking ways to narrow the window” [1].", bot.ReasonQuote},
	{"quote not contiguous", `The author says "the gap between technical and political solutions" may be too wide [3].`, bot.ReasonQuote},
	{"one-word quote in the wrong passage", `Congress calls it "appeasement" [1].`, bot.ReasonQuote},
	{"quote in the wrong passage", `Congress pushed for "more hard-hitting sanctions" [2].`, bot.ReasonQuote},
	{"invented quote", `Congress demanded "an immediate military strike on Iran" [1].`, bot.ReasonQuote},
	{"unclosed quote", `Congress pushed for "more hard-hitting sanctions [1].`, bot.ReasonQuote},
	{"quote closed on the next line", "Congress pushed for “more hard-hitting\nsanctions” [1].", bot.ReasonQuote},
	{"uncited invented quote", `Someone said "peace is at hand today". The hard part begins [3].`, bot.ReasonQuote},
	{"single quotes", "Congress pushed for 'more hard-hitting sanctions' [1].", ""},
	{"curly single quotes", "Congress pushed for ‘more hard-hitting sanctions’ [1].", ""},
	{"single quotes not contiguous", "Congress pushed for 'more hard-hitting and tougher sanctions' [1].", bot.ReasonQuote},
	{"curly single quotes not contiguous", "Hardliners are ‘seeking ways to close the window’ [1].", bot.ReasonQuote},
	{"single quotes around a double quotation", "The official's words were ‘“We’re not in the business of doing favors”’ [2].", ""},
	{"apostrophes are no quotes", "Iran's hardliners seek to narrow the window of opportunity Rouhani's team has [1].", ""},
	{"a plural possessive is no quote", "The hardliners' aim is to narrow the window of opportunity [1].", ""},

	// Links and mentions.
	{"URL", "Congress has pushed for more hard-hitting sanctions, see https://example.com/sanctions [1].", bot.ReasonLink},
	{"www address", "Congress has pushed for more hard-hitting sanctions (www.congress.gov) [1].", bot.ReasonLink},
	{"bare domain", "Congress has pushed for more hard-hitting sanctions, says congress.gov [1].", bot.ReasonLink},
	{"e-mail address", "Congress has pushed for more hard-hitting sanctions: sanctions@congress.gov [1].", bot.ReasonLink},
	{"handle", "Congress has pushed for more hard-hitting sanctions, as @SenateGOP says [1].", bot.ReasonLink},
	{"Slack user mention", "Congress has pushed for more hard-hitting sanctions <@U024BE7LH> [1].", bot.ReasonLink},
	{"channel mention", "Congress has pushed for more hard-hitting sanctions, see <#C024BE7LR|general> [1].", bot.ReasonLink},

	// Numbers and dates.
	{"number word as digits", "4 big-picture issues will go a long way toward making or breaking the peace [4].", ""},
	{"how sure, where the passage denies the clear", "The author says the talks are not yet out of danger but clearly in uncharted waters [4].", ""},
	{"clear, where the passage denies it", "The author says the talks are already in the clear [4].", bot.ReasonContradiction},
	{"the same kind of thing, a similar one", "The newest diplomatic efforts have met the same kind of obstacles as before: Congress wants harder sanctions, and Iranian hardliners are trying to shrink the window Rouhani's team has to negotiate with Washington [1].", ""},
	{"everyday words the passage lacks, weighing less", "Both sides will have to withstand the ideological attacks and stay squarely focused on their real interests [2].", ""},
	{"what did not work, for what failed", "Washington deserves credit for abandoning an approach of the past that did not work [5].", ""},
	{"a denial ending where a claim of its own begins", "It moved away from a past approach that had not worked and now seeks a mutually agreed endgame with the current political set-up in Tehran [5].", ""},
	{"a denial of what the passage asserts, before a claim of its own", "Washington has not abandoned the failed approach of the past and now seeks a mutually agreed endgame [5].", bot.ReasonContradiction},
	{"number", "Five big-picture issues will go a long way toward making or breaking the peace [4].", bot.ReasonNumber},
	{"a count of the sentence's own list", "The author lists two results: a slowly reinvigorated diplomatic process, and empowered moderates in Washington and Tehran [5].", ""},
	{"a count larger than the sentence's own list", "The author lists three results: a slowly reinvigorated diplomatic process, and empowered moderates in Washington and Tehran [5].", bot.ReasonNumber},
	{"a count of meetings, where the passage counts issues", "Successful nuclear diplomacy in Geneva, concluded after four rounds of talks, strengthened relationships between all relevant parties [4].", bot.ReasonNumber},
	{"a length of talks, where the passage counts issues", "The Geneva diplomacy, concluded after four days of talks, strengthened relationships among all parties [4].", bot.ReasonNumber},
	{"the issues counted, as the passage counts them", "Four big picture issues will go a long way toward making or breaking the peace [4].", ""},
	{"a count of issues", "Four big-picture issues will go a long way toward making or breaking the peace [4].", ""},
	{"year", "Congress has pushed for more hard-hitting sanctions since 2013 [1].", bot.ReasonNumber},
	{"month", "In February, Congress pushed for more hard-hitting sanctions [1].", bot.ReasonNumber},
	{"May", "Congress has pushed for more hard-hitting sanctions since May [1].", bot.ReasonNumber},
	{"a number with its scale", "The likely alternative, war, would cost more than $1 trillion [3].", bot.ReasonNumber},

	// Names and titles.
	{"name in the passage", "Iranian hardliners seek to narrow the window President Rouhani's team has to negotiate with Washington [1].", ""},
	{"name by a derived form", "Iran's hardliners seek to narrow the window of opportunity [1].", ""},
	{"name by an abbreviation", "The United States has shown it is willing to have a real dialogue among equals [5].", ""},
	{"name never mentioned", "Congress and the Senate have pushed for more hard-hitting sanctions [1].", bot.ReasonName},
	{"name from another passage", "President Obama's team has to negotiate with Washington [1].", bot.ReasonName},
	{"first word a name never mentioned", "American hardliners stress that dealing with a stronger interlocutor might threaten regime survival [9].", bot.ReasonName},
	{"a capital for its country", "Hardliners in Tehran stress that dealing with a stronger interlocutor might threaten regime survival [9].", ""},
	{"a country for its capital", "In the U.S., Congress has pushed for more hard-hitting sanctions [1].", ""},
	{"a city the text never names", "Hardliners in Isfahan stress that dealing with a stronger interlocutor might threaten regime survival [9].", bot.ReasonName},
	{"first word a name mentioned", "Iranian hardliners stress that dealing with a stronger interlocutor might threaten regime survival [9].", ""},
	{"first word a title never mentioned", "Deputy Ambassador John Limbert described diplomacy as remodeling a house [8].", bot.ReasonName},
	{"first word a title mentioned", "Ambassador John Limbert described diplomacy as remodeling a house [8].", ""},
	{"first word no title", "Clearly John Limbert described diplomacy as remodeling a house [8].", ""},
	{"title never mentioned", "Hardliners seek to narrow the window that Prime Minister Rouhani's team has [1].", bot.ReasonName},

	// Polarity.
	{"negation kept", "At this point only one thing is for sure: it won't be easy [3].", ""},
	{"not only is no negation", "Hardliners stress that dealing with a stronger interlocutor might not only lead to sacrificing national interests [9].", ""},
	{"not simply, with no but after it, denies", "Both sides should not simply absorb these ideological criticisms, and should look beyond their actual interests [2].", bot.ReasonContradiction},
	{"not simply, a but after it", "Both sides should not simply absorb these ideological criticisms, but keep their sights firmly focused on their actual interests [2].", ""},
	{"rather than", "Iran is a regional power rather than a superpower [9].", ""},
	{"rather than, then a clause of its own", "Iran is a regional power rather than a superpower and does not rival the former Soviet Union in threatening Western interests [9].", ""},
	{"far from", "Support at the top has produced a greater, though far from comprehensive, number of officials protecting diplomacy [11].", ""},
	{"denied by an ellipsis after it", "Iran does not rival the former Soviet Union in threatening Western interests [9].", ""},
	{"what an ellipsis after it denies, asserted", "The author agrees that Iran rivals the former Soviet Union in threatening Western interests [9].", bot.ReasonContradiction},
	{"not", "Congress has not pushed for more hard-hitting sanctions [1].", bot.ReasonContradiction},
	{"contraction", "Congress hasn't pushed for more hard-hitting sanctions [1].", bot.ReasonContradiction},
	{"never", "Building confidence at the negotiating table has never turned mistrust into cooperation [2].", bot.ReasonContradiction},
	{"no longer", "Congress no longer pushes for more hard-hitting sanctions [1].", bot.ReasonContradiction},
	{"a change the other way of the same thing", "Officials acknowledge that alternatives such as an easing of sanctions have caused the drumbeat of war to intensify [7].", bot.ReasonContradiction},
	{"what is avoided, denied", "Both leaders need a degree of political cover so the negotiations do not fall prey to fractious domestic politics [10].", ""},
	{"no longer than: a comparative denied", "Limbert's point is that diplomacy will take no longer than you think, even if it ends up costing more [8].", bot.ReasonContradiction},
	{"nothing short of", "Nothing short of building confidence through tangible deliverables will neutralize the spoilers [1].", ""},
	{"denied after but in the same sentence", "Some pundits portray Iran as though it rivaled the former Soviet Union in threatening Western interests, but it does not [9].", ""},
	{"not yet", "Building confidence at the negotiating table has not yet turned mistrust into cooperation [2].", bot.ReasonContradiction},
	{"not yet, kept", "We are not yet in the clear, but we are in uncharted waters [4].", ""},
	{"yet as a conjunction", "Yet we are most certainly in uncharted waters [4].", ""},
	{"not in the clear yet", "We are not in the clear yet, but we are most certainly in uncharted waters [4].", ""},
	{"not yet, dropped", "We are now in the clear, though in uncharted waters [4].", bot.ReasonContradiction},
	{"negation dropped", "The author says Iran is a superpower [9].", bot.ReasonContradiction},
	{"how hard a thing is, which denies nothing", "The gap between technical and political solutions may be hard to bridge [3].", ""},
	{"a hard part, denied", "Now the hard part has not begun [3].", bot.ReasonContradiction},
	{"modal reversed", "The gap between technical and political solutions cannot be too wide to bridge [3].", bot.ReasonContradiction},
	{"antonym", "As the seriousness of talks increases, the risk of spoilers lashing out decreases [1].", bot.ReasonContradiction},
	{"a comparison turned round", "The spoilers' commitment to confrontation will be stronger than the commitment to finding peaceful solutions [1].", bot.ReasonContradiction},
	{"a comparison kept", "The commitment to finding peaceful solutions will be stronger than the spoilers' commitment to confrontation [1].", ""},
	{"antonym of a form", "The commitment to finding peaceful solutions will be weaker than the spoilers' commitment to confrontation [1].", bot.ReasonContradiction},
	{"antonyms swapped in place", "Washington and Tehran will need to raise expectations publicly while lowering them privately [10].", bot.ReasonContradiction},
	{"an opposite among the same words, elsewhere in the sentence", "As the talks grow more serious, the risk of spoilers lashing out diminishes [1].", bot.ReasonContradiction},
	{"a word beside an antonym of its synonym", "The main alternative, war, is a stark reminder for both sides that the status quo is neither in their interests nor sustainable [3].", ""},
	{"the same claim said the other way round", "As the talks grow more serious, so does the risk of spoilers lashing out [1].", ""},
	{"a word moved, not swapped for its opposite", "Washington and Tehran should temper expectations in public while privately raising them through compromise [10].", ""},
	{"a number counting something else than the denied one", "Washington is willing to have a real dialogue among equals with Tehran [5], though the two sides face a huge imbalance in power [9].", ""},
	{"a number counting what the passage denies", "A dialogue among equals is critical for success and amounts to a dialogue between two equal powers [9].", bot.ReasonContradiction},
	{"a condition with without, then a denial joined to an assertion", "Without Obama and Khamenei’s direct involvement in the process, diplomacy would take place and rhetoric would not matter [11].", bot.ReasonContradiction},
	{"a condition with without, then a negation", "Without Obama and Khamenei’s direct involvement in the process, diplomacy would not be taking place [11].", ""},
	{"the plain word of a figure of the passage", "The author points to four broad issues that could largely decide whether peace is achieved or lost [4].", ""},
	{"the plain word of a figure of the passage, denied", "The author identifies four big-picture issues but says they will not decide whether the peace is made or broken [4].", bot.ReasonContradiction},
	{"the plain word of a one-word figure vouches for no claim", "A degree of skepticism is understandable, the author says, and it is shared by most of the public in both countries [12].", bot.ReasonUnsupported},
	{"a denial, then a claim of its own after and", "Iran does not rival the former Soviet Union and is a regional power [9].", ""},
	{"a denial, then a denial of its own after and", "Iran does not rival the former Soviet Union and is no longer even a regional power [9].", bot.ReasonContradiction},
	{"a denial joined to a denial", "The likely alternative, war, reminds both sides that the status quo serves neither of their interests and cannot be sustained [3].", ""},
	{"prepositions claim nothing", "Success lies within the table [9].", ""},
	{"the odds are no oddity", "Both sides keep downplaying the chances of success [11].", ""},
	{"synonym of an antonym in place", "Rhetoric from both sides overstating the odds for success should come as no surprise [11].", bot.ReasonContradiction},
	{"word leaning the other way in place", "The results have been a slowly stalled diplomatic process and empowered moderates in Washington and Tehran [5].", bot.ReasonContradiction},
	{"refused to", "The U.S. has refused to have a real dialogue among equals with the Iranian government [5].", bot.ReasonContradiction},
	{"failed to", "The U.S. has failed to demonstrate through word and deed that it is willing to have a real dialogue among equals [5].", bot.ReasonContradiction},
	{"an ability lost", "As the talks grow more serious, spoilers lose their capacity to lash out [1].", bot.ReasonContradiction},
	{"an ability not lost", "As the talks grow more serious, spoilers do not lose their capacity to lash out [1].", ""},
	{"unlikely to", "Opponents of diplomacy are unlikely to keep portraying it as weakness, appeasement, or selling out to the enemy [2].", bot.ReasonContradiction},
	{"unable to", "The U.S. has been unable to demonstrate through word and deed that it is willing to have a real dialogue among equals [5].", bot.ReasonContradiction},
	{"yet to", "The U.S. has yet to demonstrate through word and deed that it is willing to have a real dialogue among equals [5].", bot.ReasonContradiction},
	{"yet as a word", "Yet the U.S. has demonstrated through word and deed that it is willing to have a real dialogue among equals [5].", ""},
	{"declining to", "Washington deserves credit, declining to work toward a mutually agreed upon endgame with the current political set-up in Tehran [5].", bot.ReasonContradiction},
	{"failed as a word", "Washington deserves credit for abandoning the failed approach of the past [5].", ""},
	{"last word leaning the other way", "The results have been a slowly reinvigorated diplomatic process and empowered moderates in Washington and Tehran who prefer to solve conflict violently [5].", bot.ReasonContradiction},
	{"few for all", "Successful nuclear diplomacy in Geneva strengthened relationships between just a few of the relevant parties [4].", bot.ReasonContradiction},
	{"only for many", "Building confidence at the negotiating table has been one of many pathways that turned mistrust into cooperation [2].", bot.ReasonContradiction},
	{"decades as years", "For the first time in more than thirty years, both sides are showing a willingness to spend their political capital on peace [8].", ""},
	{"sides of a verb swapped", "The historic backdrop of the Vienna talks sometimes overshadows the enormity of the task at hand [6].", bot.ReasonContradiction},
	{"sides of a verb kept", "The enormity of the task at hand often overshadows the historic backdrop of the Vienna talks [6].", ""},
	{"sides of a verb swapped in a cleft", "It is the historic backdrop of the Vienna talks that overshadows the enormity of the task at hand [6].", bot.ReasonContradiction},
	{"sides of a verb kept in a cleft", "It is the enormity of the task at hand that overshadows the historic backdrop of the Vienna talks [6].", ""},
	{"sides of a verb after a modal swapped", "The historic backdrop of the Vienna talks will overshadow the enormity of the task at hand [6].", bot.ReasonContradiction},
	{"sides of a verb after tends to swapped", "The historic backdrop of the Vienna talks tends to overshadow the enormity of the task at hand [6].", bot.ReasonContradiction},
	{"sides of a verb after tends to kept", "The enormity of the task at hand tends to overshadow the historic backdrop of the Vienna talks [6].", ""},
	{"sides of a passive verb turned round", "The historic backdrop of the Vienna talks is sometimes overshadowed by the enormity of the task at hand [6].", ""},
	{"sides of a verb the passage uses in the passive", "The interim deal in Geneva reaffirmed the theoretical bedrock of the process for all to see [12].", ""},
	{"stance the other way in a passive clause", "The theoretical bedrock of the process was undermined when the interim deal was reached in Geneva [12].", bot.ReasonContradiction},
	{"stance the other way denied", "Unlike years past, senior officials on both sides no longer deny that alternatives to diplomacy have narrowed the remaining escalatory options [7].", ""},
	{"stance the same way", "The theoretical bedrock of the process was confirmed for all to see when the interim deal was reached in Geneva [12].", ""},
	{"link of cause a sentence does not make", "The results should not be surprising, because moderates in Washington and Tehran prefer to solve conflict peacefully [5].", bot.ReasonUnsupported},
	{"link of cause beside a verb of making as a noun", "The forces for moderation are important because they do not believe the political systems in Washington and Tehran must be entrenched in permanent confrontation [6].", bot.ReasonUnsupported},
	{"link of cause a sentence makes by as and so", "The risk of spoilers lashing out rises because the seriousness of talks increases [1].", ""},
	{"link of cause beside a compound on through", "Washington and Tehran will need to lower expectations publicly because they must raise them privately through compromise [10].", bot.ReasonUnsupported},
	{"link of cause in an it-cleft on \"the\", an aside before \"that\"", "It was the empowerment of moderates in Tehran, in turn, that led Washington to abandon the failed approach of the past [5].", bot.ReasonUnsupported},
	{"the passage's link in an it-cleft on \"the\", an aside before \"that\"", "It was the abandoning of the failed approach of the past, in turn, that led to a slowly reinvigorated diplomatic process and empowered moderates in Washington and Tehran [5].", ""},
	{"link of cause in a cleft after a modal", "Lowering expectations publicly is what will lead Washington and Tehran to compromise and verifiable follow-through [10].", bot.ReasonUnsupported},
	{"what a term means is no link of cause", "By Public Diplomacy 101 the author means that Washington and Tehran should lower expectations in public while raising them in private through compromise [10].", ""},
	{"both as two", "The negotiations must avoid falling prey to fractious domestic politics in the two capitals [10].", ""},
	{"a pair named as two", "By backing the interim nuclear deal in Geneva, the two leaders provided an unprecedented foundation from which a final deal can grow [6].", ""},
	{"a pair named not as three", "By backing the interim nuclear deal in Geneva, the three leaders provided an unprecedented foundation from which a final deal can grow [6].", bot.ReasonNumber},
	{"a pair named not as a count of two", "President Obama and Ayatollah Khamenei openly supported two efforts to build confidence and resolve conflict [6].", bot.ReasonNumber},
	{"a pair named not as two years", "For two years, President Obama and Ayatollah Khamenei have openly supported efforts to build confidence and resolve conflict [6].", bot.ReasonNumber},
	{"both not as two full decades", "For the first time in over two full decades, both sides are showing a willingness to spend their political capital on peace [8].", bot.ReasonNumber},
	{"both not as two decades", "For the first time in over two decades, both sides are showing a willingness to spend their political capital on peace [8].", bot.ReasonNumber},
	{"one as a pronoun", "Diplomacy is like remodeling a house: it is probably going to be more complicated than one thinks [8].", ""},
	{"one as a pronoun, denied", "That dialogue should not be confused with one between two equal powers [9].", ""},
	{"even as an adverb", "Diplomacy would not be taking place without their direct involvement, even if rhetoric downplays the odds for success [11].", ""},
	{"a word and its opposite by prefix", "Building trust at the negotiating table is the only way that has turned mistrust into cooperation [2].", ""},
	{"a word and its opposite by prefix, reversed", "Building confidence at the negotiating table is the only pathway that has turned cooperation and trust into mistrust [2].", bot.ReasonContradiction},
	{"rather than, two things denied", "Iran is a regional power rather than a superpower or a rival of the Soviet Union [9].", ""},
	{"rather than, then a verb", "Iran is a regional power rather than a superpower and rivals the former Soviet Union [9].", bot.ReasonContradiction},
	{"far from the only one", "Building confidence at the negotiating table has been far from the only pathway that has turned mistrust into cooperation [2].", bot.ReasonContradiction},
	{"far from a place", "Far from Vienna, President Obama and Ayatollah Khamenei have openly supported efforts to build confidence and resolve conflict [6].", ""},
	{"a denied belief leaves its clause", "The forces for moderation reject the idea that the political systems in Washington and Tehran must be entrenched in permanent confrontation [6].", ""},
	{"the belief itself reversed", "The forces for moderation believe the political systems in Washington and Tehran must be entrenched in permanent confrontation [6].", bot.ReasonContradiction},
	{"like as a preposition", "Senior officials on both sides now openly acknowledge that alternatives to diplomacy, like an escalation of sanctions, have caused the drumbeat of war to intensify [7].", ""},
	{"a name through a word between", "Officials in Iran and the U.S. seem prepared to make the requisite political investment for diplomacy to succeed [3].", ""},
	{"less for no less", "The forces for moderation that do not believe the political systems must be entrenched in permanent confrontation are less important [6].", bot.ReasonContradiction},
	{"no less kept", "The forces for moderation that do not believe the political systems must be entrenched in permanent confrontation are no less important [6].", ""},
	{"a certainty the passage does not claim", "Iranian hardliners stress that dealing with a stronger interlocutor will inevitably threaten regime survival [9].", bot.ReasonUnsupported},
	{"a claim reported later", "Iranian and American officials are seemingly prepared to make the requisite political investment for diplomacy to succeed, and the author predicts that a final deal will be reached [3].", bot.ReasonUnsupported},
	{"a claim added in apposition", "Support at the top has created a trickle-down effect, with more officials in both capitals protecting and nurturing diplomacy, a shift that is likely to prove irreversible [11].", bot.ReasonUnsupported},
	{"a claim in apposition that the passage makes", "Support at the top has helped create a trickle-down effect, an effect that has produced a greater number of officials protecting diplomacy [11].", ""},
	{"a claim reported later that the passage makes", "The gap between technical and political solutions may be too wide to bridge, but the author argues that the likely alternative, war, is a stark reminder for both sides [3].", ""},
	{"a certainty in an adjective", "By backing the interim deal in Geneva, Obama and Khamenei provided an unprecedented foundation that makes a final deal all but certain [6].", bot.ReasonUnsupported},
	{"certain naming some", "A certain degree of skepticism surrounding the diplomatic process is understandable [12].", ""},
	{"a certainty in an adjective the passage claims in another word", "At this point only one thing is certain: it won't be easy [3].", ""},
	{"a certainty denied", "Success is not guaranteed, and rhetoric from both sides downplaying the odds for success should come as no surprise [11].", ""},
	{"a certainty the passage claims in another word", "At this point only one thing is certainly true: it won't be easy [3].", ""},
	{"a certainty the passage claims", "We are certainly in uncharted waters, though not yet in the clear [4].", ""},
	{"opposite quantity", "Congress has pushed for fewer hard-hitting sanctions [1].", bot.ReasonContradiction},
	{"same quantity", "Congress has pushed for more hard-hitting sanctions than before [1].", ""},
	{"all where the passage denies it", "Support at the top has created a trickle-down effect in which virtually all officials in both capitals now protect diplomacy [11].", bot.ReasonContradiction},
	{"all of a kind, spread", "Support at the top has produced officials throughout both capitals who protect and nurture diplomacy [11].", bot.ReasonContradiction},
	{"not all, as the passage says", "Support at the top has produced more officials in both capitals, though far from all of them, who protect diplomacy [11].", ""},
	{"another than the only one", "According to the author, economic pressure has been the only pathway to date that has turned mistrust into cooperation [2].", bot.ReasonContradiction},
	{"the only one, in other words", "Confidence-building at the table has been the only pathway to date that has turned mistrust into cooperation [2].", ""},
	{"a likeness the passage denies", "As in years past, senior officials on both sides openly acknowledge that alternatives to diplomacy have narrowed the remaining escalatory options [7].", bot.ReasonContradiction},
	{"a likeness denied as the passage does", "Unlike in years past, senior officials on both sides openly acknowledge that alternatives to diplomacy have narrowed the remaining escalatory options [7].", ""},
	{"word leaning the same way in place", "The results have been a slowly revived diplomatic process and empowered moderates in Washington and Tehran [5].", ""},
	{"a verb of thwarting leaning the other way in place", "The results have been a slowly reinvigorated diplomatic process and undercut moderates in Washington and Tehran [5].", bot.ReasonContradiction},
	{"leaning the other way between words alike", "Iranian and American officials appear reluctant to make the requisite political investment for diplomacy to succeed [3].", bot.ReasonContradiction},
	{"a word leaning the other way among the same words in another order", "The Geneva diplomacy strained relationships between the relevant parties [4].", bot.ReasonContradiction},
	{"a word leaning the same way among the same words in another order", "The Geneva diplomacy bolstered relationships between the relevant parties [4].", ""},
	{"a word of size the other way beside the same word", "Iran is a regional power, not a superpower, and the imbalance in power is minor [9].", bot.ReasonContradiction},
	{"a word of size the same way beside the same word", "Iran is a regional power, not a superpower, and the imbalance in power is enormous [9].", ""},
	{"a word of size the other way denied", "Iran is a regional power, not a superpower, and the imbalance in power is not minor [9].", ""},
	{"a word of un- the valence lexicon lacks in place", "Iranian and American officials seem unwilling to make the requisite political investment for diplomacy to succeed [3].", bot.ReasonContradiction},
	{"a word of under- in place", "Iranian and American officials seem understanding to make the requisite political investment for diplomacy to succeed [3].", ""},
	{"leaning the same way between words alike", "Iranian and American officials appear ready to make the requisite political investment for diplomacy to succeed [3].", ""},
	{"a particle that keeps the lean", "The results have been a slowly reinvigorated diplomatic process and killed off moderates in Washington and Tehran [5].", bot.ReasonContradiction},
	{"a phrasal verb leans no way its verb does", "Washington and Tehran will need to play down expectations publicly while raising them privately [10].", ""},
	{"hardliners for moderates", "The results have been a slowly reinvigorated diplomatic process and empowered hardliners in Washington and Tehran [5].", bot.ReasonContradiction},

	{"an opposite that only extends a passage's word", "Congress has publicly pushed for more hard-hitting sanctions [1].", ""}, // "confidenti(al)" is no "confid(ence)"
	{"the place of the cited section in the list", "The first issue is that Congress has pushed for more hard-hitting sanctions [1].", ""},
	{"the place of the cited section as a number", "Section 1 says Congress has pushed for more hard-hitting sanctions [1].", ""},
	{"another place in the list", "The second issue is that Congress has pushed for more hard-hitting sanctions [1].", bot.ReasonNumber},
	{"the section's place, not beside a list word", "Congress has pushed for the first hard-hitting sanctions [1].", bot.ReasonNumber},
	{"the section's place as a count", "Congress has pushed for more hard-hitting sanctions on 1 point [1].", bot.ReasonNumber},
	{"critical for success, vital", "A dialogue among equals is vital for success [9].", ""},
	{"criticism for credit", "Washington deserves criticism for abandoning the failed approach of the past [5].", bot.ReasonContradiction},
	{"a denial of what is whose", "The likely alternative, war, is a stark reminder that the status quo is neither in either side's interest nor sustainable [3].", ""},
	{"what it is for what it does", "It should be made clear to Iran that it is being challenged for what it is, not for what it does [9].", bot.ReasonContradiction},
	{"what it does, not what it is", "Iran is being challenged for what it does, not for what it is [9].", ""},
	{"what it is alone claims nothing", "The author argues that Iran should be seen for what it is: a regional power, not a superpower [9].", ""},
	{"a clause after a denial that gives no reason", "Nobody who follows the talks doubts that Congress has pushed for more hard-hitting sanctions [1].", ""},
	{"a contraction read as knowledge reads it", "The talks'll continue, though Congress has not pushed for more hard-hitting sanctions [1].", bot.ReasonContradiction},
	{"doubt cast on what the passage asserts", "Even after the interim deal in Geneva, it is no longer clear that a peaceful, diplomatic solution to the nuclear impasse is in the interest of both sides [12].", bot.ReasonContradiction},
	{"a ranking the passage does not make", "Iranian hardliners are seeking ways to narrow the window of opportunity that President Rouhani's team has to negotiate with Washington, and they are the most dangerous of all the spoilers [1].", bot.ReasonUnsupported},
	{"a ranking adverb the passage does not back", "Spoilers are chiefly elements seeking to score political points at home [1].", bot.ReasonUnsupported},
	{"a ranking the passage makes", "The most recent diplomatic efforts have already faced similar challenges [1].", ""},
	{"a degree the passage gives in its words", "While we are not yet in the clear, we are most certainly in uncharted waters [4].", ""},
	{"doubt cast on an idea", "The author says the interim deal reached in Geneva cast doubt on the idea that a peaceful, diplomatic solution is in both sides' interest [12].", bot.ReasonContradiction},
	{"a question called", "The interim deal in Geneva called into question whether a peaceful, diplomatic solution to the nuclear impasse is in the interest of both sides [12].", bot.ReasonContradiction},
	{"doubt cast by what was not settled", "The interim deal reached in Geneva did not settle whether a peaceful, diplomatic solution to the nuclear impasse is in the interest of both sides [12].", bot.ReasonContradiction},
	{"what the passage asserts, called clear", "The interim deal in Geneva made it clear that a peaceful, diplomatic solution to the nuclear impasse is in the interest of both sides [12].", ""},
	{"doubt the passage itself casts", "It is unclear whether the gap between technical solutions and political solutions is too wide to bridge [3].", ""},
	{"a denied hiding asserts what it hides", "Skepticism is understandable, but it should not obscure the interest both sides have in a peaceful, diplomatic solution to the nuclear impasse [12].", ""},
	{"too wide to bridge, unbridgeable", "It is fair to point out that the gap between technical solutions and political solutions may be unbridgeable [3].", ""},
	{"too wide to be bridged", "It is fair to point out that the gap between technical solutions and political solutions may be too wide to be bridged [3].", ""},
	{"too for also", "American officials too are prepared to make the requisite political investment for diplomacy to succeed [3].", ""},
	{"too for also, before a linking verb", "Iranian officials too seem prepared to make the requisite political investment for diplomacy to succeed [3].", ""},
	{"a contracted denial of a reason", "Iran is being challenged for what it does, and it isn't because of what it is [9].", ""},
	{"a denied overshadowing asserts the facts", "Words should not overshadow the facts: diplomacy would not be taking place without Obama and Khamenei's direct involvement in the process [11].", ""},
	{"a denied outweighing asserts the facts", "The author argues that words should not outweigh facts: diplomacy would not be taking place without Obama and Khamenei's direct involvement [11].", ""},
	{"a denied trumping asserts the facts", "The author says rhetoric should not trump the facts [11].", ""},
	{"a change the other way, between both neighbours", "Alternatives to diplomacy have not only caused the drumbeat of war to intensify, but also expanded the remaining escalatory options [7].", bot.ReasonContradiction},
	{"escalating for de-escalating", "This sharpened focus among American and Iranian decision-makers has presented a unique window of opportunity to continue escalating tensions and reach a final nuclear deal [7].", bot.ReasonContradiction},
	{"de-escalating kept", "This sharpened focus among American and Iranian decision-makers has opened a unique window to continue de-escalating tensions and reach a final nuclear deal [7].", ""},
	{"too wide to bridge, bridgeable", "It is fair to point out that the gap between technical solutions and political solutions may be bridged [3].", bot.ReasonContradiction},
	{"how the text puts it", "More hard-hitting sanctions, which the author presents as one of the challenges the most recent diplomatic efforts have faced [1].", ""},
	{"what the text calls something outright", "Iranian hardliners stress that dealing with a stronger interlocutor could threaten regime survival, a fear the author calls entirely unfounded [9].", bot.ReasonUnsupported},
	{"an opposite of a word the passage denies", "The results have been clear but unsurprising: a slowly reinvigorated diplomatic process and empowered moderates in Washington and Tehran [5].", ""},
	{"a word the passage denies, asserted", "The results have been clear and surprising: a slowly reinvigorated diplomatic process and empowered moderates in Washington and Tehran [5].", bot.ReasonContradiction},
	{"a synonym of a word the passage denies with not be", "The results have been clear yet genuinely astonishing to those following the process [5].", bot.ReasonContradiction},
	{"unwilling for prepared", "The author says Iranian and American officials remain unwilling to make the political investment diplomacy requires [3].", bot.ReasonContradiction},
	{"tacitly for openly", "Efforts to build confidence and resolve conflict were openly supported by President Obama but only tacitly tolerated by Ayatollah Khamenei [6].", bot.ReasonContradiction},
	{"exposed for covered", "The leaders need a degree of political cover, while the negotiating teams themselves should be exposed to domestic politics [10].", bot.ReasonContradiction},
	{"matched for an imbalance", "The author says the two sides are roughly evenly matched in power [9].", bot.ReasonContradiction},
	{"unevenly matched for an imbalance", "The author separates equal standing at the table from equal strength, stressing that the two countries are very unevenly matched [9].", ""},
	{"a growth denied", "Support at the top has helped create a trickle-down effect, although the number of officials in both capitals protecting and nurturing diplomacy has not grown [11].", bot.ReasonContradiction},
	{"a growth asserted", "Support at the top has helped create a trickle-down effect, and the number of officials in both capitals protecting diplomacy has grown [11].", ""},
	{"a shrinking asserted, where the passage says greater", "Support at the top trickles down, yet the number of officials in both capitals protecting diplomacy has shrunk [11].", bot.ReasonContradiction},
	{"held for years, where the passage says unlike years past", "Senior officials on both sides have openly acknowledged for years that an escalation of sanctions has caused the drumbeat of war to intensify [7].", bot.ReasonContradiction},
	{"held for decades, where the passage says it was long known but is so for the first time", "Both sides have regularly shown such a willingness to spend their political capital over the past three decades [8].", bot.ReasonContradiction},
	{"held for years, where the passage says it was long so", "Both sides have known for years that diplomacy is like remodeling a house, and they are now willing to spend political capital on peace [8].", ""},
	{"closer to war, where the passage acknowledges openly", "Senior officials on both sides now admit openly that supposed alternatives to diplomacy, like ratcheting up sanctions or expanding the technical side of Iran's nuclear program, have both made war seem closer and left each side with fewer escalatory options [7].", ""},
	{"a link back to the sentence before, the passages saying both apart", "Senior officials acknowledge that escalation has intensified the drumbeat of war [7]. This is why the gap between technical and political solutions may be too wide to bridge [3].", bot.ReasonUnsupported},
	{"a link back to the sentence before, which the passage makes", "Tangible deliverables that both sides can use to push back against hardliners at home are the only way to neutralize the spoilers [1]. As a result, the commitment to finding peaceful solutions will be stronger than the spoilers' commitment to confrontation [1].", ""},
	{"turned the other way round", "Building confidence at the negotiating table has turned cooperation into suspicion [2].", bot.ReasonContradiction},
	{"turned as the passage says, in its own words", "Building confidence at the negotiating table has turned distrust into cooperation [2].", ""},
	{"a view reported, then endorsed by a bare affirmation", "Some policymakers and pundits portray Iran as rivaling the former Soviet Union in threatening Western interests, and the author agrees that it does [9].", bot.ReasonContradiction},
	{"a view reported, then endorsed as shared", "Some policymakers and pundits portray Iran as rivaling the former Soviet Union in threatening Western interests, a view the author shares [9].", bot.ReasonContradiction},
	{"a view reported, then endorsed as not to be ruled out", "Some policymakers and pundits portray Iran as rivaling the former Soviet Union in threatening Western interests, which the author says cannot be ruled out [9].", bot.ReasonContradiction},
	{"a view reported, its endorsement denied", "Some policymakers and pundits portray Iran as rivaling the former Soviet Union in threatening Western interests, a view the author does not share [9].", ""},
	{"a view reported, then a clause of agreeing that is no one's endorsement", "Some policymakers and pundits portray Iran as rivaling the former Soviet Union in threatening Western interests, although both sides share an interest in a peaceful, diplomatic solution [9][12].", ""},
	{"a view reported, then rejected", "Some policymakers and pundits portray Iran as rivaling the former Soviet Union in threatening Western interests, but the author disagrees [9].", ""},
	{"the one doing a thing with another swapped with the other", "For the first time in recent memory, the Iranian government has demonstrated through word and deed that it is willing to have a real dialogue among equals with the U.S. [5].", bot.ReasonContradiction},
	{"a verb whose two sides do the same, either way round", "For the first time in recent memory, the Iranian government has agreed to have a real dialogue among equals with the U.S. [5].", ""},
	{"the one doing a thing with another, as the passage names them", "For the first time in recent memory, the U.S. has shown through word and deed that it is willing to have a real dialogue among equals with the Iranian government [5].", ""},
	{"something else than what the passage names between dashes", "The likely alternative is a prolonged stalemate, which reminds both sides that the status quo is neither in their interests nor sustainable [3].", bot.ReasonContradiction},
	{"what the passage names between dashes", "The likely alternative is war, which reminds both sides that the status quo is neither in their interests nor sustainable [3].", ""},
	{"another noun phrase's value", "The likely alternative to diplomacy is war, a stark reminder for both sides [3].", ""},
	{"what the passage says after the dashes", "The likely alternative is a stark reminder for both sides that the status quo is neither in their interests nor sustainable [3].", ""},
	{"a compound whose opposite the passage uses", "Foreign Minister Zarif, Secretary Kerry and their negotiating teams have repeatedly emphasized that zero-sum solutions are in the interest of both sides [11].", bot.ReasonContradiction},
	{"the compound the passage uses", "Foreign Minister Zarif, Secretary Kerry and their negotiating teams have repeatedly emphasized that win-win solutions are in the interest of both sides [11].", ""},
	{"the other way round from \"as X, so too Y\"", "According to the article, spoilers lashing out is what has made the talks more serious [1].", bot.ReasonUnsupported},
	{"the way \"as X, so too Y\" runs", "The increasing seriousness of talks is what raises the risk of spoilers lashing out [1].", ""},
	{"a report is no part of a cause: the passage's cause is what officials acknowledge", "It was the officials' open acknowledgment that caused the drumbeat of war to intensify [7].", bot.ReasonUnsupported},
	{"a report is no part of a cause, after \"because\"", "The remaining escalatory options narrowed because senior officials on both sides began openly acknowledging the costs of the alternatives [7].", bot.ReasonUnsupported},
	{"a report around a cause the passage gives", "Senior officials now acknowledge that these alternatives have caused the drumbeat of war to intensify [7].", ""},
	{"what is granted after an aside is the cause", "Because officials on both sides now openly admit, unlike in years past, that the alternatives narrowed their remaining escalatory options, this sharpened focus has presented a unique window of opportunity [7].", ""},
	{"\"that because\" opens the cause's clause", "Senior officials now acknowledge that because the escalation of sanctions intensified the drumbeat of war, Iran escalated the technical aspects of its nuclear program [7].", bot.ReasonUnsupported},
	{"an aside right after \"because\" is no cause", "Because, whatever the rhetoric downplaying the odds, the fact is that diplomacy would not be taking place without Obama and Khamenei's direct involvement [11].", ""},
	{"a conceded clause is no side of a link", "Despite rhetoric from both sides downplaying the odds for success, their involvement is what makes diplomacy possible [11].", ""},
	{"a cause before the concession's clause still links", "Rhetoric from both sides downplaying the odds is what makes diplomacy possible, despite the involvement of Obama and Khamenei [11].", bot.ReasonUnsupported},
	{"an everyday opposite in place: faint for stark", "The likely alternative — war — is a faint reminder for both sides that the status quo is neither in their interests nor sustainable [3].", bot.ReasonContradiction},
	{"an everyday opposite in place: peripheral for critical", "A dialogue among equals is peripheral to success, but it should not be confused with a dialogue between two equal powers [9].", bot.ReasonContradiction},
	{"an everyday opposite in place: clumsily for beautifully", "Ambassador John Limbert clumsily described the challenge that lies ahead [8].", bot.ReasonContradiction},
	{"an everyday opposite in place: commonplace for unique", "This sharpened focus among American and Iranian decision-makers has presented a commonplace window of opportunity to reach a final nuclear deal [7].", bot.ReasonContradiction},
	{"the word in place, as the passage has it", "Ambassador John Limbert beautifully described the challenge that lies ahead [8].", ""},
	{"turned away from what the passage keeps in focus", "Both sides will need to absorb these ideological criticisms and shift their attention away from their actual interests [2].", bot.ReasonContradiction},
	{"shifted from what the passage keeps in focus to something else", "Both sides will need to shift their attention from their actual interests to answering these ideological criticisms [2].", bot.ReasonContradiction},
	{"shifted from what the passage keeps in focus, as the author reports it", "The author says both sides will need to shift their attention from their actual interests to answering these ideological criticisms [2].", bot.ReasonContradiction},
	{"kept in focus, as the passage says", "Both sides will need to absorb these ideological criticisms and keep their attention on their actual interests [2].", ""},
	{"turned away from something the passage keeps out of focus", "Both sides will need to keep their sights focused on their actual interests and away from ideological criticisms [2].", ""},
	{"two changes tied the other way round", "The more serious the talks become, the less likely spoilers are to lash out [1].", bot.ReasonContradiction},
	{"two changes tied the way the passage ties them", "The more serious the talks become, the greater the risk that spoilers will lash out [1].", ""},
	{"certain of more than the one thing the passage is sure of", "The author is certain the talks will succeed, while conceding that it won't be easy [3].", bot.ReasonContradiction},
	{"certain of the one thing the passage is sure of", "The author is certain that it won't be easy [3].", ""},
	{"the one thing sure, as the passage says it", "The author says only one thing is certain, that it won't be easy [3].", ""},
	{"changing what the passage says is worked with", "Washington deserves credit for working toward a strategic endgame aimed at changing the political set-up in Tehran [5].", bot.ReasonContradiction},
	{"working with it, as the passage says", "Washington deserves credit for working toward a strategic, mutually agreed upon endgame with the current political set-up in Tehran [5].", ""},
	{"changing what the passage says was put aside", "Washington deserves credit for changing the failed approach of the past [5].", ""},
	{"undoing what the passage says was given", "By backing the interim nuclear deal in Geneva, Obama and Khamenei weakened the foundation from which a final deal can grow [6].", bot.ReasonContradiction},
	{"shrinking what the passage says was given, with a verb the passage uses of something else", "This sharpened focus among American and Iranian decision-makers has narrowed the window of opportunity to reach a final nuclear deal [7].", bot.ReasonContradiction},
	{"shrinking what the passage says was shrunk, beside what it gives", "Senior officials on both sides acknowledge that escalation has narrowed the remaining escalatory options [7].", ""},
	{"giving it, as the passage says", "By backing the interim nuclear deal in Geneva, Obama and Khamenei laid the foundation from which a final deal can grow [6].", ""},
	{"shrinking what the passage says is shrunk", "Iranian hardliners are seeking ways to narrow the window of opportunity that President Rouhani's team has to negotiate with Washington [1].", ""},
	{"fewer of what the passage wants more of, its adjective left out", "Congress has pushed for fewer sanctions [1].", bot.ReasonContradiction},
	{"more of it, its adjective left out", "Congress has pushed for more sanctions [1].", ""},
	{"a single one where the passage counts four", "Looking ahead, a single big picture issue will go a long way toward making or breaking the peace [4].", bot.ReasonContradiction},
	{"a handful where the passage says all", "Successful nuclear diplomacy in Geneva strengthened relationships between a handful of relevant parties [4].", bot.ReasonContradiction},
	{"as many times before, where the passage says for the first time", "As many times before, the U.S. has demonstrated through word and deed that it is willing to have a real dialogue among equals [5].", bot.ReasonContradiction},
	{"outweighs, the other way round from \"stronger than\"", "In turn, this will ensure that the spoilers' commitment to confrontation outweighs the commitment to finding peaceful solutions [1].", bot.ReasonContradiction},
	{"outweighs, the way \"stronger than\" runs", "In turn, this will ensure that the commitment to finding peaceful solutions outweighs the spoilers' commitment to confrontation [1].", ""},
	{"how often, the other way, before a verb put in other words", "Zarif and Kerry have only occasionally stressed that a window to work the diplomatic channel is in the interest of both sides [11].", bot.ReasonContradiction},
	{"how often, as the passage says, before a verb put in other words", "Zarif and Kerry have repeatedly stressed that a window to work the diplomatic channel is in the interest of both sides [11].", ""},
	{"all, as the passage says", "Successful nuclear diplomacy in Geneva strengthened relationships between all relevant parties [4].", ""},
	{"explains why, where the passage says both apart", "The senior Western official's remark explains why building confidence has turned mistrust into cooperation [2].", bot.ReasonUnsupported},
	{"explains why, as the passage helps explain", "The power imbalance explains why Iranian hardliners stress that dealing with a stronger interlocutor might threaten regime survival [9].", ""},
	{"a verb of enabling, where the passage says both apart", "Congress's push for sanctions enabled Iranian hardliners to narrow the window of opportunity [1].", bot.ReasonUnsupported},
	{"paving the way, where the passage says both apart", "Congress has pushed for more hard-hitting sanctions, paving the way for Iranian hardliners to narrow Rouhani's window [1].", bot.ReasonUnsupported},
	{"a response to, where the passage says both apart", "Iranian hardliners seeking ways to narrow the window of opportunity was a response to Congress pushing for more hard-hitting sanctions [1].", bot.ReasonUnsupported},
	{"because of this, pointing back, where the passage says both apart", "Congress has pushed for more hard-hitting sanctions, and because of this Iranian hardliners are seeking ways to narrow the window of opportunity [1].", bot.ReasonUnsupported},
	{"due to that, pointing back, where the passage says both apart", "Congress has pushed for more hard-hitting sanctions; due to that, Iranian hardliners are seeking ways to narrow the window of opportunity [1].", bot.ReasonUnsupported},
	{"because of this before a noun, the noun its cause, as the passage says", "The drumbeat of war has intensified because of this escalation of sanctions and of Iran's nuclear program [7].", ""},
	{"because of this, pointing back, where the passage makes the link", "Both sides can use tangible deliverables to push back against hardliners at home, and because of this the commitment to finding peaceful solutions will be stronger than the spoilers' commitment to confrontation [1].", ""},
	{"in reaction to, where the passage says both apart", "In reaction to Congress's push for sanctions, Iranian hardliners are seeking ways to narrow the window [1].", bot.ReasonUnsupported},
	{"a verb of letting in the passive links nothing", "Rhetoric downplaying the odds should come as no surprise, though words should not be allowed to overshadow the facts [11].", ""},
	{"in turn, opening a sentence, where the passage says both apart", "Congress has pushed for more hard-hitting sanctions [1]. In turn, Iranian hardliners are seeking ways to narrow the window [1].", bot.ReasonUnsupported},
	{"\"that is what\" pointing back, a cleft that makes no cause", "Diplomacy is like remodeling a house [8]. That is what Ambassador John Limbert described to the author [8].", ""},
	{"all of a kind, its word of all farther off", "Support at the top has created a trickle-down effect, so that officials across both capitals now uniformly protect and nurture diplomacy [11].", bot.ReasonContradiction},
	{"often before, but now", "Senior officials on both sides often denied it before, but now openly acknowledge that an escalation of sanctions has caused the drumbeat of war to intensify [7].", ""},
	{"easing what the passage wants more of", "Congress has pushed to ease sanctions [1].", bot.ReasonContradiction},
	{"easing tensions, where the talks increase", "As talks grow more serious, spoilers are likelier to lash out, and deliverables that ease tensions are the only way to neutralize them [1].", ""},
	{"one party for both sides", "Tangible deliverables that Washington can use to push back against hardliners at home are the only way to neutralize the spoilers [1].", bot.ReasonContradiction},
	{"one party for both sides, citing part by part", "Opponents portray diplomacy as appeasement [2], so deliverables that Washington can use to push back against hardliners at home are needed [1].", bot.ReasonContradiction},
	{"both sides, as the passage says", "Tangible deliverables that both sides can use to push back against hardliners at home are the only way to neutralize the spoilers [1].", ""},
	{"two names' deeds swapped, one in a cleft", "It is Congress that is seeking to narrow the window of opportunity for Rouhani's team, while Iranian hardliners push for more hard-hitting sanctions [1].", bot.ReasonContradiction},
	{"two names' deeds, one in a cleft", "It is Congress that has pushed for more hard-hitting sanctions, while Iranian hardliners seek to narrow the window of opportunity [1].", ""},
	{"set against what the passage says was abandoned", "Washington deserves credit for working toward a mutually agreed strategic endgame rather than repeating the failed approach of the past [5].", ""},
	{"repeating what the passage says was abandoned", "Washington deserves credit for repeating the failed approach of the past [5].", bot.ReasonContradiction},
	{"doubling down on what the passage says was abandoned, a few words on", "The author credits Washington for doubling down on its long-standing approach [5].", bot.ReasonContradiction},
	{"keeping up what the passage does not say was abandoned", "The author credits Washington for doubling down on its pursuit of a mutually agreed upon endgame [5].", ""},
	{"a clause denied by not that", "Iranian hardliners stress that dealing with a stronger interlocutor might lead to sacrificing national interests, though not that it might threaten regime survival [9].", bot.ReasonContradiction},
	{"a clause not denied", "Iranian hardliners stress that dealing with a stronger interlocutor might lead to sacrificing national interests, and that it might threaten regime survival [9].", ""},
	{"a clause right after a contrast is denied", "Iran is being challenged because of what it does rather than because of what it is [9].", ""},
	{"two doers' deeds swapped", "Iranian hardliners have pushed for more hard-hitting sanctions, while Congress is seeking ways to narrow the window Rouhani's team has to negotiate with Washington [1].", bot.ReasonContradiction},
	{"two doers' deeds swapped, the first doer first in the sentence", "Congress has sought to narrow the window President Rouhani's team has to negotiate, while Iranian hardliners have pushed for more hard-hitting sanctions [1].", bot.ReasonContradiction},
	{"two doers' deeds as the passage has them, the first doer first in the sentence", "Congress has pushed for more hard-hitting sanctions, while Iranian hardliners have sought to narrow the window Rouhani's team has to negotiate [1].", ""},
	{"two doers' deeds as the passage has them", "Congress has pushed for more hard-hitting sanctions, while Iranian hardliners are seeking ways to narrow the window Rouhani's team has to negotiate with Washington [1].", ""},
	{"a name before a deed says where", "By backing the Geneva interim deal, Obama and Khamenei provided an unprecedented foundation from which a final deal can grow [6].", ""},
	{"a change the other way in place", "Senior officials on both sides now openly acknowledge that alternatives to diplomacy have caused the drumbeat of war to fade [7].", bot.ReasonContradiction},
	{"a change the same way in place", "Senior officials on both sides now openly acknowledge that alternatives to diplomacy have caused the drumbeat of war to grow [7].", ""},
	{"a summary's attribution", "The opening paragraph warns that the risk of spoilers lashing out grows as talks become more serious [1].", ""},
	{"a summary's attribution by highlighting", "The introduction highlights the risk of spoilers lashing out [1].", ""},
	{"a leading attribution denied is a claim", "Nobody acknowledges that alleged alternatives to diplomacy have intensified the drumbeat of war [7].", bot.ReasonContradiction},
	{"an attribution denied is a claim", "Senior officials on both sides do not acknowledge that alleged alternatives to diplomacy have intensified the drumbeat of war [7].", bot.ReasonContradiction},

	{"a claim after the last citation", "By backing the interim deal in Geneva, Obama and Khamenei provided an unprecedented foundation [6], which makes a final agreement all but assured within months.", bot.ReasonUncited},
	{"a claim after the last citation, on its own", "It will be necessary to provide a degree of political cover for both leaders [10], since without it both would likely be forced from power.", bot.ReasonUncited},
	{"a claim after the last citation, naming what the passages name", "Washington and Tehran will need to lower expectations publicly while raising them privately [10]; the author adds that Tehran has been better at this than Washington.", bot.ReasonUncited},
	{"a faithful clause after the last citation", "Washington and Tehran will need to lower expectations publicly [10], while raising them privately.", ""},
	{"a pair the passages name, called both governments", "Both governments should play down hopes in public while raising them privately [10].", ""},
	{"a pair the passages name, called each side", "Each side should play down hopes in public while raising them privately [10].", ""},
	{"one party for two, in a sentence citing part way", "Congress has pushed for more hard-hitting sanctions [1], and efforts to build confidence have been openly supported by only President Obama [6].", bot.ReasonContradiction},
	{"a citation that leads the claim in", "As the article notes [1], Congress has pushed for more hard-hitting sanctions.", ""},

	// Support.
	{"paraphrase", "Iranian hardliners are trying to narrow the window Rouhani's team has to negotiate with Washington [1].", ""},
	{"words used alike", "The outcome, which the author says should not come as a surprise, has been a gradually revived diplomatic process and strengthened moderates in both capitals who would rather resolve conflict peacefully [5].", ""},
	{"a true sentence with a clause the passage does not make", "Iranian hardliners are seeking ways to narrow the window of opportunity that President Rouhani's team has to negotiate with Washington, while the hardliners secretly fund militias abroad [1].", bot.ReasonUnsupported},
	{"a clause whose only support is the passage's names", "Washington deserves credit for abandoning the failed approach of the past, and Tehran has matched this by toning down its hostile rhetoric toward the U.S. [5].", bot.ReasonUnsupported},
	{"a true sentence with a clause in other words", "Iranian hardliners are seeking ways to narrow the window of opportunity that President Rouhani's team has to negotiate with Washington, while Congress has pushed for tougher sanctions [1].", ""},
	{"what serves someone is in their interest", "A peaceful end to the impasse serves both [12].", ""},
	{"gradually for slowly", "It has produced a diplomatic process that is gradually coming back to life, along with stronger moderates in both Washington and Tehran who want to resolve the conflict peacefully [5].", ""},
	{"people, standing for whoever the sentence names", "They are the people who reject the idea that the political systems in Washington and Tehran are doomed to permanent confrontation [6].", ""},
	{"the idea, standing for what the sentence says of it", "These forces reject the idea that the political systems in Washington and Tehran are destined to stay locked in permanent confrontation [6].", ""},
	{"a short claim reported after a true one", "The only way to neutralize spoilers is to build confidence through tangible deliverables that both sides can use against hardliners at home, though he admits this approach has rarely worked before [1].", bot.ReasonUnsupported},
	{"claim the passage does not make", "Congress wants a trade agreement with Iran [1].", bot.ReasonUnsupported},
	{"opposite of a word the passage uses", "Congress wants a war with Iran [1].", bot.ReasonContradiction},
	{"claim from another passage", "Congress has pushed for more hard-hitting sanctions [3].", bot.ReasonUnsupported},
	// Who is given a quotation.
	{"a quotation given to someone else", "A senior Western official told the author that \"Diplomacy is like remodeling a house\" [2][8].", bot.ReasonQuote},
	{"the author's words given to someone", "Ambassador John Limbert warned that \"only one thing is for sure: it won't be easy\" [3][8].", bot.ReasonQuote},
	{"a quotation given to its speaker", "Ambassador John Limbert told the author that \"Diplomacy is like remodeling a house\" [8].", ""},
	{"the second sentence of a quotation given to its speaker", "A senior Western official told the author: \"We're in the business of pursuing our interests\" [2].", ""},
	{"a word of un- whose un is no prefix, in the passage", "This sharpened focus has presented a remarkable window of opportunity to continue de-escalating tensions [7].", ""},
	{"a word of un- that denies no lean, in the passage", "By backing the interim nuclear deal in Geneva, they provided a remarkable foundation for a final deal [6].", ""},
	{"a second quotation with a subject of its own", "Ambassador John Limbert said that \"Diplomacy is like remodeling a house,\" and both sides are now demonstrating \"a willingness to spend their (political) capital on peace\" [8].", ""},
	{"a cleft before a perfect that makes nothing", "That diplomacy is like remodeling a house is what has long been known to both sides [8].", ""},
	{"a cleft before an adverb and a verb of making", "Congress pushing for more hard-hitting sanctions is what ultimately pushed Iranian hardliners to seek ways to narrow the window of opportunity for Rouhani's team [1].", bot.ReasonUnsupported},
	{"a word of size denied by anything but", "The reality is that we face an imbalance in power that is anything but minor [9].", ""},
	{"a denial before an auxiliary and yet", "Both sides have long known this to be true, but neither has yet shown a willingness to spend its political capital on peace [8].", bot.ReasonContradiction},
	{"words the passage says in its own voice given to someone", "Foreign Minister Zarif has said that \"win-win solutions and a window to work the diplomatic channel are in the interest of both sides\" [11].", bot.ReasonQuote},
	{"a second quotation given to the first one's speaker", "A senior Western official said negotiators are \"not in the business of doing favors\" and are keeping \"their sights firmly focused on their actual interests\" [2].", bot.ReasonQuote},
	{"a second quotation the speaker's too", "A senior Western official said \"We're not in the business of doing favors\" and \"We're in the business of pursuing our interests\" [2].", ""},
	{"the author's words a speaker is said to urge", "A senior Western official urged both sides to \"absorb these ideological criticisms and keep their sights firmly focused on their actual interests\" [2].", bot.ReasonQuote},
	{"a country's name is no reporting word", "For the first time in recent memory, the United States has shown in words and deeds that it is willing to have a real \"dialogue among equals\" with Iran [5].", ""},
	{"a speaker named first", "Limbert warned that \"only one thing is for sure: it won't be easy\" [3][8].", bot.ReasonQuote},
	{"a speaker the quotation itself names", "According to Khamenei, \"diplomacy would not be taking place without Obama and Khamenei's direct involvement in the process\" [11].", bot.ReasonQuote},
	{"a quotation that is a word of the reporting verb too", "Ambassador John Limbert warned that \"war\" is a stark reminder for both sides [3][8].", bot.ReasonQuote},
	{"a name before the quotation that is no speaker", "Of Iranian and American officials, the author said that \"it won't be easy\" [3].", ""},
	{"another word for the speaker's role", "A senior Western diplomat told the author: \"We're in the business of pursuing our interests\" [2].", ""},
	{"a phrase in quotation marks given to no one", "The U.S. has shown that it is willing to have a real \"dialogue among equals\" with the Iranian government [5].", ""},
	// Links of cause.
	{"a cause between two sentences that say things apart", "Congress has pushed for more hard-hitting sanctions, which is why Iranian hardliners are seeking ways to narrow the window of opportunity for Rouhani's team [1].", bot.ReasonUnsupported},
	{"a cause opening the sentence", "Because successful nuclear diplomacy in Geneva strengthened relationships between all relevant parties, we are now in uncharted waters [4].", bot.ReasonUnsupported},
	{"a cause one sentence makes", "The risk of spoilers lashing out grows because the seriousness of the talks increases [1].", ""},
	{"a cause the next sentence carries on to", "A dialogue among equals should not be confused with a dialogue between two equal powers, because there is a huge imbalance in power [9].", ""},
	{"a linking adverb within its clause", "Obama and Khamenei are directly involved in the process, and support at the top has therefore helped create a trickle-down effect [11].", ""},
	{"a cause after a word of its own", "Largely because Congress has pushed for more hard-hitting sanctions, Iranian hardliners are seeking ways to narrow the window of opportunity for Rouhani's team [1].", bot.ReasonUnsupported},
	{"a second cause", "Because the seriousness of talks increases, the risk of spoilers lashing out grows, which is why Congress has pushed for more hard-hitting sanctions [1].", bot.ReasonUnsupported},
	{"a cleft with \"in turn\" inside it", "A slowly reinvigorated diplomatic process is in turn what empowered moderates in Washington and Tehran [5].", bot.ReasonUnsupported},
	{"a cleft with \"in part\" inside it", "Congress pushing for more hard-hitting sanctions is in part what led Iranian hardliners to seek ways to narrow the window of opportunity for Rouhani's team [1].", bot.ReasonUnsupported},
	{"a cause made by a cleft", "Congress pushing for more hard-hitting sanctions is what led Iranian hardliners to seek ways to narrow the window of opportunity for Rouhani's team [1].", bot.ReasonUnsupported},
	{"a cleft that makes no cause", "More hard-hitting sanctions are what Congress has pushed for, and narrowing the window of opportunity is what Iranian hardliners seek [1].", ""},
	{"a cause made by what has led", "Congress has pushed for more hard-hitting sanctions, which has led Iranian hardliners to seek ways to narrow the window of opportunity for Rouhani's team [1].", bot.ReasonUnsupported},
	{"a claim held that the passage says is not", "The forces for moderation are described as accepting that the political systems in Washington and Tehran must be entrenched in permanent confrontation [6].", bot.ReasonContradiction},
	{"a claim held with conviction that the passage says is not", "The forces for moderation are convinced that the political systems in Washington and Tehran must remain in permanent confrontation [6].", bot.ReasonContradiction},
	{"a claim held, without that, that the passage says is not", "The forces for moderation are described as accepting the political systems in Washington and Tehran must be entrenched in permanent confrontation [6].", bot.ReasonContradiction},
	{"a view the passage states, disowned by a word pointing back", "A degree of skepticism surrounding the diplomatic process is understandable, although the author does not consider that so [12].", bot.ReasonContradiction},
	{"a view the passage states, disowned", "The author names four big picture issues, though he does not think they will go a long way to making or breaking the peace [4].", bot.ReasonContradiction},
	{"a view the passage states, undisputed", "The author does not dispute that Iran is a regional power [9].", ""},
	{"a view the passage denies right after, agreed with", "The author agrees with the pundits who portray Iran as rivaling the former Soviet Union [9].", bot.ReasonContradiction},
	{"a view the passage denies right after, undisputed", "Some pundits portray Iran as rivaling the former Soviet Union, and the author does not dispute that portrayal [9].", bot.ReasonContradiction},
	{"a cause whose side the passage holds by its names alone", "Washington abandoned the failed approach of the past because moderates in Washington and Tehran had been empowered [5].", bot.ReasonUnsupported},
	{"a cause the passage makes, named the same way", "Washington abandoned the failed approach of the past, and as a result moderates in Washington and Tehran were empowered [5].", ""},
	{"a cause cited part way through", "Congress has pushed for more hard-hitting sanctions [1], which is why Iranian hardliners are seeking ways to narrow the window of opportunity for Rouhani's team [1].", bot.ReasonUnsupported},
	{"a quotation cited part way through given to someone else", "A senior Western official told the author [2] that \"Diplomacy is like remodeling a house\" [8].", bot.ReasonQuote},
}

func TestCheckerRules(t *testing.T) {
	ix := newIndex(t)
	passages := articleCitations(t, ix, rulePassages...)
	c := bot.NewChecker(ix)
	for _, tt := range ruleTests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.Verify(tt.draft, passages)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("got %v, want the draft used", err)
				}
				return
			}
			var r *bot.Refusal
			if !errors.As(err, &r) {
				t.Fatalf("got %v, want a *bot.Refusal for %q", err, tt.want)
			}
			if r.Reason != tt.want {
				t.Errorf("got reason %q (%v), want %q", r.Reason, err, tt.want)
			}
		})
	}
}

// TestStanceTheOtherWay checks that a verb calling into doubt what the
// passage's verb bears out, in its place, contradicts it.
func TestStanceTheOtherWay(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	passages := articleCitations(t, ix, "The very real presence of spoilers")
	for _, tt := range []struct {
		draft string
		want  bot.Reason
	}{
		{"Before the interim deal was struck, efforts by forward-thinking officials in Washington and Tehran disproved the old adage, no good deed goes unpunished [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers on all sides is widely disputed [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers on all sides is widely recognised [1].", ""},
	} {
		wantVerdict(t, tt.draft, c.Verify(tt.draft, passages), tt.want)
	}
}

// wantVerdict fails the test unless err is the verdict want: nil for
// "" (the draft used), else a *bot.Refusal for that reason.
func wantVerdict(t *testing.T, draft string, err error, want bot.Reason) {
	t.Helper()
	var r *bot.Refusal
	switch {
	case want == "" && err != nil:
		t.Errorf("%q: got %v, want the draft used", draft, err)
	case want != "" && (!errors.As(err, &r) || r.Reason != want):
		t.Errorf("%q: got %v, want a refusal for %q", draft, err, want)
	}
}

// TestSinceAsCause checks that "since" opening what has been or what is of
// many, or joining what two passages say, gives a reason, a link of cause
// the passages must make, while "since" telling when does not.
func TestSinceAsCause(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"Rhetoric from both sides downplaying", "Such rhetoric should come as no surprise, since support at the top has created a trickle-down effect among officials [1].", bot.ReasonUnsupported},
		{"Rhetoric from both sides downplaying", "Such rhetoric should come as no surprise, because support at the top has created a trickle-down effect among officials [1].", bot.ReasonUnsupported},
		{"No less important are the forces", "Efforts to build confidence have been openly supported by President Obama and Ayatollah Khamenei since the interim deal in Geneva was struck [1].", ""},
		// What is, of many, is a reason too.
		{"Rhetoric from both sides downplaying", "Rhetoric from both sides downplaying the odds for success should come as no surprise, since Obama and Khamenei are directly involved in the process [1].", bot.ReasonUnsupported},
	})
	// Between things two passages say apart, "since" gives a reason
	// whatever its tense.
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	two := articleCitations(t, ix, "A dialogue among equals is critical", "So, now the hard part begins")
	wantVerdicts(t, c, []verdictCase{
		{"Since Iran is only a regional power and not a superpower [1], the gap between technical and political solutions may be too wide to bridge [2].", two, bot.ReasonUnsupported},
		{"Iran is only a regional power and not a superpower [1], and the gap between technical and political solutions may be too wide to bridge [2].", two, ""},
	})
}

// TestLinkBesideAPassivesBy checks that "by" naming a passive's doer
// makes no link of cause: the passage sets "the interim deal was struck"
// and "efforts by officials" side by side.
func TestLinkBesideAPassivesBy(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	passages := articleCitations(t, ix, "The very real presence of spoilers")
	draft := "The interim deal in Geneva was struck because forward-thinking officials in Washington and Tehran made efforts to break the impasse [1]."
	wantVerdict(t, draft, c.Verify(draft, passages), bot.ReasonUnsupported)
}

// TestQuotationInSingleMarks checks that a passage quoting someone in
// single quotation marks quotes them: the draft may give them the words.
func TestQuotationInSingleMarks(t *testing.T) {
	c := bot.NewChecker(newIndex(t))
	passages := []bot.Citation{{ID: "p1", Doc: "d", Text: "Foreign Minister Zarif told reporters in Vienna: ‘We are ready to make the requisite political investment.’ Others were less sure."}}
	if err := c.Verify("Foreign Minister Zarif told reporters: \"We are ready to make the requisite political investment\" [1].", passages); err != nil {
		t.Errorf("got %v, want the quotation given to its speaker used", err)
	}
	if err := c.Verify("Foreign Minister Zarif told reporters that \"others were less sure\" [1].", passages); err == nil {
		t.Error("got the passage's own words given to Zarif used, want them refused")
	}
}

// TestSizeNearTheSameWord checks that a word of size the other way from
// the passage's, two words from a word beside it there, contradicts it:
// "the bigger picture is secondary" against "the bigger picture is no less
// important".
func TestSizeNearTheSameWord(t *testing.T) {
	ix := newIndex(t)
	passages := articleCitations(t, ix, "As nuclear talks commence here in Vienna")
	c := bot.NewChecker(ix)
	err := c.Verify("The author says the bigger picture is secondary to the technical details [1].", passages)
	if !errors.Is(err, bot.ErrContradiction) {
		t.Errorf("got %v, want %v", err, bot.ErrContradiction)
	}
	if err := c.Verify("The author says the bigger picture is no less important than the technical details [1].", passages); err != nil {
		t.Errorf("got %v for the passage's own claim, want it used", err)
	}
}

// TestClauseWordsUsedAlike checks that words used in the same contexts as
// the passage's (word vectors' neighbours: "influence", "signed") count
// towards a sentence's coverage but not a clause's: a true sentence with an
// invented clause is refused.
func TestClauseWordsUsedAlike(t *testing.T) {
	ix := newIndex(t)
	passages := articleCitations(t, ix, "The very real presence of spoilers")
	c := bot.NewChecker(ix)
	draft := "Spoilers have repeatedly torpedoed attempts at resolving tensions, and they will lose their influence once a final deal is signed [1]."
	if err := c.Verify(draft, passages); !errors.Is(err, bot.ErrUnsupported) {
		t.Errorf("got %v, want %v", err, bot.ErrUnsupported)
	}
}

func TestRefusal(t *testing.T) {
	ix := newIndex(t)
	passages := articleCitations(t, ix, rulePassages...)
	tests := []struct {
		draft        string
		wantSentence int
		wantIs       error
		wantTerm     string
	}{
		{"Congress has pushed for more hard-hitting sanctions [1]. The Senate agreed [1].", 2, bot.ErrUnsupportedFact, "senate"},
		{"Congress has pushed for sanctions [1]. Read https://example.com [1].", 2, bot.ErrUnsupportedFact, "https://example.com"},
		{"Congress has not pushed for more hard-hitting sanctions [1].", 1, bot.ErrContradiction, "pushed"},
		{`Congress demanded "an immediate military strike on Iran" [1].`, 1, bot.ErrInventedQuote, "an immediate military strike on Iran"},
		{"Congress wants a trade agreement with Iran [1].", 1, bot.ErrUnsupported, ""},
		{"Congress wants a war. Hardliners seek to narrow the window [1].", 1, bot.ErrUncitedSentence, "war"},
		{"Iran lied. Iran is a regional power, not a superpower [9].", 1, bot.ErrUncitedSentence, "lied"},
		{"Congress wants sanctions.", 0, bot.ErrNoCitation, ""},
	}
	for _, tt := range tests {
		err := bot.NewChecker(ix).Verify(tt.draft, passages)
		var r *bot.Refusal
		if !errors.As(err, &r) {
			t.Errorf("%q: got %v, want a *bot.Refusal", tt.draft, err)
			continue
		}
		if r.Sentence != tt.wantSentence || !errors.Is(err, tt.wantIs) || r.Term != tt.wantTerm {
			t.Errorf("%q: got sentence %d, %v, term %q; want sentence %d, %v, term %q",
				tt.draft, r.Sentence, err, r.Term, tt.wantSentence, tt.wantIs, tt.wantTerm)
		}
		// The error is logged above debug level: the draft's words stay out.
		if r.Term != "" && strings.Contains(err.Error(), r.Term) {
			t.Errorf("%q: error %q quotes the draft's %q", tt.draft, err, r.Term)
		}
		if tt.wantSentence > 0 && (r.Text == "" || !strings.Contains(tt.draft, r.Text)) {
			t.Errorf("%q: got sentence text %q, want the failing sentence", tt.draft, r.Text)
		}
	}
}

func TestCheckerWithoutLexicon(t *testing.T) {
	// The zero Checker matches words by stem alone.
	var c bot.Checker
	passages := []bot.Citation{{ID: "d#1", Text: "Congress has pushed for more hard-hitting sanctions."}}
	if err := c.Verify("Congress pushed for hard-hitting sanctions [1].", passages); err != nil {
		t.Errorf("same stems: got %v, want the draft used", err)
	}
	passages[0].Text = "Iranian hardliners are seeking ways to narrow the window."
	if err := c.Verify("Hardliners are trying [1].", passages); !errors.Is(err, bot.ErrUnsupported) {
		t.Errorf("synonyms without a lexicon: got %v, want %v", err, bot.ErrUnsupported)
	}
	if err := bot.NewChecker(newIndex(t)).Verify("Hardliners are trying [1].", passages); err != nil {
		t.Errorf("synonyms through the article's lexicon: got %v, want the draft used", err)
	}
}

func TestCheckerWithoutPassages(t *testing.T) {
	if err := bot.NewChecker(nil).Verify("Sanctions [1].", nil); !errors.Is(err, bot.ErrBadCitation) {
		t.Errorf("got %v, want %v", err, bot.ErrBadCitation)
	}
}

// TestBareDenial checks the reading of a sentence that a bare denial
// follows ("Some say that Congress wants war. It doesn't."): its clause is
// denied from after its subject, so that the subject keeps its polarity.
func TestBareDenial(t *testing.T) {
	c := bot.NewChecker(newIndex(t))
	congress := "Some say that Congress wants war with Iran. It doesn't."
	hardliners := "Some say that the hardliners want war with Iran. They don't."
	for _, tt := range []struct {
		passage, draft string
		want           bot.Reason
	}{
		{congress, "Congress does not want war with Iran [1].", ""},
		{congress, "Congress wants war with Iran [1].", bot.ReasonContradiction},
		{hardliners, "The hardliners do not want war with Iran [1].", ""},
		{hardliners, "The hardliners want war with Iran [1].", bot.ReasonContradiction},
	} {
		wantVerdict(t, tt.draft, c.Verify(tt.draft, []bot.Citation{{ID: "x#1", Text: tt.passage}}), tt.want)
	}
}

// TestListPlaceIsTheDocumentsOwn checks that "the first point" of a
// document's list is its own first theme, whatever comes before it in the
// knowledge base.
func TestListPlaceIsTheDocumentsOwn(t *testing.T) {
	ix := twoDocIndex(t)
	passages := articleCitations(t, ix, "A centrifuge spins")
	c := bot.NewChecker(ix)
	for _, draft := range []string{
		"The first point is that a centrifuge spins uranium hexafluoride gas at high speed [1].",
		"Point 1 says a centrifuge spins uranium hexafluoride gas at high speed [1].",
	} {
		if err := c.Verify(draft, passages); err != nil {
			t.Errorf("%q, the document's first theme: got %v, want the draft used", draft, err)
		}
	}
	var r *bot.Refusal
	if err := c.Verify("Point 5 says a centrifuge spins uranium hexafluoride gas at high speed [1].", passages); !errors.As(err, &r) || r.Reason != bot.ReasonNumber {
		t.Errorf("the knowledge base's fifth theme: got %v, want a refusal for a number", err)
	}
}

// TestReportedViews checks that a view the sentence reports as someone's
// portrayal or a supposition may say what the passage goes on to deny
// ("one would think that it rivals the former Soviet Union… Simply put:
// It doesn't."), while saying it in the sentence's own voice contradicts
// the passage, and so does a portrayal the other way from the passage's.
// A quotation within the view is part of it.
func TestReportedViews(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	rivals := articleCitations(t, ix, "A dialogue among equals is critical")
	portrays := articleCitations(t, ix, "Building confidence at the negotiating table")
	wantVerdicts(t, c, []verdictCase{
		{"In light of the way Iran is portrayed by some policymakers and pundits, one would think that it rivals the former Soviet Union in terms of threatening Western interests [1].", rivals, ""},
		{"Some policymakers and pundits portray Iran as if it rivals the former Soviet Union in threatening Western interests, but simply put, it doesn't [1].", rivals, ""},
		{"The author rejects the idea that Iran rivals the former Soviet Union as a threat to Western interests [1].", rivals, ""},
		{"Pundits make it sound as threatening to Western interests as the former Soviet Union, but the author says it is a regional power [1].", rivals, ""},
		{"Iran rivals the former Soviet Union in threatening Western interests [1].", rivals, bot.ReasonContradiction},
		// A quotation carries the view on: its words are reported too.
		{"The author notes one would think Iran \u201crivals the former Soviet Union in terms of threatening Western interests\u201d, then rejects it [1].", rivals, ""},
		{"Iran \u201crivals the former Soviet Union in terms of threatening Western interests\u201d [1].", rivals, bot.ReasonContradiction},
		{"If past is prologue, opponents of diplomacy will come to portray it as strength rather than appeasement [1].", portrays, bot.ReasonContradiction},
	})
}

// TestLinkTheSameSentenceDoesNotMake checks that a link of cause between
// two things one passage sentence sets side by side is refused even where
// that sentence carries on from the one before ("The results have been
// clear…"), whose words give one side too: the earlier sentence must give
// a side the later one does not.
func TestLinkTheSameSentenceDoesNotMake(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	passages := articleCitations(t, ix, "For the first time in recent memory")
	draft := "Moderates in Washington and Tehran have been empowered because the diplomatic process was slowly reinvigorated [1]."
	wantVerdict(t, draft, c.Verify(draft, passages), bot.ReasonUnsupported)
}

// TestLinkRunsFromTheEarlierSentence checks that two passage sentences,
// the later carrying on from the earlier ("The results have been
// clear…"), make a link of cause from the earlier to the later, not back;
// a later sentence that gives the reality behind the earlier ("The reality
// is that…") makes one either way, to what the earlier's contrast says
// when it has one.
func TestLinkRunsFromTheEarlierSentence(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	results := articleCitations(t, ix, "For the first time in recent memory")
	reality := articleCitations(t, ix, "A dialogue among equals is critical")
	wantVerdicts(t, c, []verdictCase{
		{"Moderates in Washington and Tehran who prefer to solve conflict peacefully have been empowered because Washington abandoned the failed approach of the past [1].", results, ""},
		{"Because moderates in Washington and Tehran prefer to solve conflict peacefully, Washington abandoned the failed approach of the past [1].", results, bot.ReasonUnsupported},
		{"Moderates in Washington and Tehran prefer to solve conflict peacefully, which is why Washington abandoned the failed approach of the past [1].", results, bot.ReasonUnsupported},
		{"A dialogue among equals should not be confused with a dialogue between two equal powers, because there is a huge imbalance in power [1].", reality, ""},
		// The reality explains what the contrast says, not what it sets
		// against it.
		{"Because there is a huge imbalance in power, a dialogue among equals is critical for success [1].", reality, bot.ReasonUnsupported},
		{"The huge imbalance in power is the reason a dialogue among equals is critical for success [1].", reality, bot.ReasonUnsupported},
	})
}

// TestLinkAfterAConjunction checks the side a link takes when its words
// come after "and" or "but": "…, and that is why Y" links the clause
// before the conjunction to Y, as "…, and that record of success is why Y"
// does, while "…, but because X, Y" links X to Y;
// and links made by a verb of making alone ("caused", "created by",
// "persuaded", "gave rise to").
func TestLinkAfterAConjunction(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	spoilers := articleCitations(t, ix, "The very real presence of spoilers")
	geneva := articleCitations(t, ix, "While we are not yet in the clear")
	results := articleCitations(t, ix, "For the first time in recent memory")
	support := articleCitations(t, ix, "No less important are the forces")
	spoilersCongress := articleCitations(t, ix, "The very real presence of spoilers", "The most recent diplomatic efforts")
	wantVerdicts(t, c, []verdictCase{
		{"Spoilers have repeatedly torpedoed attempts at resolving tensions, and that is why their presence on all sides is widely acknowledged [1].", spoilers, bot.ReasonUnsupported},
		{"Diplomacy in Geneva strengthened relationships between all relevant parties, and this is why four big picture issues will go a long way toward making or breaking the peace [1].", geneva, bot.ReasonUnsupported},
		{"The presence of spoilers on all sides is widely acknowledged [1], and elements seeking to score political points at home have repeatedly torpedoed attempts at resolving tensions [1].", spoilers, ""},
		{"Washington abandoned the failed approach of the past [1], and the results have been clear: a slowly reinvigorated diplomatic process [1].", results, ""},
		{"The enormity of the task sometimes overshadows the historic backdrop of the talks, but because Obama and Khamenei backed the interim deal in Geneva, they provided an unprecedented foundation from which a final deal can grow [1].", support, ""},
		// A demonstrative and a noun or two point back to the clause
		// before: that clause is the cause.
		{"Spoilers torpedoed attempts at resolving tensions before Geneva [1], and that record of success is why Congress has now pushed for more hard-hitting sanctions [2].", spoilersCongress, bot.ReasonUnsupported},
		{"Washington abandoned the failed approach of the past, and that approach change is why the results have been clear: a slowly reinvigorated diplomatic process [1].", results, ""},
		{"The presence of spoilers on all sides was created by forward-thinking officials in Washington and Tehran [1].", spoilers, bot.ReasonUnsupported},
		{"Forward-thinking officials in Washington and Tehran caused the presence of spoilers on all sides [1].", spoilers, bot.ReasonUnsupported},
		{"Efforts to break the impasse persuaded elements seeking to score political points at home to torpedo attempts at resolving tensions [1].", spoilers, bot.ReasonUnsupported},
	})
}

// TestLinkWithinASentenceRunsItsWay checks that a passage sentence whose
// words tell which side is the cause ("have caused", "led to",
// "presented") supports a
// draft's link only from that side, and that a passive "be made" tells
// none.
func TestLinkWithinASentenceRunsItsWay(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	escalation := articleCitations(t, ix, "Unlike years past")
	deed := articleCitations(t, ix, "A dialogue among equals is critical")
	opening := articleCitations(t, ix, "As nuclear talks commence")
	wantVerdicts(t, c, []verdictCase{
		{"Senior officials acknowledge that an escalation of sanctions has caused the drumbeat of war to intensify [1].", escalation, ""},
		{"The intensifying drumbeat of war is what has narrowed the remaining escalatory options that both sides have [1].", escalation, bot.ReasonUnsupported},
		{"Narrowed escalatory options led to an escalation of sanctions [1].", escalation, bot.ReasonUnsupported},
		// A verb moving someone to act: its doer is the cause.
		{"Senior officials now acknowledge that the escalation of sanctions led Iran to escalate the technical aspects of its nuclear program [1].", escalation, bot.ReasonUnsupported},
		{"Senior officials now acknowledge that an escalation of sanctions led the drumbeat to intensify [1].", escalation, ""},
		{"Iran should be shown, in word and deed, that it is being challenged because of what it does rather than because of what it is [1].", deed, ""},
		// Led to believe: no deed brought about.
		{"The way some policymakers and pundits portray Iran would lead one to believe that it rivals the former Soviet Union as a threat to Western interests [1].", deed, ""},
		// An it-cleft around "because": the cause runs to its "that".
		{"It is because of an escalation of sanctions that the drumbeat of war has intensified [1].", escalation, ""},
		{"It is precisely because the drumbeat of war intensified that sanctions escalated [1].", escalation, bot.ReasonUnsupported},
		{"It is precisely because the devil is in the details that the bigger picture provides an important backdrop to the negotiations [1].", opening, bot.ReasonUnsupported},
	})
	// "Presented" makes, as "produced" does.
	wantVerdicts(t, c, []verdictCase{
		{"Because American and Iranian decision-makers sharpened their focus, a unique window of opportunity to de-escalate tensions has opened [1].", escalation, ""},
		{"Because a unique window of opportunity to de-escalate tensions opened, American and Iranian decision-makers sharpened their focus [1].", escalation, bot.ReasonUnsupported},
	})
}

// TestDenialsWordedAnotherWay checks two denials the passage words
// otherwise: a condition whose denial falls on another word ("without
// their involvement, there would be no diplomacy" for "diplomacy would
// not be taking place without their involvement"), and a plural written
// possessive by an apostrophe alone, which a denial does not reach
// ("neither in both sides' interests"), and names a denial reaches, which
// it does not deny ("do not fall victim to the politics of Washington and
// Tehran" for "avoid falling prey to… politics in both capitals"). A
// denial of the claim itself is still a contradiction.
func TestDenialsWordedAnotherWay(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	involvement := articleCitations(t, ix, "Rhetoric from both sides downplaying")
	status := articleCitations(t, ix, "So, now the hard part begins")
	cover := articleCitations(t, ix, "If these negotiations are to successfully avoid")
	wantVerdicts(t, c, []verdictCase{
		{"Political cover is needed so that the negotiations do not fall victim to the divisive domestic politics of both Washington and Tehran [1].", cover, ""},
		{"Washington and Tehran will not need to lower expectations publicly [1].", cover, bot.ReasonContradiction},
		{"The author says that without the direct participation of Obama and Khamenei, there would be no diplomacy at all [1].", involvement, ""},
		{"Without the direct involvement of Obama and Khamenei in the process, no diplomacy would be taking place at all [1].", involvement, ""},
		{"Diplomacy would not depend on Obama and Khamenei's direct involvement in the process [1].", involvement, bot.ReasonContradiction},
		{"The likely alternative, war, is a stark reminder that the status quo is neither in both sides' interests nor sustainable [1].", status, ""},
		{"The likely alternative, war, is a stark reminder that the status quo is sustainable [1].", status, bot.ReasonContradiction},
	})
}

// verdictCase is a draft, the passages it cites and the verdict it must
// get: a refusal's reason, or "" for the draft used.
type verdictCase struct {
	draft    string
	passages []bot.Citation
	want     bot.Reason
}

// wantVerdicts checks each case's verdict by c.
func wantVerdicts(t *testing.T, c *bot.Checker, cases []verdictCase) {
	t.Helper()
	for _, tt := range cases {
		wantVerdict(t, tt.draft, c.Verify(tt.draft, tt.passages), tt.want)
	}
}

// TestOppositeInThePassagesPlace checks three ways a word the other way
// from the passage's is found in its place: a verb of change beside the
// two words it acts on there, a word closing its clause where the
// passage's closes its sentence, and names swapped round a deed when one
// is written as its adjective ("the Iranian government"), the dots of
// "U.S." ending no clause.
func TestOppositeInThePassagesPlace(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	options := articleCitations(t, ix, "Unlike years past")
	skepticism := articleCitations(t, ix, "A degree of skepticism")
	equals := articleCitations(t, ix, "For the first time in recent memory")
	wantVerdicts(t, c, []verdictCase{
		{"Officials admit that escalating sanctions have expanded the escalatory options both sides have [1].", options, bot.ReasonContradiction},
		{"Officials admit that escalating sanctions have calmed the drumbeat of war [1].", options, bot.ReasonContradiction},
		{"Officials admit that escalating sanctions have narrowed the remaining escalatory options [1].", options, ""},
		{"In the author's view, skepticism surrounding the diplomatic process is unwarranted and risks overlooking the bedrock the process rests on [1].", skepticism, bot.ReasonContradiction},
		{"The author finds skepticism surrounding the diplomatic process understandable, but says too much of it risks overlooking the bedrock of the process [1].", skepticism, ""},
		{"For the first time in recent memory, Iran has shown through word and deed that it is willing to have a real dialogue among equals with the U.S. government [1].", equals, bot.ReasonContradiction},
		{"For the first time in recent memory, the U.S. has shown through word and deed that it is willing to have a real dialogue among equals with the Iranian government [1].", equals, ""},
	})
}

// Nouns for what someone does or is stand for the passage's "what they
// do" and "what they are" set against each other, and keep its sides.
func TestWhatDoneOrIsInNouns(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	deed := articleCitations(t, ix, "A dialogue among equals is critical")
	wantVerdicts(t, c, []verdictCase{
		{"Iran should be challenged for its conduct, not for its identity [1].", deed, ""},
		{"It should be made clear to Iran that it is challenged for its actions, not for its nature [1].", deed, ""},
		{"Iran should be challenged for its identity, not for its conduct [1].", deed, bot.ReasonContradiction},
	})
}

// A span of time in another unit than its passages' is refused, the same
// span counted in another unit kept; so is something said to be over or
// behind where its passage says it begins.
func TestSpansAndEnds(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	days := articleCitations(t, ix, "As nuclear talks commence here in Vienna")
	hard := articleCitations(t, ix, "So, now the hard part begins")
	decades := articleCitations(t, ix, "Ambassador John Limbert")
	wantVerdicts(t, c, []verdictCase{
		{"The negotiations in Vienna will be taking place over the next several months [1].", days, bot.ReasonContradiction},
		{"The negotiations in Vienna will be taking place over the next few days [1].", days, ""},
		{"For the first time in over thirty years, both sides are simultaneously demonstrating a willingness to spend their capital on peace [1].", decades, ""},
		{"For the first time in over three years, both sides are simultaneously demonstrating a willingness to spend their capital on peace [1].", decades, bot.ReasonContradiction},
		{"The author says the hard part is now behind them [1].", hard, bot.ReasonContradiction},
		{"The author says the hard part is over [1].", hard, bot.ReasonContradiction},
		{"The author says the hard part now begins [1].", hard, ""},
	})
}

// TestOnePartyForMore checks that a sentence narrowing to one party what
// its passages say of two or of all contradicts them, and that a
// restriction the passages make, or one of something else, does not.
func TestOnePartyForMore(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The very real presence of spoilers", "Before the Geneva deal, forward-thinking officials in Tehran alone tried to break the impasse [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "Before the Geneva deal, forward-thinking officials in Washington and Tehran tried to break the impasse [1].", ""},
		{"The very real presence of spoilers", "The presence of spoilers on only one side is widely acknowledged [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "The presence of spoilers on one side alone is widely acknowledged [1].", bot.ReasonContradiction},
		{"No less important are the forces", "Efforts to build confidence and resolve conflict have been openly supported by only President Obama [1].", bot.ReasonContradiction},
		{"No less important are the forces", "Efforts to build confidence and resolve conflict have been openly supported by President Obama and Ayatollah Khamenei [1].", ""},
		{"So, now the hard part begins.", "Only the American officials seem prepared to make the requisite political investment for diplomacy to succeed [1].", bot.ReasonContradiction},
		{"So, now the hard part begins.", "Only one thing is for sure: it won't be easy [1].", ""},
		{"Ambassador John Limbert beautifully", "For the first time in over three decades, one side is demonstrating a willingness to spend its political capital on peace [1].", bot.ReasonContradiction},
		{"Ambassador John Limbert beautifully", "For the first time in over three decades, both sides are demonstrating a willingness to spend their political capital on peace [1].", ""},
		{"Ambassador John Limbert beautifully", "For the first time in over three decades, one of the two sides is demonstrating a willingness to spend its political capital on peace [1].", bot.ReasonContradiction},
		{"Building confidence at the negotiating", "Building confidence at the negotiating table has been the only pathway to date that turned mistrust into cooperation [1].", ""},
	})
}

// TestDeniedAssent checks that denying someone grants a claim ("they do
// not accept that…") contradicts a passage saying they grant it, and not
// one where they grant nothing.
func TestDeniedAssent(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"Unlike years past, senior officials", "Senior officials acknowledge that escalation intensified the drumbeat of war, but they do not accept that it narrowed their remaining escalatory options [1].", bot.ReasonContradiction},
		{"Unlike years past, senior officials", "Senior officials now openly acknowledge that escalation narrowed the remaining escalatory options [1].", ""},
		{"No less important are the forces", "The forces for moderation do not accept that the political systems in Washington and Tehran must remain locked in permanent confrontation [1].", ""},
		// A fear denied that the passage says is theirs.
		{"A dialogue among equals is critical", "Iranian hardliners do not fear that dealing with a stronger interlocutor might threaten regime survival [1].", bot.ReasonContradiction},
		{"A dialogue among equals is critical", "Iranian hardliners fear that dealing with a stronger interlocutor might threaten regime survival [1].", ""},
		// A belief denied, "that" left out.
		{"Unlike years past, senior officials", "Senior officials do not think escalation narrowed their remaining escalatory options [1].", bot.ReasonContradiction},
		{"No less important are the forces", "The forces for moderation do not believe the political systems in Washington and Tehran must remain locked in permanent confrontation [1].", ""},
	})
}

// TestAgainstInterest checks that setting something against an interest
// contradicts passages putting it in that interest, and denying it is
// against one passages denying it is in one, in a sentence citing
// one passage or part way through, as a grant denied and a thing known
// only now do.
func TestAgainstInterest(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"A degree of skepticism surrounding", "The author argues that a peaceful, diplomatic solution runs against the interests of both sides [1].", bot.ReasonContradiction},
		{"A degree of skepticism surrounding", "The author argues that a peaceful, diplomatic solution is in the interest of both sides [1].", ""},
		// Not against an interest is in it, where the passages deny
		// that the same thing is.
		{"So, now the hard part begins", "The likely alternative is war, but the status quo is not against either side's interests [1].", bot.ReasonContradiction},
		{"So, now the hard part begins", "The likely alternative is war, but the status quo is not in either side's interests [1].", ""},
	})
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	cites := articleCitations(t, ix, "Building confidence at the negotiating", "A degree of skepticism surrounding")
	draft := "Both sides must absorb ideological criticisms [1], and the author argues that a peaceful, diplomatic solution runs against the interests of both sides [2]."
	wantVerdict(t, draft, c.Verify(draft, cites), bot.ReasonContradiction)
	// So are a grant denied and a thing known only now.
	cites = articleCitations(t, ix, "The most recent diplomatic efforts", "Unlike years past, senior officials")
	draft = "Congress has pushed for more hard-hitting sanctions [1], but senior officials do not accept that escalation has narrowed the remaining escalatory options [2]."
	wantVerdict(t, draft, c.Verify(draft, cites), bot.ReasonContradiction)
	cites = articleCitations(t, ix, "The most recent diplomatic efforts", "Ambassador John Limbert beautifully")
	draft = "Congress has pushed for more hard-hitting sanctions [1], while both sides are only now discovering that diplomacy is complicated and costly [2]."
	wantVerdict(t, draft, c.Verify(draft, cites), bot.ReasonContradiction)
}

// TestKnownOnlyNow checks that saying someone knows a thing only now
// contradicts passages saying they have long known it.
func TestKnownOnlyNow(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"Ambassador John Limbert beautifully", "Both sides are only now discovering that diplomacy is more complicated and costly than they thought [1].", bot.ReasonContradiction},
		{"Ambassador John Limbert beautifully", "Both sides have long known that diplomacy is more complicated and costly than they thought [1].", ""},
		{"Ambassador John Limbert beautifully", "Only now are both sides demonstrating a willingness to spend their political capital on peace at the same time [1].", ""},
	})
}

// TestFirstPublished checks that "first published" says where a text
// originally appeared, no number, and that a count of its own is still
// refused.
func TestFirstPublished(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"This article originally appeared", "It was first published in the Huffington Post [1].", ""},
		{"This article originally appeared", "It was published in three outlets, the Huffington Post among them [1].", bot.ReasonNumber},
	})
}

// TestHowTheTextSaysIt checks that an adverb of how or where the text
// says a thing ("separately recommends"), or a word of place in a figure
// ("in front of"), is read for no opposite of the passage's words, and
// that the claim after it still is.
func TestHowTheTextSaysIt(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"If these negotiations are to successfully", "The author says it will be necessary to provide political cover for both leaders, and separately recommends that Washington and Tehran lower expectations publicly while raising them privately [1].", ""},
		{"If these negotiations are to successfully", "The author says it will be necessary to provide political cover for both leaders, and separately recommends that Washington and Tehran raise expectations publicly while lowering them privately [1].", bot.ReasonContradiction},
		{"No less important are the forces", "The enormity of the task in front of the negotiators sometimes overshadows the historic backdrop of the Vienna talks [1].", ""},
	})
}

// TestEverydayOpposites checks the everyday opposites WordNet leaves out,
// each in the place of its passage's word, or of the plain word of its
// passage's figure ("marginal" against "go a long way", which says
// "significant"): the draft is refused, and the passage's own word kept.
func TestEverydayOpposites(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"For the first time in recent memory", "Washington deserves credit for working toward an endgame it dictates unilaterally to Tehran [1].", bot.ReasonContradiction},
		{"For the first time in recent memory", "Washington deserves credit for working toward a mutually agreed endgame with Tehran [1].", ""},
		{"While we are not yet in the clear", "Four big picture issues will have only a marginal bearing on making or breaking the peace [1].", bot.ReasonContradiction},
		{"While we are not yet in the clear", "Four big picture issues will be significant in making or breaking the peace [1].", ""},
		{"So, now the hard part begins", "The author says the one certainty is that the process will be straightforward [1].", bot.ReasonContradiction},
		{"So, now the hard part begins", "The author says the one certainty is that the process will be hard [1].", ""},
		{"Rhetoric from both sides downplaying", "Rhetoric from both sides exaggerating the odds for success should come as no surprise [1].", bot.ReasonContradiction},
		{"Rhetoric from both sides downplaying", "Rhetoric from both sides downplaying the odds for success should come as no surprise [1].", ""},
		{"For the first time in recent memory", "The new U.S. approach has weakened moderates in Washington and Tehran who would rather resolve conflict peacefully [1].", bot.ReasonContradiction},
		{"For the first time in recent memory", "The U.S. has shown through word and deed that it is reluctant to have a real dialogue among equals with the Iranian government [1].", bot.ReasonContradiction},
		{"For the first time in recent memory", "The U.S. has shown through word and deed that it is willing to have a real dialogue among equals with the Iranian government [1].", ""},
		{"As nuclear talks commence", "As nuclear talks conclude in Vienna, much of the discussion has focused on the technical details a final deal must address [1].", bot.ReasonContradiction},
		{"As nuclear talks commence", "As nuclear talks begin in Vienna, much of the discussion has focused on the technical details a final deal must address [1].", ""},
		{"As nuclear talks commence", "The article says the discussion in Vienna has centred on the broad political picture, with the technical details of a final deal largely sidelined [1].", bot.ReasonContradiction},
		{"While we are not yet in the clear", "The author describes the situation as familiar territory, even if the parties are not yet in the clear [1].", bot.ReasonContradiction},
		{"While we are not yet in the clear", "The author says that while we are not yet in the clear, we are certainly in unknown territory [1].", ""},
		{"For the first time in recent memory", "The results have so far been murky: a slowly reinvigorated diplomatic process and empowered moderates [1].", bot.ReasonContradiction},
		{"For the first time in recent memory", "The results have been clear: a slowly reinvigorated diplomatic process and empowered moderates [1].", ""},
		{"No less important are the forces", "According to the article, the forces for moderation do not believe Washington and Tehran can ever escape permanent confrontation [1].", bot.ReasonContradiction},
		{"No less important are the forces", "The forces for moderation do not believe Washington and Tehran must stay entrenched in permanent confrontation [1].", ""},
		{"The most recent diplomatic efforts", "According to the article, the most recent diplomatic efforts have so far been spared such challenges [1].", bot.ReasonContradiction},
		{"The most recent diplomatic efforts", "The most recent diplomatic efforts have so far avoided such challenges [1].", bot.ReasonContradiction},
		{"The most recent diplomatic efforts", "According to the article, the most recent diplomatic efforts have already run into similar challenges [1].", ""},
		{"While we are not yet in the clear", "Successful nuclear diplomacy in Geneva damaged relationships between all relevant parties [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "The old adage was refuted by forward-thinking officials in Washington and Tehran [1].", bot.ReasonContradiction},
		{"A dialogue among equals is critical", "A dialogue among equals is optional for success [1].", bot.ReasonContradiction},
		{"A dialogue among equals is critical", "Iran is a global power, not merely a regional one [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "The presence of spoilers on all sides is widely contested [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "Few acknowledge the presence of spoilers on all sides [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "Many acknowledge the presence of spoilers on all sides [1].", ""},
		{"Ambassador John Limbert beautifully", "Limbert described the challenge ahead as straightforward [1].", bot.ReasonContradiction},
		{"Ambassador John Limbert beautifully", "For the first time in three decades, both sides are unwilling to spend political capital on peace [1].", bot.ReasonContradiction},
		{"Ambassador John Limbert beautifully", "For the first time in three decades, both sides are willing to spend political capital on peace [1].", ""},
		{"Ambassador John Limbert beautifully", "Both sides have long doubted this [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "Elements seeking to score political points at home have occasionally slowed attempts at resolving tensions [1].", bot.ReasonContradiction},
		{"No less important are the forces", "By backing the interim deal in Geneva, Obama and Khamenei provided a familiar foundation from which a final deal can grow [1].", bot.ReasonContradiction},
		{"No less important are the forces", "By backing the interim deal in Geneva, Obama and Khamenei provided an unprecedented foundation from which a final deal can grow [1].", ""},
		{"No less important are the forces", "President Obama and Ayatollah Khamenei have openly resisted efforts to build confidence and resolve conflict [1].", bot.ReasonContradiction},
		{"A dialogue among equals is critical", "A dialogue among equals is irrelevant to success, but it should not be confused with a dialogue between two equal powers [1].", bot.ReasonContradiction},
		{"A dialogue among equals is critical", "A dialogue among equals is crucial to success, but it should not be confused with a dialogue between two equal powers [1].", ""},
		{"The very real presence of spoilers", "The very real presence of spoilers on all sides is widely overlooked [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "The very real presence of spoilers on all sides is widely recognized [1].", ""},
		{"If these negotiations are to successfully", "It will be necessary to deprive both leaders of political cover [1].", bot.ReasonContradiction},
		{"No less important are the forces", "President Obama and Ayatollah Khamenei have quietly supported efforts to build confidence and resolve conflict [1].", bot.ReasonContradiction},
		{"No less important are the forces", "President Obama and Ayatollah Khamenei have openly supported efforts to build confidence and resolve conflict [1].", ""},
		{"If these negotiations are to successfully", "It will be necessary to give both leaders some political cover [1].", ""},
		{"Building confidence at the negotiating", "If past is prologue, supporters of diplomacy will continue portraying it as weakness, appeasement, or selling out to the enemy [1].", bot.ReasonContradiction},
		{"The most recent diplomatic efforts", "Iranian hardliners are seeking ways to extend the window of opportunity that President Rouhani's team has to negotiate with Washington [1].", bot.ReasonContradiction},
		{"The most recent diplomatic efforts", "Iranian hardliners are seeking ways to shrink the window of opportunity that President Rouhani's team has to negotiate with Washington [1].", ""},
		{"Building confidence at the negotiating", "The author expects opponents of diplomacy to abandon portraying it as weakness, appeasement, or selling out to the enemy [1].", bot.ReasonContradiction},
		{"Building confidence at the negotiating", "The author expects opponents of diplomacy to keep portraying it as weakness, appeasement, or selling out to the enemy [1].", ""},
		{"The most recent diplomatic efforts", "The most recent diplomatic efforts have escaped similar challenges [1].", bot.ReasonContradiction},
		{"The most recent diplomatic efforts", "The most recent diplomatic efforts have met similar challenges [1].", ""},
		{"No less important are the forces", "President Obama and Ayatollah Khamenei have privately supported efforts to build confidence and resolve conflict [1].", bot.ReasonContradiction},
		{"Rhetoric from both sides downplaying", "Support for diplomacy began among officials in both capitals and trickled up to the top [1].", bot.ReasonContradiction},
		{"Rhetoric from both sides downplaying", "Support at the top has trickled down to more officials in both capitals who protect diplomacy [1].", ""},
	})
}

// TestCauseItGives checks that a cause given after "because" must be the
// passage's, however short, and that a link the passage makes, or a
// sentence opening on "Because", is left to the other checks.
func TestCauseItGives(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"While we are not yet in the clear", "Successful diplomacy in Geneva strengthened relationships between all relevant parties because it was held on neutral ground [1].", bot.ReasonUnsupported},
		{"Rhetoric from both sides downplaying", "The leaders need political cover, because they have publicly downplayed the odds of success [1].", bot.ReasonUnsupported},
		{"The most recent diplomatic efforts", "The risk of spoilers lashing out rises because the seriousness of the talks increases [1].", ""},
		{"Rhetoric from both sides downplaying", "Because of support at the top, more officials in both capitals are protecting and nurturing diplomacy [1].", ""},
	})
}

// TestSynonymDeniedByNo checks that a draft may not assert a close
// synonym of what the passage denies with "no" ("unexpected",
// "startling", "astonishing" against "should come as no surprise"), and
// may deny it.
func TestSynonymDeniedByNo(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"Rhetoric from both sides downplaying", "The author finds the rhetoric from both sides downplaying the odds for success unexpected [1].", bot.ReasonContradiction},
		{"Rhetoric from both sides downplaying", "The author finds the rhetoric from both sides downplaying the odds for success not unexpected [1].", ""},
		{"Rhetoric from both sides downplaying", "Rhetoric from both sides downplaying the odds for success should be expected [1].", ""},
		{"Rhetoric from both sides downplaying", "The author finds it startling that both sides are downplaying the odds for success [1].", bot.ReasonContradiction},
		{"Rhetoric from both sides downplaying", "The author finds it astonishing that both sides are downplaying the odds for success [1].", bot.ReasonContradiction},
		// Denied, a word whose opposite in un- is such a synonym.
		{"Rhetoric from both sides downplaying", "The author says rhetoric from both sides downplaying the odds for success is not expected [1].", bot.ReasonContradiction},
	})
}

// TestReplacedOrImposedOn checks that a draft may not have what its
// passage speaks of replaced or imposed on when the passage says so by no
// form of the verb, and that "changed its approach" is left alone.
func TestReplacedOrImposedOn(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"For the first time in recent memory", "Washington is working toward an endgame that would replace the current political set-up in Tehran [1].", bot.ReasonContradiction},
		{"For the first time in recent memory", "The author credits Washington for working toward an endgame imposed on the current political set-up in Tehran [1].", bot.ReasonContradiction},
		{"For the first time in recent memory", "Washington is working toward an endgame imposed unilaterally on the current political set-up in Tehran [1].", bot.ReasonContradiction},
		{"For the first time in recent memory", "Washington is working toward an endgame agreed with the current political set-up in Tehran [1].", ""},
		{"For the first time in recent memory", "Washington changed its approach to Iran, abandoning the failed approach of the past [1].", ""},
	})
}

// TestOppositeOfAnotherSense checks that a word whose opposite is most
// often of another sense is no contradiction of it: "came from" against
// "go a long way", "the new round" against "the old adage".
func TestOppositeOfAnotherSense(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"Ambassador John Limbert beautifully", "The remodeling comparison came from Ambassador John Limbert [1].", ""},
		{"The very real presence of spoilers", "The very real presence of spoilers on all sides is widely acknowledged, in the new round as before [1].", ""},
	})
}

// TestNameTheDenialReaches checks that a name the passages' denial
// reaches ("…rivals the former Soviet Union… Simply put: It doesn't.") is
// still what a draft may speak of.
func TestNameTheDenialReaches(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"A dialogue among equals is critical", "The author answers the Soviet comparison bluntly: Iran is a regional power, not a superpower [1].", ""},
	})
}

// TestMovedNotSwapped checks that a draft putting a word with what the
// passage puts after it ("raise expectations privately", where it lowers
// them publicly and raises them privately) moved it, while putting it
// with what goes with the opposite word swapped it.
func TestMovedNotSwapped(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"If these negotiations are to successfully", "Washington and Tehran must raise expectations privately through compromise and verifiable follow-through [1].", ""},
		{"If these negotiations are to successfully", "Washington and Tehran must raise expectations publicly [1].", bot.ReasonContradiction},
		{"If these negotiations are to successfully", "Washington and Tehran must lower expectations privately [1].", bot.ReasonContradiction},
	})
}

// TestPairOnlyDenied checks that a draft may not assert two words in a
// row that its passage only denies together ("roughly equal powers"
// against "should not be confused with a dialogue between two equal
// powers"), and may deny them as it does.
func TestPairOnlyDenied(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"A dialogue among equals is critical", "The author argues that the two sides have become roughly equal powers [1].", bot.ReasonContradiction},
		{"A dialogue among equals is critical", "A dialogue among equals should not be confused with a dialogue between equal powers [1].", ""},
	})
}

// TestDeedOfItsTarget checks that a draft may not make doers of a deed
// those the passage names as the doers of what it was done to, and that
// the deed's own doers, or a word for them the passage uses elsewhere, may
// still be named.
func TestDeedOfItsTarget(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The very real presence of spoilers", "Forward-thinking officials in Washington and Tehran have repeatedly torpedoed attempts at resolving tensions [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "According to the article, forward-thinking officials have repeatedly torpedoed attempts at resolving tensions [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "It was the forward-thinking officials in Washington and Tehran who repeatedly torpedoed attempts at resolving tensions [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "Elements seeking to score political points at home have repeatedly torpedoed attempts at resolving tensions [1].", ""},
		{"The very real presence of spoilers", "Spoilers have repeatedly torpedoed attempts at resolving tensions [1].", ""},
		{"The very real presence of spoilers", "Forward-thinking officials in Washington and Tehran who tried to break the impasse before Geneva were punished for it [1].", ""},
	})
}

// TestEverydaySensesInDrafts checks that a draft may word a claim with an
// everyday sense the lexicon gives ("sunk" for "torpedoed", "willingness"
// for "willing", "distance" for "gap", "base" for "foundation"), a figure
// of speech ("locked in" for "entrenched", "cannot last" for "not
// sustainable", "to be expected" for "no surprise", "the road ahead" for
// what now begins, "getting under way" for "commence"), whose plain word is
// read for its polarity too ("can last" against "nor sustainable"), or
// the word whose un- form the passage uses, denied ("without precedent"
// for "unprecedented"), and that a claim those do not carry is still
// refused.
func TestEverydaySensesInDrafts(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The very real presence of spoilers", "Spoilers sunk them [1].", ""},
		{"The very real presence of spoilers", "Spoilers sunk shipping firms [1].", bot.ReasonUnsupported},
		{"For the first time in recent memory", "The U.S. shows willingness [1].", ""},
		{"A dialogue among equals is critical", "Hardliners worry [1].", ""},
		{"The most recent diplomatic efforts", "Tougher sanctions [1].", ""},
		{"While we are not yet in the clear", "Geneva gave useful insights [1].", ""},
		{"No less important are the forces", "Both systems are locked in [1].", ""},
		{"No less important are the forces", "Both systems are locked in [1], and Obama and Khamenei have openly supported efforts to build confidence [1].", ""},
		{"A degree of skepticism surrounding", "Dwelling on it is a risk [1].", ""},
		{"No less important are the forces", "Both systems are locked out [1].", bot.ReasonUnsupported},
		{"Ambassador John Limbert", "Diplomacy is slower and costlier than you think [1].", ""},
		{"Ambassador John Limbert", "Limbert says diplomacy will be slower and more expensive than you think [1].", ""},
		{"So, now the hard part begins", "The distance may be too wide [1].", ""},
		{"So, now the hard part begins", "War reminds both sides that the current situation cannot last [1].", ""},
		{"So, now the hard part begins", "War reminds both sides that the current situation can last [1].", bot.ReasonContradiction},
		{"Rhetoric from both sides downplaying", "Such rhetoric is to be expected [1].", ""},
		{"So, now the hard part begins", "The only certainty, in the author's view, is that the road ahead will be difficult [1].", ""},
		{"As nuclear talks commence", "The talks are getting under way in Vienna [1].", ""},
		{"Building confidence at the negotiating", "Both must withstand them [1].", ""},
		{"As nuclear talks commence", "Appropriately focused [1].", ""},
		{"No less important are the forces", "A foundation without precedent [1].", ""},
		{"No less important are the forces", "A foundation with a precedent [1].", bot.ReasonContradiction},
		{"A degree of skepticism surrounding", "A peaceful resolution [1].", ""},
		{"No less important are the forces", "They laid an unprecedented base for a final deal [1].", ""},
	})
}

// TestLinkWordedLoosely checks the links of cause an adverb or an
// adjective of directness splits ("led directly to", "in direct response
// to"), "and so" (not "and so on"), those a verb of persuading makes, and
// a cleft ("it was this skepticism that led…", "it was their backing that
// convinced…", not "it is this skepticism that the author calls…"), "the
// very reason": the passage sets the two things side by side,
// and makes no link between them.
func TestLinkWordedLoosely(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The very real presence of spoilers", "Efforts by forward-thinking officials in Washington and Tehran to break the impasse led directly to the interim deal in Geneva [1].", bot.ReasonUnsupported},
		{"The very real presence of spoilers", "Efforts by forward-thinking officials in Washington and Tehran to break the impasse came before the interim deal in Geneva [1].", ""},
		{"The most recent diplomatic efforts", "Tangible deliverables would persuade Congress to stop pushing for more hard-hitting sanctions [1].", bot.ReasonUnsupported},
		{"The most recent diplomatic efforts", "Iranian hardliners are seeking to narrow the window for President Rouhani's team in direct response to Congress's push for more hard-hitting sanctions [1].", bot.ReasonUnsupported},
		{"The most recent diplomatic efforts", "Iranian hardliners are seeking to narrow the window for President Rouhani's team, and Congress has pushed for more hard-hitting sanctions [1].", ""},
		{"Ambassador John Limbert", "Both sides have long known that diplomacy is complicated, and so for the first time in over three decades they are spending their political capital on peace [1].", bot.ReasonUnsupported},
		{"Ambassador John Limbert", "Both sides have long known that diplomacy is complicated, and so on [1].", ""},
		{"A degree of skepticism surrounding", "A degree of skepticism is understandable, and it was this skepticism that led the parties at Geneva to reaffirm that a peaceful, diplomatic solution is in the interest of both sides [1].", bot.ReasonUnsupported},
		{"A degree of skepticism surrounding", "It is this skepticism that the author calls understandable, while a peaceful, diplomatic solution is in the interest of both sides [1].", ""},
		// A cleft of a possessive: "it was their backing that
		// convinced…"; "the very reason" is "the reason".
		{"No less important are the forces", "By backing the interim nuclear deal in Geneva, Obama and Khamenei provided an unprecedented foundation from which a final deal can grow, and it was their backing that convinced the forces for moderation to build confidence and resolve conflict [1].", bot.ReasonUnsupported},
		{"While we are not yet in the clear", "The Geneva diplomacy provided valuable insights into the parties' perspectives, and it was those insights that strengthened relationships between all relevant parties [1].", bot.ReasonUnsupported},
		{"Rhetoric from both sides downplaying", "Diplomacy would not be taking place without Obama and Khamenei's direct involvement, and their involvement is the very reason rhetoric from both sides downplays the odds for success [1].", bot.ReasonUnsupported},
		{"Rhetoric from both sides downplaying", "Diplomacy would not be taking place without Obama and Khamenei's direct involvement, and rhetoric from both sides downplays the odds for success [1].", ""},
	})
}

// TestExamplesOnTheirOwn checks that the examples a sentence gives are
// covered on their own, in a sentence citing at its end or part way: an
// invented one is refused, though the rest of the sentence carries it, and
// one the passage gives is kept.
func TestExamplesOnTheirOwn(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The very real presence of spoilers", "Elements seeking to score political points at home or benefit from the continuation of conflict, notably defense contractors, have repeatedly torpedoed attempts at resolving tensions [1].", bot.ReasonUnsupported},
		{"As nuclear talks commence", "Most of the discussion has focused on the technical details that a final nuclear deal must address, such as limits on centrifuge numbers [1].", bot.ReasonUnsupported},
		{"The very real presence of spoilers", "The presence of spoilers on all sides is widely acknowledged [1], and elements seeking to score political points at home or benefit from the continuation of conflict, notably defense contractors, have repeatedly torpedoed attempts at resolving tensions [1].", bot.ReasonUnsupported},
		{"Unlike years past, senior officials", "Senior officials now acknowledge that alternatives to diplomacy, such as an escalation of sanctions, have caused the drumbeat of war to intensify [1].", ""},
	})
}

// passageDraft is a draft citing the one passage of the article that
// opens with passage, and the verdict it should get (see wantVerdict).
type passageDraft struct {
	passage, draft string
	want           bot.Reason
}

// verifyEach checks each draft against its passage.
func verifyEach(t *testing.T, drafts []passageDraft) {
	t.Helper()
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	for _, tt := range drafts {
		wantVerdict(t, tt.draft, c.Verify(tt.draft, articleCitations(t, ix, tt.passage)), tt.want)
	}
}

// TestDenialTheSourceLacks checks that a sentence denying what the
// passages' sentence it draws on says, with a denial on a word of its own
// ("are not realistic" for "are in the interest of"), is a contradiction,
// while a denial the source makes too, by a short "It doesn't." after it
// or by the prefix un- ("without precedent" for "unprecedented"), is not.
func TestDenialTheSourceLacks(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	winWin := articleCitations(t, ix, "Rhetoric from both sides downplaying")
	rival := articleCitations(t, ix, "A dialogue among equals is critical")
	backing := articleCitations(t, ix, "No less important are the forces")
	wantVerdicts(t, c, []verdictCase{
		{"Zarif and Kerry have repeatedly emphasized that win-win solutions are not realistic [1].", winWin, bot.ReasonContradiction},
		{"Zarif and Kerry have repeatedly emphasized that win-win solutions are in the interest of both sides [1].", winWin, ""},
		{"The author says Iran does not rival the former Soviet Union in threatening Western interests [1].", rival, ""},
		{"By endorsing the interim agreement, Obama and Khamenei laid a groundwork without precedent on which a final deal can be built [1].", backing, ""},
	})
}

// TestUnWordOfASynonym checks that a word of un- whose base is a close
// synonym of a word the passage asserts ("unjustified" against
// "understandable") contradicts it, as the base itself would.
func TestUnWordOfASynonym(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"A degree of skepticism surrounding", "The author calls skepticism about the diplomatic process unjustified [1].", bot.ReasonContradiction},
		{"A degree of skepticism surrounding", "The author calls a degree of skepticism about the diplomatic process justified [1].", ""},
	})
}

// TestConfinedToOneParty checks that a draft may not confine to one party
// what its passage says of every side, unless it denies the confining.
func TestConfinedToOneParty(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The very real presence of spoilers", "The presence of spoilers is widely acknowledged to be confined to Tehran [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "The presence of spoilers is widely acknowledged, and it is not confined to Tehran [1].", ""},
	})
}

// TestLossDenied checks that a loss denied ("without losing sight of")
// asserts what is lost, and that losing it contradicts keeping it.
func TestLossDenied(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"Building confidence at the negotiating", "Both sides must absorb the ideological criticisms without losing sight of their actual interests [1].", ""},
		{"Building confidence at the negotiating", "Both sides must absorb the ideological criticisms and lose sight of their actual interests [1].", bot.ReasonContradiction},
	})
}

// TestLeanOfADeniedWord checks that a word the passage only denies leans
// the other way: "untenable" says what "neither in their interests" does,
// and "tenable" the opposite.
func TestLeanOfADeniedWord(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"So, now the hard part begins", "The likely alternative, war, reminds both sides that the status quo is untenable [1].", ""},
		{"So, now the hard part begins", "The likely alternative, war, reminds both sides that the status quo is in their interests [1].", bot.ReasonContradiction},
	})
}

// TestListItems checks that an item of a list its passage does not give is
// refused, however well the passage covers the rest of the list or the
// words after it.
func TestListItems(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"Unlike years past, senior officials", "The alternatives named are an escalation of sanctions, covert cyber attacks, and an escalation in the technical aspects of Iran's nuclear program [1].", bot.ReasonUnsupported},
		{"Unlike years past, senior officials", "The alternatives named are an escalation of sanctions, an escalation in the technical aspects of Iran's nuclear program, and the drumbeat of war they raised [1].", ""},
		// The last item ends where the sentence goes on: "as alleged
		// alternatives to diplomacy" does not hold the blockade.
		{"Unlike years past, senior officials", "The article mentions an escalation of sanctions, an escalation in the technical aspects of Iran's nuclear program, and a naval blockade of Iranian ports as alleged alternatives to diplomacy [1].", bot.ReasonUnsupported},
		{"Unlike years past, senior officials", "An escalation of sanctions, an escalation in the technical aspects of Iran's nuclear program, and the drumbeat of war are named as alternatives to diplomacy [1].", ""},
	})
}

// TestChangesAlong checks that what a passage says changes along with
// something else ("as the seriousness of talks increases, so too does the
// risk of spoilers lashing out") may not be said to change the other way.
func TestChangesAlong(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The most recent diplomatic efforts", "According to the article, the risk of spoilers lashing out shrinks as the talks grow more serious [1].", bot.ReasonContradiction},
		{"The most recent diplomatic efforts", "The risk of spoilers lashing out diminishes as talks become more serious [1].", bot.ReasonContradiction},
		{"The most recent diplomatic efforts", "According to the article, the risk of spoilers lashing out grows as the talks grow more serious [1].", ""},
		{"The most recent diplomatic efforts", "As talks become more serious, the risk of spoilers lashing out rises [1].", ""},
	})
}

// TestMattersJustAsMuch checks that what matters just as much, or
// deserves as much attention, is held by what is no less important, and
// that what matters less contradicts it, as "less important" does.
func TestMattersJustAsMuch(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"As nuclear talks commence here in Vienna", "The author grants that the technical details rightly get attention but insists the wider context matters just as much [1].", ""},
		{"As nuclear talks commence here in Vienna", "The author grants that the technical details rightly get attention but insists the wider context deserves as much attention [1].", ""},
		{"As nuclear talks commence here in Vienna", "The author grants that the technical details rightly get attention but insists the wider context matters far less [1].", bot.ReasonContradiction},
		{"As nuclear talks commence here in Vienna", "The author says the bigger picture offers some backdrop but matters far less than the technical details [1].", bot.ReasonContradiction},
	})
}

// TestRegainingMomentum checks that what regains momentum is held by
// what is reinvigorated.
func TestRegainingMomentum(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"For the first time in recent memory", "The shift has yielded a diplomatic process that is gradually regaining momentum and has strengthened moderates in both capitals who favor peaceful conflict resolution [1].", ""},
	})
}

// TestWinningPoints checks that who wins political points scores them.
func TestWinningPoints(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The very real presence of spoilers", "Those looking to win political points domestically, or who gain from the conflict dragging on, have sabotaged efforts to ease tensions time and again [1].", ""},
	})
}

// TestAppetiteOutweighed checks that an appetite outweighed is held by a
// commitment something is stronger than.
func TestAppetiteOutweighed(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The most recent diplomatic efforts", "The author’s prescription is concrete results: if each side can point to real gains, it can fend off its own hardliners, and the commitment to peace will outweigh the spoilers’ appetite for confrontation [1].", ""},
	})
}

// TestFiguresOfTheirOwn checks that a draft's figure of speech is held by
// the plain words the passages use: what one loses sight of is overlooked,
// what is to unfold is to take place, to deliver on a promise is to
// follow through on it, and earlier years are years past.
func TestFiguresOfTheirOwn(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"A degree of skepticism surrounding", "Some doubt is reasonable, the author concedes, but dwelling on it too much risks losing sight of the basic premise the whole process is built on [1].", ""},
		{"As nuclear talks commence here in Vienna", "The author indicates that this is a short round: the negotiations in Vienna will unfold over the coming few days [1].", ""},
		{"If these negotiations are to", "In public, both governments should play down expectations, while behind the scenes they build them up through compromise and verifiable delivery on their commitments [1].", ""},
		{"For the first time in recent memory", "Because it has dropped its unsuccessful approach of earlier years and is now pursuing a strategic, jointly agreed endgame with Tehran’s existing political system [1].", ""},
	})
}

// TestEffectBesideTheCause checks that two things a passage gives side by
// side as its link's cause ("alternatives — such as an escalation of
// sanctions, or an escalation in the technical aspects… — have caused the
// drumbeat of war to intensify") are not linked to each other, while the
// link it makes stands.
func TestEffectBesideTheCause(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"Unlike years past, senior officials", "Senior officials acknowledge that the escalation of sanctions caused Iran to escalate the technical aspects of its nuclear program [1].", bot.ReasonUnsupported},
		{"Unlike years past, senior officials", "Senior officials acknowledge that an escalation of sanctions has caused the drumbeat of war to intensify [1].", ""},
	})
}

// TestWithoutAsACondition checks that "Without X, Y risks…" states a
// condition, the need for X, which passages saying X is necessary hold,
// while "Y will succeed without X" denies that X is needed.
func TestWithoutAsACondition(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"If these negotiations are to", "Without political cover for both leaders, the negotiations risk falling prey to fractious domestic politics in Washington and Tehran [1].", ""},
		{"If these negotiations are to", "The negotiations can avoid fractious domestic politics without political cover for both leaders [1].", bot.ReasonContradiction},
	})
}

// TestPassiveOfCause checks that a verb of causing in the passive with
// "by" ("mobilized by", "prompted by") gives a cause after it, held to a
// link the passages make.
func TestPassiveOfCause(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The very real presence of spoilers", "The author says spoilers were mobilized by the Geneva interim deal itself, which threatened their ability to score political points at home [1].", bot.ReasonUnsupported},
		{"The very real presence of spoilers", "Elements seeking to score political points at home or benefit from the continuation of conflict have repeatedly torpedoed attempts at resolving tensions [1].", ""},
	})
}

// TestWhichInTurn checks that "…, which in turn…" makes a link of cause,
// held to one the passages make ("In turn, this will ensure…").
func TestWhichInTurn(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The most recent diplomatic efforts", "Congress has pushed for more hard-hitting sanctions, which in turn emboldened Iranian hardliners to narrow the window of opportunity that President Rouhani's team has [1].", bot.ReasonUnsupported},
		{"The most recent diplomatic efforts", "The only way to neutralize spoilers is to build confidence through tangible deliverables, which in turn will ensure that the commitment to finding peaceful solutions will be stronger than the spoilers' commitment to confrontation [1].", ""},
	})
}

// TestClaimReportedWithoutItsSayer checks that a claim reported after a
// first one with the one who says it left out ("…, and suggests that…",
// "…, adding that…") is checked on its own.
func TestClaimReportedWithoutItsSayer(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"As nuclear talks commence here in Vienna", "The author says the bigger picture is no less important than the technical details, and suggests that the negotiators themselves have largely ignored it [1].", bot.ReasonUnsupported},
		{"As nuclear talks commence here in Vienna", "The author says the bigger picture is no less important than the technical details, adding that the delegations in Vienna mostly dismiss it [1].", bot.ReasonUnsupported},
		{"As nuclear talks commence here in Vienna", "The author says the technical details rightly get attention, and suggests that the bigger picture is no less important [1].", ""},
		// A warning is left to the sentence's coverage: it most often words
		// the passage's risk its own way.
		{"A degree of skepticism surrounding", "The author accepts some skepticism as understandable but warns that dwelling on it obscures the core principle reaffirmed in Geneva: both sides benefit from a peaceful, diplomatic solution to the nuclear impasse [1].", ""},
	})
}

// TestCauseSideEndsWithItsClause checks that the side after a word of
// cause runs to the end of its clause: what a later clause adds is no
// part of the cause, and a passage sentence holding it does not make the
// link.
func TestCauseSideEndsWithItsClause(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"No less important are the forces", "Obama and Khamenei backed the interim nuclear deal in Geneva because the forces for moderation persuaded them to, and in doing so provided an unprecedented foundation from which a final deal can grow [1].", bot.ReasonUnsupported},
		{"No less important are the forces", "By backing the interim nuclear deal in Geneva, Obama and Khamenei provided an unprecedented foundation from which a final deal can grow [1].", ""},
	})
}

// TestCauseThroughAWordWrittenAsNameOnce checks that a word the passage
// capitalises once in a title ("Public Diplomacy 101") and writes in lower
// case elsewhere is no name: a link it makes through that word stands.
func TestCauseThroughAWordWrittenAsNameOnce(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	cites := articleCitations(t, ix, "Rhetoric from both sides downplaying")
	draft := "The author says downbeat rhetoric from both sides is expected, but stresses that the diplomacy exists only because Obama and Khamenei are directly involved; their backing has filtered down to more officials who protect the process [1]."
	wantVerdict(t, draft, c.Verify(draft, cites), "")
}

// TestContrastSetsAsideWhatThePassageUsesElsewhere checks that what a
// contrast sets aside may be spoken of elsewhere in the passage, and that
// the passage putting it beside what the sentence prefers is a
// contradiction still.
func TestContrastSetsAsideWhatThePassageUsesElsewhere(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	cites := articleCitations(t, ix, "A degree of skepticism surrounding", "Building confidence at the negotiating")
	draft := "The whole process rests on a shared interest in a peaceful, diplomatic solution [1], and both sides must keep their focus on their actual interests rather than on ideological criticisms [2]."
	wantVerdict(t, draft, c.Verify(draft, cites), "")
	verifyEach(t, []passageDraft{
		{"The most recent diplomatic efforts", "Congress has pushed for diplomacy rather than more hard-hitting sanctions [1].", bot.ReasonContradiction},
	})
}

// TestWordKeptWithWhatFollowsIt checks that a word the passage uses, with
// a word it puts up to three words after it, is no swap for the opposite
// the passage puts before the same word.
func TestWordKeptWithWhatFollowsIt(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"If these negotiations are to", "In private, both capitals will need to raise expectations through compromise and verifiable follow-through [1].", ""},
		{"If these negotiations are to", "Washington and Tehran will need to raise expectations publicly [1].", bot.ReasonContradiction},
	})
}

// TestNoThingGoesUnpunished checks that "no good deed goes unpunished"
// says good deeds are punished: a draft saying so is kept, one saying
// they went unpunished, or were rewarded, is refused.
func TestNoThingGoesUnpunished(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The very real presence of spoilers", "Before Geneva, forward-thinking officials in Washington and Tehran found their good deeds punished, as the old adage says [1].", ""},
		{"The very real presence of spoilers", "Before Geneva, forward-thinking officials in Washington and Tehran saw their good deeds go unpunished [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "Before Geneva, the efforts of forward-thinking officials in Washington and Tehran to break the impasse were rewarded [1].", bot.ReasonContradiction},
	})
}

// TestViewTheTextDenies checks that a title before a name the denial
// reaches ("the former Soviet Union") is spoken of as the name is, and
// that claiming as so the view the passage gives only to deny it is a
// contradiction.
func TestViewTheTextDenies(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"A dialogue among equals is critical", "To hear some pundits, Iran threatens Western interests the way the former Soviet Union did, but in reality it is a regional power, not a superpower [1].", ""},
		{"A dialogue among equals is critical", "The author contends that Iran poses a threat to Western interests similar to that of the former Soviet Union [1].", bot.ReasonContradiction},
	})
}

// TestDenialEndsAtASubjectOfItsOwn checks that a denial does not reach
// past "and" into a clause with a subject of its own.
func TestDenialEndsAtASubjectOfItsOwn(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"So, now the hard part begins", "The author says it won't be easy and the gap between technical and political solutions may be too wide to bridge [1].", ""},
	})
}

// TestPeopleDescribedAsOthersAre checks that people the passage describes
// one way may not be described with a word the article uses of others
// ("hardline officials" for "forward-thinking officials"), while a word
// the article never uses, or a compound, is left to coverage.
func TestPeopleDescribedAsOthersAre(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"The very real presence of spoilers", "Before the interim deal in Geneva, hardline officials in Washington and Tehran tried to break the impasse [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "Before the interim deal in Geneva, forward-looking officials in Washington and Tehran tried to break the impasse [1].", ""},
		{"The very real presence of spoilers", "Before the interim deal in Geneva, visionary officials in Washington and Tehran tried to break the impasse [1].", ""},
	})
}

// TestCheckRestartedKeepsItsPassages: a draft that stops extending what was
// checked so far (a stream rewritten) is checked afresh against the same
// passages, their places among the themes kept.
func TestCheckRestartedKeepsItsPassages(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	cites := articleCitations(t, ix, "The most recent diplomatic efforts", "So, now the hard part begins.")
	if err := bot.FeedRestarted(c, cites, "Congress has pushed for more hard-hitting sanctions [1]. It", "Iranian hardliners are seeking ways to narrow the window of opportunity [1]."); err != nil {
		t.Errorf("a faithful draft after a restart: got %v, want it used", err)
	}
	err := bot.FeedRestarted(c, cites, "Congress has pushed for more hard-hitting sanctions [1]. It", "Congress has pushed for more hard-hitting sanctions [1].\n\nThis is why the gap between technical and political solutions may be too wide to bridge [2].")
	if err != nil {
		t.Errorf("a link back across a paragraph break: got %v, want it left to each sentence's own check", err)
	}
	err = bot.FeedRestarted(c, cites, "Congress", "Congress has pushed for more hard-hitting sanctions [1]. This is why the gap between technical and political solutions may be too wide to bridge [2].")
	var r *bot.Refusal
	if !errors.As(err, &r) || r.Reason != bot.ReasonUnsupported {
		t.Errorf("a link back to the sentence before: got %v, want it refused", err)
	}
}

// TestReviewedReadings checks readings a review of the doubt, reply and
// hiding rules asked for: a doubt the passage casts too, or one the
// sentence itself denies, is no contradiction; "a response to" names a
// reply unless it says what something was; the name "Trump" is no verb
// that puts one thing above another.
func TestReviewedReadings(t *testing.T) {
	c := bot.NewChecker(newIndex(t))
	cite := func(text string) []bot.Citation {
		return []bot.Citation{{ID: "p#1", Doc: "p", Text: text}}
	}
	for _, tt := range []struct {
		passage, draft string
		want           bot.Reason
	}{
		{"It is not clear that the sanctions regime will hold through the winter.",
			"It is not clear that the sanctions regime will hold through the winter [1].", ""},
		{"It is not clear that the sanctions regime will hold through the winter.",
			"It is unclear whether the sanctions regime will hold through the winter [1].", ""},
		{"The sanctions regime will hold through the winter.",
			"It is unclear whether the sanctions regime will hold through the winter [1].", bot.ReasonContradiction},
		{"Washington sent its reply to the latest Iranian proposal on enrichment.",
			"Washington sent a response to the latest Iranian proposal on enrichment [1].", ""},
		{"Washington raised tariffs. Beijing cut its imports of soybeans.",
			"Beijing cutting its imports of soybeans was a response to Washington raising tariffs [1].", bot.ReasonUnsupported},
		{"Trump did not meet the envoy. The envoy spoke to the press in Geneva.",
			"Trump did not meet the envoy, who spoke to the press in Geneva [1].", ""},
	} {
		wantVerdict(t, tt.draft, c.Verify(tt.draft, cite(tt.passage)), tt.want)
	}
}

// TestDoubtOfWhatIsGranted checks that doubting or denying what the
// passages say is acknowledged, in the active or the passive, contradicts
// them, and that a doubt of what they grant nowhere does not.
func TestDoubtOfWhatIsGranted(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	spoilers := articleCitations(t, ix, "The very real presence of spoilers")
	escalation := articleCitations(t, ix, "Unlike years past")
	wantVerdicts(t, c, []verdictCase{
		{"Many observers doubt that spoilers are present on all sides [1].", spoilers, bot.ReasonContradiction},
		{"The very real presence of spoilers on all sides is widely acknowledged [1].", spoilers, ""},
		{"Senior officials on both sides now dispute that the alternatives to diplomacy have narrowed their remaining escalatory options [1].", escalation, bot.ReasonContradiction},
		{"Senior officials on both sides now openly acknowledge that the alternatives to diplomacy have narrowed their remaining escalatory options [1].", escalation, ""},
		{"Many observers doubt whether forward-thinking officials in Washington and Tehran reaffirmed the old adage [1].", spoilers, ""},
	})
}

// TestReadingsKeptWithinBounds checks the bounds of this round's readings:
// a turn away that the text makes, that is avoided or that may only
// happen; a doubt made small, past or hard to hold; "every single"; a
// "that" a verb of saying takes inside an it-cleft; a "that" in the main
// clause after a verb of granting; a quotation right after "because".
func TestReadingsKeptWithinBounds(t *testing.T) {
	ix := newIndex(t)
	c := bot.NewChecker(ix)
	p := func(opening ...string) []bot.Citation { return articleCitations(t, ix, opening...) }
	spoilers, recent := p("The very real presence of spoilers"), p("The most recent diplomatic efforts")
	escalation, building := p("Unlike years past"), p("Building confidence at the negotiating")
	opening, geneva := p("As nuclear talks commence"), p("While we are not yet in the clear")
	wantVerdicts(t, c, []verdictCase{
		{"The article moves from the technical details to the bigger picture [1].", opening, ""},
		{"The opening paragraph shifts the focus from the technical details to the bigger picture [1].", opening, ""},
		{"Both sides will need to absorb these ideological criticisms and avoid drifting away from their actual interests [1].", building, ""},
		{"Ideological criticisms threaten to pull both sides away from their actual interests [1].", building, ""},
		{"Few doubt that spoilers are present on all sides [1].", spoilers, ""},
		{"It is hard to deny that spoilers are present on all sides [1].", spoilers, ""},
		{"There is little doubt that spoilers are present on all sides [1].", spoilers, ""},
		{"Officials who once denied that the alternatives to diplomacy narrowed their escalatory options now openly acknowledge it [1].", escalation, ""},
		{"Spoilers are present on every single side [1].", spoilers, ""},
		{"Successful nuclear diplomacy in Geneva strengthened relationships between every single relevant party [1].", geneva, ""},
		{"It is because senior officials now openly acknowledge that the alternatives to diplomacy have narrowed their escalatory options [1].", escalation, ""},
		{"Because the presence of spoilers is widely acknowledged, Congress insists that sanctions be more hard-hitting [1][2].", append(spoilers, recent...), bot.ReasonUnsupported},
		{"Because “no good deed goes unpunished,” Congress has pushed for more hard-hitting sanctions [1][2].", append(spoilers, recent...), bot.ReasonUnsupported},
	})
}

// TestFigureOpposedAmongTheSameWords checks that a figure of speech or a
// phrasal verb whose plain word is the opposite of a word the passage
// puts among the same words is refused as a contradiction ("as the talks
// wind down in Vienna" against "as nuclear talks commence here in
// Vienna", "setting aside their actual interests" against "keep their
// sights firmly focused on their actual interests", "talking up the odds"
// against "downplaying the odds"), that the figure is kept where the
// passage uses its plain word as well ("behind closed doors" where it
// says "privately", though it says "publicly" too), and that the figure
// said the passage's way is kept. A figure of the passage opposes as its
// plain word would, where neither is denied ("reaffirmed for all to see"
// against "reaffirmed behind closed doors").
func TestFigureOpposedAmongTheSameWords(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"As nuclear talks commence", "As the talks wind down in Vienna, much of the discussion has focused on the technical details [1].", bot.ReasonContradiction},
		{"As nuclear talks commence", "As the talks get under way in Vienna, much of the discussion has focused on the technical details [1].", ""},
		{"Building confidence at the negotiating", "Both sides will need to absorb the ideological criticisms while setting aside their actual interests [1].", bot.ReasonContradiction},
		{"Rhetoric from both sides downplaying", "Rhetoric from both sides talking up the odds for success should come as no surprise [1].", bot.ReasonContradiction},
		{"Rhetoric from both sides downplaying", "Rhetoric from both sides playing down the odds for success should come as no surprise [1].", ""},
		{"Ambassador John Limbert", "For the first time in over three decades, the sides are taking turns showing a willingness to spend political capital on peace [1].", bot.ReasonContradiction},
		{"If these negotiations are to successfully", "Washington and Tehran will need to lower expectations in public while raising them behind closed doors [1].", ""},
		{"No less important are the forces", "Obama backed the interim nuclear deal in Geneva [1]. Ayatollah Khamenei distanced himself from the interim nuclear deal in Geneva [1].", bot.ReasonContradiction},
		{"No less important are the forces", "Obama backed the interim nuclear deal in Geneva [1]. Tehran distanced itself from the interim nuclear deal in Geneva [1].", bot.ReasonContradiction},
		// "Simultaneously" is no opposite of "alternative".
		{"So, now the hard part begins", "The likely alternative, war, is simultaneously a stark reminder for both sides that the status quo is neither in their interests nor sustainable [1].", ""},
		{"The very real presence of spoilers", "Spoilers have torpedoed attempts at resolving tensions on a single occasion, the author says [1].", bot.ReasonContradiction},
		{"The very real presence of spoilers", "Spoilers have torpedoed attempts at resolving tensions time and again, the author says [1].", ""},
		// A figure of one word ("for all to see": "publicly") in the
		// passage opposes too.
		{"A degree of skepticism surrounding", "According to the author, the bedrock of the process was reaffirmed behind closed doors in Geneva [1].", bot.ReasonContradiction},
		{"A degree of skepticism surrounding", "According to the author, the bedrock of the process was reaffirmed for all to see in Geneva [1].", ""},
	})
}

// TestJudgementsTurnedRound checks that faulting what the passage gives
// credit for, calling unwarranted what it calls understandable, or a
// stopgap what it calls a foundation, is refused as a contradiction, and
// that the passage's own judgement is kept.
func TestJudgementsTurnedRound(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"For the first time in recent memory", "The author faults Washington for abandoning the failed approach of the past [1].", bot.ReasonContradiction},
		{"For the first time in recent memory", "The author credits Washington for abandoning the failed approach of the past [1].", ""},
		{"No less important are the forces", "By backing the interim nuclear deal in Geneva, Obama and Khamenei provided a fragile stopgap that a final deal will have to replace [1].", bot.ReasonContradiction},
		{"No less important are the forces", "By backing the interim nuclear deal in Geneva, Obama and Khamenei provided a foundation from which a final deal can grow [1].", ""},
		{"A degree of skepticism surrounding", "The author calls skepticism about the process unwarranted, and warns that it risks overlooking the bedrock of the process [1].", bot.ReasonContradiction},
		{"A degree of skepticism surrounding", "The author calls skepticism about the process understandable, and warns that overemphasizing it risks overlooking the bedrock of the process [1].", ""},
	})
}

// TestCleftVerbIsTheLinks checks that the verb of making after a cleft
// ("X is what created Y") is read as the link's, not as a word of the
// effect: the effect is then the passage's own cause ("the hardliners'
// concern about regime survival is what created the power imbalance"
// against "acknowledging this power imbalance helps explain a concern
// that Iranian hardliners stress…"), refused, while a link the passage
// makes in its own words ("diplomacy would not be taking place without
// Obama and Khamenei's direct involvement") is kept.
func TestCleftVerbIsTheLinks(t *testing.T) {
	verifyEach(t, []passageDraft{
		{"A dialogue among equals is critical", "According to the article, the hardliners' concern about regime survival is what created the power imbalance [1].", bot.ReasonUnsupported},
		{"Rhetoric from both sides downplaying", "Obama and Khamenei's direct involvement is what makes the diplomacy possible at all [1].", ""},
		// An effect of one word after the verb, the clause running on.
		{"Unlike years past, senior officials", "The sharpened focus among decision-makers is what caused the escalation [1].", bot.ReasonUnsupported},
		{"Unlike years past, senior officials", "The unique window of opportunity is what narrowed the options [1].", bot.ReasonUnsupported},
	})
}
