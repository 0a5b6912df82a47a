package bot

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/knowledge"
)

// followUpLeads open a question that refers back to the previous turn:
// "and the Iranian side?", "what about Congress?".
var followUpLeads = [][]string{{"and"}, {"what", "about"}, {"how", "about"}, {"what", "of"}, {"like"}}

// personalPronouns stand for someone or something named before: wherever
// they stand in a question, they refer back to the previous turn.
var personalPronouns = map[string]bool{
	"they": true, "them": true, "their": true, "he": true, "him": true, "his": true,
	"she": true, "her": true, "it": true, "its": true,
}

// demonstratives refer back to the previous turn too ("why is that?"),
// though "this article" refers to the text itself.
var demonstratives = map[string]bool{"this": true, "that": true, "these": true, "those": true}

// ellipsisWords is the most words a question with no topic of its own may
// have and still take the previous turn's ("why?", "how so?", "why is
// that?") without a personal pronoun saying so.
const ellipsisWords = 3

// words splits q into lower-case runs of letters: "it's" gives "it", "s".
func words(q string) []string {
	return strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) })
}

// A message may open with a greeting, the name of whom it addresses or a
// label before its question: "hi! where are the talks?", "hey bot, …",
// "Q: …", "Question 2: …".
var (
	greetingWords = setOf(`hi hello hey hiya howdy yo greetings morning afternoon evening`)
	addressWords  = setOf(`there bot talksbot all everyone folks team good`)
	labelWords    = setOf(`q question quick`)
	// bareAddress may follow a greeting without punctuation: "hey bot
	// where…", not "hey all sides want what?".
	bareAddress = setOf(`bot talksbot everyone folks`)
)

// withoutPreamble returns question without the greetings, addresses and
// labels that open it, if words remain.
func withoutPreamble(question string) string {
	for {
		rest, ok := cutPreamble(question)
		if !ok || !hasWord(rest) {
			return question
		}
		question = rest
	}
}

// cutPreamble cuts one preamble off q: a few greeting, address or label
// words ended by punctuation ("hey bot,", "Q:", "Question 2 -"), or
// greeting words and the address after them ("hey bot where…").
func cutPreamble(q string) (string, bool) {
	if i := strings.IndexAny(q, ",!:.–—-"); i > 0 && (q[i] != '-' || strings.HasPrefix(q[i-1:], " - ")) {
		ws := words(q[:i])
		preamble := len(ws) > 0 && len(ws) <= 3 && !slices.ContainsFunc(ws, func(w string) bool {
			return !greetingWords[w] && !addressWords[w] && !labelWords[w] && !interjections[w]
		})
		if preamble {
			return strings.TrimLeft(q[i:], ",!:.–—- "), true
		}
	}
	fields := strings.Fields(q)
	n := 0
	for n < len(fields) && greetingWords[strings.ToLower(fields[n])] {
		n++
	}
	if n == 0 {
		return "", false
	}
	for n < len(fields) && bareAddress[strings.ToLower(fields[n])] {
		n++
	}
	if n < len(fields) && strings.ToLower(fields[n]) == "there" && (n+1 == len(fields) || !auxiliaries[strings.ToLower(fields[n+1])]) {
		n++ // "hi there where…", not "hey there is a quote…"
	}
	return strings.Join(fields[n:], " "), true
}

// subjectChanges are the words of a lead that says a question changes
// the subject ("unrelated:", "switching gears -", "different question,");
// subjectMarkers must be among them.
var (
	subjectChanges = setOf(`ok okay so totally completely quite a an on to and but one more the of
different diff another new unrelated separate switching switch changing change other random next
topic topics subject subjects gears question questions q thing things note tack matter`)
	subjectMarkers = setOf(`different diff another new unrelated separate switching switch changing change other random next more`)
	// subjectNouns name what changes; "unrelated" and "one more" need none.
	subjectNouns = setOf(`topic topics subject subjects gears question questions q thing things note tack matter`)
)

// changesSubject returns question without a lead that says it changes the
// subject ("unrelated: is the author skeptical?", "switching gears - where
// are the talks?"): such a question stands alone, whatever came before.
func changesSubject(question string) (string, bool) {
	if rest, ok := cutFold(question, "unrelated but "); ok && hasWord(rest) {
		return rest, true // "unrelated but which city…?"
	}
	i := strings.IndexAny(question, ":,–—")
	if j := strings.Index(question, " - "); j >= 0 && (i < 0 || j < i) {
		i = j // a dash, not the hyphen of "anti-war"
	}
	if i <= 0 {
		return "", false
	}
	lead, rest := question[:i], strings.TrimLeft(question[i:], ":,-–— ")
	ws := words(lead)
	if len(ws) > 0 && !slices.ContainsFunc(ws, func(w string) bool { return !interjections[w] }) {
		// "Ok, different question: …", "cool - switching gears, …"
		return changesSubject(rest)
	}
	ws = afterInterjections(ws)
	if len(ws) == 0 || len(ws) > 4 || !hasWord(rest) ||
		!slices.ContainsFunc(ws, func(w string) bool { return subjectMarkers[w] }) ||
		!slices.ContainsFunc(ws, func(w string) bool { return subjectNouns[w] || w == "unrelated" }) && !slices.Equal(ws, []string{"one", "more"}) {
		return "", false
	}
	for _, w := range ws {
		if !subjectChanges[w] {
			return "", false
		}
	}
	if r, ok := strings.CutPrefix(rest, "but "); ok { // "unrelated, but which city…?"
		rest = r
	}
	if question[i] == ',' {
		// "Different question, where…?"; not "Other things, like
		// sanctions, matter how?".
		first := words(rest)
		if len(first) == 0 || !questionOpeners[first[0]] && !auxiliaries[first[0]] {
			return "", false
		}
	}
	return rest, true
}

// cutFold returns s without prefix, matched regardless of case, and
// whether it was there.
func cutFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// questionOpeners open a question: "what…", "how…".
var questionOpeners = setOf(`what whats who whos whom whose when where why how which`)

// interjections may open a turn of a conversation without being part of
// the question: "ok, and the Iranian side?", "cool, what about Congress?".
var interjections = map[string]bool{
	"ok": true, "okay": true, "k": true, "so": true, "hmm": true, "hm": true, "right": true, "cool": true,
	"great": true, "thanks": true, "thx": true, "alright": true, "oh": true, "ah": true, "well": true,
	"yeah": true, "yes": true, "interesting": true, "nice": true, "got": true, "gotcha": true, "i": true, "see": true,
}

// afterInterjections returns ws without the interjections that open it
// ("ok so", "i see").
func afterInterjections(ws []string) []string {
	for len(ws) > 1 && interjections[ws[0]] {
		ws = ws[1:]
	}
	return ws
}

// refersBack reports whether q points at the previous turn: it opens with
// "and", "what about", "how about" or "what of", after any interjection
// ("ok, and Congress?"), or holds a pronoun that refers back ("what did
// they provide?", "who backed it?").
func refersBack(q string) bool {
	ws := afterInterjections(words(q))
	return ledBack(ws) || pointsBack(ws) || placeAlone(ws)
}

// newTopicLead reports whether ws open with a lead that brings in a topic
// of its own: "what about…", "how about…", "what of…".
func newTopicLead(ws []string) bool {
	return len(ws) >= 2 && ws[1] == "about" && (ws[0] == "what" || ws[0] == "how") || len(ws) >= 2 && ws[0] == "what" && ws[1] == "of"
}

// ledBack reports whether ws open with a lead that refers back ("and…?",
// "like which options?").
func ledBack(ws []string) bool {
	for _, lead := range followUpLeads {
		if len(ws) >= len(lead) && slices.Equal(ws[:len(lead)], lead) {
			return true
		}
	}
	return false
}

// endsThen reports whether ws close with "then" ("how big is the gap
// then?"): a question that may follow up, though it is tried on its own
// first ("where are the talks being held then?" is complete).
func endsThen(ws []string) bool { return len(ws) > 1 && ws[len(ws)-1] == "then" }

// placeWords name a place in a list; placeFillers may stand beside one in
// a question that asks for the item at that place of the list the previous
// turn spoke of ("what's the first?", "the third one?").
var (
	placeWords   = setOf(`first second third fourth fifth sixth seventh eighth ninth tenth last final next`)
	placeFillers = setOf(`what whats s is was the one about and then so`)
)

// placeAlone reports whether ws ask for an item by its place and nothing
// else.
func placeAlone(ws []string) bool { return onlyAsks(ws, placeWords, placeFillers) }

// onlyAsks reports whether ws hold at least one of keys and otherwise
// only fillers: a request made of nothing but its own words.
func onlyAsks(ws []string, keys, fillers map[string]bool) bool {
	found := false
	for _, w := range ws {
		switch {
		case keys[w]:
			found = true
		case !fillers[w]:
			return false
		}
	}
	return found
}

// continueWords is the most words naming a topic that a question pointing
// back may have and still be read as asking about the previous answer
// itself (knowledge's Index.Continue): "is that accurate?", "anything
// else it delivered?". Chosen on the tuning conversations: 1 and 2 gained
// one conversation fewer there, and none lost any.
const continueWords = 3

// maxChain bounds the context a chain of "and the next?" builds up: a
// list longer than that many bytes of questions is read from its start.
const maxChain = 1024

// moreWords ask for more of what was just read ("go on", "keep going");
// moreFillers may stand beside them in such a request ("can you tell me a
// bit more about that, please?").
var (
	moreWords   = setOf(`more elaborate expand continue further detail details go going`)
	moreFillers = setOf(`can could would you u please pls plz tell me us say on and a bit little some any about
that this it give keep`)
)

// explainWords ask what the previous answer means; explainFillers may
// stand beside them ("what did he mean by that?", "can you explain
// that?").
var (
	explainWords   = setOf(`mean means meant meaning explain clarify`)
	explainFillers = setOf(`what whats did does do is was by that this it he she they the author writer can could
would you u please pls plz exactly in other words`)
)

// resultAsked ask what something led to ("what effect have they had?",
// "what came of it?", "what did that accomplish?"); resultFillers may
// stand beside them in such a question.
var (
	resultAsked = setOf(`effect effects impact impacts result results consequence consequences outcome outcomes
lead leads led come came achieve achieved achieves accomplish accomplished accomplishes payoff`)
	resultFillers = setOf(`what whats s has have had did do does is was were are that this those these it they them
their and so then actually supposed to of out end ended up been be will would get got for`)
)

// quotationWords ask for the words someone was quoted as saying ("what
// were his exact words?", "what was the rest of the quote?");
// quotationFillers may stand beside them in such a question.
var (
	quotationWords   = setOf(`quote quotes quotation words`)
	quotationFillers = setOf(`what were was is are his her their its the exact full whole rest of again precise precisely
exactly actual actually did he she they say said and so ok okay`)
)

// namesWords ask for people's names after an answer that speaks of them
// unnamed ("any names?"); namesFillers may stand beside them in such a
// question.
var (
	namesWords   = setOf(`names name`)
	namesFillers = setOf(`any who which whose specifically exactly does do did it they them the article piece text author
mention mentions give gives by please pls plz some got what are were`)
)

// caveatWords ask for the catch in what was just read ("what's the
// downside though?", "any risk in that?"); caveatFillers may stand beside
// them in such a question.
var (
	caveatWords   = setOf(`downside downsides drawback drawbacks catch risk risks danger dangers pitfall pitfalls`)
	caveatFillers = setOf(`what whats s is are there any a the in to that this it with of though tho then but so big biggest
main potential possible doing too much`)
)

// remedyVerbs ask what is to be done about something, remedyModals how
// or what ought to be, and remedyPointers point at what the previous
// answer told: "how should they deal with that?", "what should we focus
// on instead?".
var (
	remedyVerbs    = setOf(`handle deal do done respond react tackle address counter fix solve overcome manage get focus beat stop neutralize`)
	remedyModals   = setOf(`should can could would must how`)
	remedyPointers = setOf(`that it this them those instead`)
	// answerVerbs ask, ending a question, how to answer what was just
	// told ("how should both sides respond?").
	answerVerbs = setOf(`respond react`)
)

// asksRemedy reports whether ws ask what is to be done about what the
// previous answer told, which the text most often says next: a verb of
// remedy with a pointer back within two words after it ("deal with that",
// "done about it", "get it", "focus on instead") or a verb of answering
// ending it ("how should they respond?"), a modal or "how", at
// most ten words, and no other question word ("why…?", "how many…?").
// Chosen on the tuning sets: 13 conversations more of 1,144, none lost
// but for a previous answer from two paragraphs, read at the first; the
// verbs of answering three more of 1,264, none lost.
func asksRemedy(ws []string) bool {
	verb, modal := false, false
	for i, w := range ws {
		switch {
		case w == "why" || w == "who" || w == "where" || w == "when" || w == "many" || w == "much":
			return false
		case remedyVerbs[w]:
			for _, n := range ws[i+1 : min(len(ws), i+3)] {
				verb = verb || remedyPointers[n]
			}
			// "How should both sides respond?": a verb of answering
			// that ends the question answers what was just told.
			verb = verb || answerVerbs[w] && i == len(ws)-1
		case remedyModals[w]:
			modal = true
		}
	}
	return verb && modal && len(ws) <= 10
}

// asksWhy reports whether ws ask why of the previous answer: "why" in a
// question of eight words at most that points back ("why is that
// needed?", "why would they need to do that?") or has three words at most
// ("why not?", "why so?"). The tail of a contraction ("shouldn't") is no
// word of its own.
func asksWhy(ws []string) bool {
	ws = afterInterjections(ws)
	n := len(ws)
	for _, w := range ws {
		if contractionTails[w] {
			n--
		}
	}
	return slices.Contains(ws, "why") && n <= 8 && (pointsBack(ws) || n <= 3)
}

// persistWords ask, beside "why", why anyone goes on at all ("then why
// keep going?", "why bother?"); persistFillers may stand beside them.
var (
	persistWords   = setOf(`bother bothering keep keeping continue continuing go going try trying carry persist persevere push pushing stick`)
	persistFillers = setOf(`why then so but and do does did they we you should would is are it at on with the this even still anyway all
talks negotiating negotiations trying going s t`)
)

// realityWords ask, after what was just read, for what is really so ("so
// what's the reality then?", "what are the actual facts?", "so what
// actually matters more than the talk?"); realityFillers may stand beside
// them in such a question.
var (
	realityWords   = setOf(`reality realities truth facts fact matters matter counts`)
	realityFillers = setOf(`what whats s is are the then so but and ok okay actual actually real really true
author writer points point to says say according more most than talk talking words rhetoric`)
)

// changeWords ask, after what was just read, what is different now ("so
// what's different now?", "what has changed?"); changeFillers may stand
// beside them.
var (
	changeWords   = setOf(`different changed new`)
	changeFillers = setOf(`what whats s is has so but and ok okay then now`)
)

// challenges reports whether ws ask why anyone goes on despite what the
// previous answer told, and nothing else: "then why keep going?", "so why
// bother continuing then?". Chosen on the tuning sets: four conversations
// more of 1,636, none lost.
func challenges(ws []string) bool {
	ws = afterInterjections(ws)
	return slices.Contains(ws, "why") && onlyAsks(ws, persistWords, persistFillers)
}

// doubtsAnswer reports whether ws ask whether the text means what was
// just read, pointing back at it: "is the writer saying that's wrong?",
// "does the author think that's all that counts?". "That's" points back;
// a bare "that" opens a clause with a topic of its own ("does the author
// think that iran is a superpower?"), asked alone.
func doubtsAnswer(ws []string) bool {
	if len(ws) < 4 || ws[0] != "is" && ws[0] != "does" {
		return false
	}
	for i := 1; i+2 < len(ws) && i <= 3; i++ {
		if voiceWord(ws[i]) {
			pointer := ws[i+2] == "thats" || ws[i+2] == "that" && i+3 < len(ws) && ws[i+3] == "s"
			return viewVerbs[ws[i+1]] && pointer
		}
	}
	return false
}

// viewVerbs say what a text or its writer holds.
var viewVerbs = setOf(`saying say says think thinks claiming claim claims arguing argue argues suggesting suggest suggests`)

// contractionTails are what words splits off a contraction: "t" of
// "shouldn't", "s" of "what's", "re" of "they're".
var contractionTails = setOf(`t s re ve ll d m`)

// asksResult reports whether ws ask what the previous answer led to and
// nothing else ("what has that led to?"), not what led to it ("what led to
// that?", "where did it come from?").
func asksResult(ws []string) bool {
	// "What's come of that realisation?": the word after a pointer back
	// names what it points at. Chosen on the tuning sets: two
	// conversations more of 1,264, none lost.
	kept := make([]string, 0, len(ws))
	for i, w := range ws {
		if i == 0 || !demonstratives[ws[i-1]] || resultAsked[w] || resultFillers[w] {
			kept = append(kept, w)
		}
	}
	ws = kept
	for i := 2; i < len(ws); i++ {
		if ws[i] == "doing" && ws[i-1] == "up" && (ws[i-2] == "end" || ws[i-2] == "ended") {
			// "And what did those end up doing?" asks what they led
			// to; "what are they doing then?" does not.
			ws = slices.Concat(ws[:i], []string{"led"}, ws[i+1:])
		}
	}
	if !onlyAsks(ws, resultAsked, resultFillers) {
		return false
	}
	for i, w := range ws {
		switch w {
		case "lead", "leads", "led", "come", "came":
			if i+2 < len(ws) && ws[i+1] == "to" || i+1 < len(ws) && ws[i+1] == "from" {
				return false
			}
		}
	}
	return true
}

// asksDeed reports whether ws ask only what someone a pronoun stands for
// did, or their support did: "what did they do that matters so much?",
// "and what did their backing actually do?", "what did they actually do to
// help it along?".
func asksDeed(ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return deedDoers[w] }) && onlyAsks(ws, deedAsked, deedFillers)
}

// deedAsked ask what was done; deedDoers are the pronouns for whom;
// deedFillers may stand with them.
var (
	deedAsked   = setOf(`do did does done`)
	deedDoers   = setOf(`they their he his she her`)
	deedFillers = setOf(`what and so they their he his she her actually really exactly to help it along that matters matter
much backing support s`)
)

// leadsWithPronoun reports whether one of the first words of sentence is
// "they", "he" or "she": it goes on about someone named before.
func leadsWithPronoun(sentence string) bool {
	ws := words(sentence)
	return slices.ContainsFunc(ws[:min(len(ws), 10)], func(w string) bool { return w == "they" || w == "he" || w == "she" })
}

// pointsAtWhole reports whether ws point back with "that" or "this", at
// what was read as a whole, and not with "those", "these", "they" or
// "them", at the things it names.
func pointsAtWhole(ws []string) bool {
	whole := false
	for _, w := range ws {
		switch w {
		case "that", "this":
			whole = true
		case "those", "these", "they", "them":
			return false
		}
	}
	return whole
}

// asksNamed reports whether ws ask who or where (who set) of a thing the
// previous answer told, which a pronoun stands for ("who came up with
// it?", "who was it being applied to?", "where was the author when they
// heard that?"): the pronoun closes the question or comes before a verb,
// not before a noun ("where was this piece published?"), and no pronoun
// stands for a person ("where was he ambassador?" asks about him, not
// about what was said).
func asksNamed(ws []string) (who, ok bool) {
	ws = afterInterjections(ws)
	if len(ws) == 0 || ws[0] != "who" && ws[0] != "where" {
		return false, false
	}
	thing := false
	for i, w := range ws {
		if personPronouns[w] {
			return false, false
		}
		if thingPronouns[w] && (i+1 == len(ws) || auxiliaries[ws[i+1]] || ws[i+1] == "being") {
			thing = true
		}
	}
	return ws[0] == "who", thing
}

// thingPronouns may stand for what an answer told; personPronouns stand
// for a person.
var (
	thingPronouns  = setOf(`it that this`)
	personPronouns = setOf(`he she him her his hers himself herself`)
)

// pointsBack reports whether the words of a question hold a pronoun or a
// demonstrative that refers back to the previous turn ("is that
// accurate?", "what came of it?").
func pointsBack(ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return personalPronouns[w] || demonstratives[w] })
}

// ellipsis reports whether q, a question with no topic of its own, takes
// the previous turn's: it is short ("why?", "and then?") or holds a personal
// pronoun ("what did he say?") or "that" ("who is that guy?"). A longer one
// without ("What is this article about?") asks about the knowledge base as
// a whole.
func ellipsis(q string) bool {
	return len(strings.Fields(q)) <= ellipsisWords ||
		slices.ContainsFunc(words(q), func(w string) bool { return personalPronouns[w] || w == "that" || w == "those" })
}

// resolve answers question, reading it with the thread's previous turn prev
// (nil for none) only when it needs it. usedContext says whether the answer
// relies on prev.
//
// A question that refers back (refersBack) is answered in context when
// that answers it. Any other question stands alone: only when alone it is
// not answerable, and in context it is, is the context used; that is how an
// ellipsis such as "why?" gets the previous turn's topic. "Where are the
// talks?" after a question about the hardliners is about the talks. A short
// question that points back and is answered neither way asks about the
// previous answer itself ("is that accurate?"): the paragraph it quoted
// answers it (knowledge's Index.Continue); so does one led by "and" or
// "like", or ending in "then", with few words of its own. A request for
// more, for what the answer means, or for what it led to ("what effect
// have they had?") is answered from the answer's own place in its
// document (Index.More, Index.Continue, Index.Consequence).
func (b *Bot) resolve(ix *knowledge.Index, question string, prev *Turn) (ans knowledge.Answer, usedContext bool) {
	q := knowledge.Query{Text: question, K: b.poolK()}
	if prev == nil {
		return ix.Answer(q), false
	}
	ws := words(question)
	if prev.Answer != "" && onlyAsks(ws, moreWords, moreFillers) {
		// "Can you say more?" asks for what comes after the answer read.
		if c := ix.More(prev.Answer); c.Answerable {
			c.Question = question
			return c, true
		}
		// Nothing comes after it: declined, not read as a question of its
		// own ("go" is no topic).
		return knowledge.Answer{Question: question, ContentWords: 1}, false
	}
	if prev.Answer != "" && onlyAsks(afterInterjections(ws), changeWords, changeFillers) {
		// "So what's different now?": what the text says next, after
		// what was long so. Chosen on the tuning sets: two conversations
		// more, none lost; with "this time" among the fillers, one lost
		// whose "time" found the answer alone.
		if c := ix.Continue(knowledge.Query{Text: "", K: b.poolK()}, prev.Answer); c.Answerable {
			c.Question = question
			return c, true
		}
	}
	if prev.Answer != "" && onlyAsks(ws, explainWords, explainFillers) {
		// "What did he mean by that?": the sentences around the answer
		// read say, more often than any other.
		if c := ix.Continue(knowledge.Query{Text: "", K: b.poolK()}, prev.Answer); c.Answerable {
			c.Question = question
			return c, true
		}
	}
	marked := refersBack(question)
	if prev.Answer != "" && (challenges(ws) || onlyAsks(afterInterjections(ws), realityWords, realityFillers) || doubtsAnswer(afterInterjections(ws))) {
		// "Then why keep going?", "so what's the reality then?", "is
		// the writer saying that's the wrong thing to focus on?": the
		// text's answer to what was just read, the turn right after it
		// ("However, the bigger picture is no less important"). The
		// question of reality: one conversation more of 1,636 on the
		// tuning sets, none lost.
		if c := ix.Rebuttal(prev.Answer); c.Answerable {
			c.Question = question
			return c, true
		}
	}
	if prev.Answer != "" && asksWhy(ws) {
		// "Why is that needed?", "why not?": where the text gives its
		// reasons, beside the answer read.
		if c := ix.Reason(prev.Answer); c.Answerable {
			c.Question = question
			return c, true
		}
	}
	if prev.Answer != "" && asksRemedy(ws) {
		// "So how should they handle that?", "what should be done about
		// it?": what the text says is to be done, after the answer read.
		if c := ix.Remedy(prev.Answer); c.Answerable {
			c.Question = question
			return c, true
		}
	}
	if prev.Answer != "" && onlyAsks(afterInterjections(ws), quotationWords, quotationFillers) {
		// "What were his exact words?": the quotation the answer read
		// holds, whole.
		if c := ix.Quotation(prev.Answer); c.Answerable {
			c.Question = question
			return c, true
		}
	}
	if prev.Answer != "" && onlyAsks(afterInterjections(ws), caveatWords, caveatFillers) {
		// "What's the downside though?": the catch the text puts to the
		// answer read, right after it.
		if c := ix.Caveat(prev.Answer); c.Answerable {
			c.Question = question
			return c, true
		}
	}
	if prev.Answer != "" && marked && asksResult(ws) {
		// "What effect have they had?", "and what came of it?": what the
		// answer read led to.
		consequence := ix.Consequence
		if pointsAtWhole(ws) {
			// "What has that realization led to?" asks what came of
			// the answer read, not of the things it names.
			consequence = ix.Outcome
		}
		if c := consequence(prev.Answer); c.Answerable {
			c.Question = question
			return c, true
		}
	}
	if prev.Answer != "" && asksDeed(afterInterjections(ws)) {
		// "What did they do that matters so much?" after "…have been
		// openly supported by President Obama and Ayatollah Khamenei":
		// what the text goes on to say they did, in the next sentence,
		// which speaks of them by a pronoun ("By backing the interim
		// deal, they provided…").
		if c := ix.More(prev.Answer); c.Answerable && len(c.Quotes) > 0 && leadsWithPronoun(c.Quotes[0].Text()) {
			c.Question = question
			return c, true
		}
	}
	// Alone, the question still knows what was answered: "which country
	// was he ambassador to?" is not answered by the name just quoted.
	q.Previous = prev.Answer
	single := ix.Answer(q)
	if single.OfText || !marked && single.Answerable {
		// "Who wrote this article anyway?" asks about the text whatever
		// was asked before: answered or declined alone.
		return single, false
	}
	if who, ok := asksNamed(ws); ok && prev.Answer != "" && len(nameStems(ix, question)) == 0 {
		// "Who came up with it?", "where was the author when they heard
		// that?": the person or place the answer read names. Chosen on
		// the tuning sets: two conversations more of 1,760, none lost.
		if c := ix.Named(prev.Answer, who); c.Answerable {
			c.Question = question
			return c, true
		}
	}
	if prev.Answer != "" && onlyAsks(afterInterjections(ws), namesWords, namesFillers) {
		// "Any names?", "who does it name?": the people the answer read
		// speaks of, named where its paragraph goes on to name them.
		if c := ix.NamesAhead(prev.Answer, prev.Question); c.Answerable {
			c.Question = question
			return c, true
		}
	}
	with := b.inContext(ix, question, prev)
	if with.Answerable && prev.Answer != "" && endsThen(afterInterjections(ws)) && pointsBack(ws) && single.ContentWords == 0 &&
		strings.Contains(prev.Answer, with.Quotes[0].Text()) && !denies(with.Quotes[0].Text()) {
		// "So what is it then?" after "…one would think that it rivals the
		// former Soviet Union": the answer read again asserts what the
		// question doubts. Unless it denies something itself ("a regional
		// power, not a superpower"), what the text says next answers.
		// Chosen on the tuning sets: nine conversations more of 1,144,
		// none lost.
		if c := ix.Continue(knowledge.Query{Text: question, K: b.poolK()}, prev.Answer); c.Answerable {
			return c, true
		}
	}
	if with.Answerable {
		return with, true
	}
	if placeAlone(afterInterjections(ws)) {
		// "And the next?" after the list's last item: there is none, and
		// alone the question asks about nothing.
		return with, false
	}
	if marked || endsThen(ws) {
		// A question with no topic at all ("what is this article about?")
		// is about the text as a whole, not the previous answer.
		// "And what's everybody gossiping over?", "like concretely what
		// message?", "how big is the gap then?" go on from the answer too;
		// "what about Israel?" asks about something else.
		asked := afterInterjections(ws)
		if prev.Answer != "" && (pointsBack(ws) || (ledBack(asked) || endsThen(asked)) && !newTopicLead(asked)) && single.ContentWords > 0 && single.ContentWords <= continueWords {
			c := ix.Continue(knowledge.Query{Text: question, K: b.poolK()}, prev.Answer)
			if c.Answerable {
				return c, true
			}
		}
	}
	return single, false
}

// inContext answers question as a follow-up of prev. The previous turn's
// words weigh less than the question's own, except for an ellipsis, which
// has none: "why?" asks about the previous turn's topic.
func (b *Bot) inContext(ix *knowledge.Index, question string, prev *Turn) knowledge.Answer {
	if text, ok := contrastFollowUp(ix, question, prev.Topic); ok {
		// The other side is most often named beside the answer just read:
		// "Congress has pushed for… Iranian hardliners are seeking…".
		if prev.Answer != "" {
			// Beside its first sentence: the answer proper, where later
			// ones may come from elsewhere.
			first := prev.Answer
			if ss := knowledge.SplitSentences(first); len(ss) > 0 {
				first = ss[0].Text
			}
			if c := ix.Continue(knowledge.Query{Text: question, K: b.poolK()}, first); c.Answerable && quotesName(ix, c, question) {
				c.Question = question
				return c
			}
			// Or further on in its section: "Elements seeking to score
			// political points… have repeatedly torpedoed attempts…", then
			// "and in Iran?", answered by "Iranian hardliners are
			// seeking…" in the next paragraph. Chosen on the tuning sets:
			// four conversations more of 1,822, one lost whose previous
			// turn was answered from another section.
			if c := ix.ContinueInSection(knowledge.Query{Text: question, K: b.poolK()}, first); c.Answerable && quotesName(ix, c, question) {
				c.Question = question
				return c
			}
		}
		// The previous question asked of someone else: answered so when the
		// answer names them.
		if a := ix.Answer(knowledge.Query{Text: text, K: b.poolK()}); a.Answerable && quotesName(ix, a, question) {
			return a
		}
	}
	a := ix.Answer(knowledge.Query{Text: question, Context: prev.Context, Previous: prev.Answer, K: b.poolK()})
	if a.ContentWords == 0 && ellipsis(question) {
		a = ix.Answer(knowledge.Query{Text: prev.Context + " " + question, K: b.poolK()})
	}
	return a
}

// ask answers a question, in the context of the thread's previous turn when
// it needs it, and saves the answer as the thread's last turn. th is nil
// outside a conversation.
func (b *Bot) ask(ctx context.Context, kb *knowledgeBase, req Request, th *thread, question, id string, start time.Time) Reply {
	ix := kb.ix
	prev := th.context(start, b.threadTTL)

	if greeting, ok := smallTalk(question); ok {
		return smallTalkReply(ix, id, greeting)
	}
	// What is asked: without a greeting or label before it ("hi! where…",
	// "Q: where…"), nor a lead that changes the subject.
	asked := withoutPreamble(question)
	if rest, ok := changesSubject(asked); ok {
		asked = rest
		if !pointsBack(words(rest)) {
			// "one more: what did he compare diplomacy to?" still needs
			// the turn before for "he".
			prev = nil
		}
	}

	current := Turn{Question: question, Topic: asked, Context: asked}
	ans, usedContext := b.resolve(ix, asked, prev)
	if !ans.Answerable && ans.ContentWords == 0 && !usedContext {
		// "What is this about?" names no topic: the overview answers it.
		reply := overviewReply(ix, id)
		reply.Question = question
		reply.AskKind = AskOverview
		b.logQuestion(ctx, LogEntry{ReplyID: id, Platform: req.Platform, User: req.User, Question: question,
			Answered: true, Mode: reply.Mode, Latency: b.now().Sub(start), At: start})
		return reply
	}
	if usedContext {
		current = Turn{
			Question: question + " (following up on “" + prev.Topic + "”)",
			Topic:    prev.Topic,
			Context:  prev.Topic + " " + question,
		}
		if chain := prev.Context + " " + asked; placeAlone(afterInterjections(words(asked))) && len(chain) <= maxChain {
			// "and the next?" counts from every place asked for since
			// the list was named: the whole chain is the context.
			current.Context = chain
		}
	}
	if ans.Answerable && len(ans.Quotes) == 0 {
		// An answer must quote something; without a quote it is a decline.
		b.log.Warn("answerable question without quotes", "reply_id", id)
		ans.Answerable = false
	}

	var reply Reply
	if ans.Answerable {
		reply = b.answerReply(ctx, kb, ans, req, prev, current, question, id)
		current.Answer = reply.Text
		if th != nil {
			b.saveTurn(ctx, th, current)
		}
	} else {
		reply = declinedReply(ix, id, question)
	}
	b.log.Debug("question", "reply_id", id, "question", question, "answered", ans.Answerable,
		"confidence", ans.Confidence)
	b.logQuestion(ctx, LogEntry{
		ReplyID:  id,
		Platform: req.Platform,
		User:     req.User,
		Question: question,
		Answered: ans.Answerable,
		Mode:     reply.Mode,
		Latency:  b.now().Sub(start),
		At:       start,
	})
	return reply
}

// answerReply composes the extractive answer and, with a Drafter, replaces
// its wording by a verified draft. With a Ranker, the citations are ordered
// by the fusion of the keyword ranking and the Ranker's.
func (b *Bot) answerReply(ctx context.Context, kb *knowledgeBase, ans knowledge.Answer, req Request, prev *Turn, current Turn, question, id string) Reply {
	pool := hitCitations(ans.Hits)
	if kb.ranker != nil {
		pool = b.hybrid(ctx, kb, current.Context, pool, id)
	}
	quotes, cites := selectCitations(pool, ans.Quotes, b.k)
	reply := Reply{
		ID:        id,
		Kind:      KindAnswer,
		AskKind:   AskAnswer,
		Question:  current.Question,
		Text:      joinQuotes(quotes),
		Quotes:    quotes,
		Citations: cites,
		Mode:      ModeExtractive,
	}
	if ans.Theme != nil {
		// "What's the second big issue?" asks for the issue: its heading,
		// as the list of themes numbers it, heads the sentences of its
		// section.
		reply.Themes = []ThemeRef{themeRef(*ans.Theme)}
		reply.Text = themeLabel(*ans.Theme) + "\n" + reply.Text
	}
	if b.drafter == nil {
		return reply
	}
	dr := DraftRequest{Question: question, Passages: cites}
	if prev != nil {
		dr.Previous = &Turn{Question: prev.Question, Answer: prev.Answer}
	}
	if d, ok := b.draft(ctx, kb.check, id, dr, req.Progress); ok {
		reply.Text, reply.Mode, reply.Model = d.Text, ModeLLM, d.Model
	}
	return reply
}

// poolFactor is how many times k passages an answer is chosen from: the
// keyword hits asked of the index and, with a Ranker, the passages asked of
// it. The depth lets quoted passages keep their score and gives the fusion
// of the two rankings something to fuse.
const poolFactor = 4

func (b *Bot) poolK() int { return b.k * poolFactor }

// hitCitations maps keyword hits, best first, to citations.
func hitCitations(hits []knowledge.Hit) []Citation {
	cites := make([]Citation, 0, len(hits))
	for _, h := range hits {
		if h.Passage != nil {
			cites = append(cites, citation(h.Passage, h.Score))
		}
	}
	return cites
}

// selectCitations picks an answer's at most k citations from pool (ranked
// best first) and maps the quotes to them. The passages the quotes stand in
// must be cited, so they displace the lowest-ranked passages that no quote
// stands in; the citations otherwise keep the pool's order, and a quoted
// passage absent from the pool comes last, with score 0. Should the quotes
// stand in more than k passages (k < 3), the quotes past the k-th passage
// are dropped.
func selectCitations(pool []Citation, qs []knowledge.Quote, k int) ([]Quote, []Citation) {
	var need []*knowledge.Passage // the quoted passages, in quote order
	for _, q := range qs {
		if len(need) == k {
			break
		}
		if !slices.ContainsFunc(need, func(p *knowledge.Passage) bool { return p.ID == q.Passage.ID }) {
			need = append(need, q.Passage)
		}
	}
	needed := func(id string) int {
		return slices.IndexFunc(need, func(p *knowledge.Passage) bool { return p.ID == id })
	}

	cites := make([]Citation, 0, k)
	placed := make([]bool, len(need))
	free := k - len(need) // slots for passages no quote stands in
	for _, c := range pool {
		if len(cites) == k {
			break
		}
		if i := needed(c.ID); i >= 0 {
			if !placed[i] {
				placed[i] = true
				cites = append(cites, c)
			}
			continue
		}
		if free > 0 && !slices.ContainsFunc(cites, func(x Citation) bool { return x.ID == c.ID }) {
			free--
			cites = append(cites, c)
		}
	}
	for i, p := range need {
		if !placed[i] {
			cites = append(cites, citation(p, 0))
		}
	}

	quotes := make([]Quote, 0, len(qs))
	for _, q := range qs {
		if i := slices.IndexFunc(cites, func(c Citation) bool { return c.ID == q.Passage.ID }); i >= 0 {
			quotes = append(quotes, Quote{Text: q.Text(), Citation: i})
		}
	}
	return quotes, cites
}

// citationFor returns the index of p among cites, appending it when absent.
func citationFor(cites *[]Citation, p *knowledge.Passage) int {
	for i, c := range *cites {
		if c.ID == p.ID {
			return i
		}
	}
	*cites = append(*cites, citation(p, 0))
	return len(*cites) - 1
}

func citation(p *knowledge.Passage, score float64) Citation {
	return Citation{
		ID:      p.ID,
		Doc:     p.Doc,
		Title:   p.DocTitle,
		Section: p.Section,
		Text:    p.Text,
		Score:   score,
	}
}

func joinQuotes(quotes []Quote) string {
	texts := make([]string, len(quotes))
	for i, q := range quotes {
		texts[i] = q.Text
	}
	return strings.Join(texts, " ")
}

// declinedReply says the knowledge base does not cover the question and
// lists what it covers.
func declinedReply(ix *knowledge.Index, id, question string) Reply {
	text := "The knowledge base doesn't cover that."
	if len(ix.Documents()) == 1 {
		text = "The article doesn't cover that."
	}
	return Reply{
		ID:       id,
		Kind:     KindDeclined,
		AskKind:  AskDeclined,
		Question: question,
		Text:     text,
		Themes:   themeRefs(ix.Themes()),
		Mode:     ModeExtractive,
	}
}

// smallTalkWords are greetings, thanks and the like: a message made only of
// them is not a question about the knowledge base.
var smallTalkWords = map[string]bool{
	"hi": true, "hello": true, "hey": true, "hiya": true, "howdy": true, "greetings": true, "yo": true,
	"good": true, "morning": true, "afternoon": true, "evening": true, "day": true,
	"thanks": true, "thank": true, "thx": true, "ty": true, "cheers": true, "much": true, "so": true, "very": true,
	"ok": true, "okay": true, "cool": true, "great": true, "nice": true, "bye": true, "goodbye": true,
	"you": true, "there": true, "all": true, "bot": true, "talksbot": true, "everyone": true, "folks": true,
}

// smallTalk reports whether text is only a greeting or thanks, and the
// friendly opening to reply with.
func smallTalk(text string) (string, bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	if len(words) == 0 || len(words) > 6 {
		return "", false
	}
	opening := "Hello!"
	for _, w := range words {
		if !smallTalkWords[w] {
			return "", false
		}
		switch w {
		case "thanks", "thank", "thx", "ty", "cheers":
			opening = "You're welcome!"
		case "bye", "goodbye":
			opening = "Goodbye!"
		case "ok", "okay", "cool", "great", "nice":
			if opening == "Hello!" {
				opening = "Glad to help!"
			}
		}
	}
	return opening, true
}

// contrastFollowUp turns a follow-up that asks the previous question of
// someone else ("and on the Iranian side?" after "who has been trying to
// undermine the talks on the American side?") into that question: the
// previous question with its names put aside, and the follow-up added. It
// reports false unless the follow-up opens as one ("and", "what about")
// and names someone.
//
// A name may be typed in lower case ("and in iran?"): a word the knowledge
// base writes as a name is one.
func contrastFollowUp(ix *knowledge.Index, question, topic string) (string, bool) {
	ws := afterInterjections(words(question))
	lead := slices.ContainsFunc(followUpLeads, func(l []string) bool {
		return len(ws) > len(l) && slices.Equal(ws[:len(l)], l)
	})
	if !lead || len(nameStems(ix, question)) == 0 {
		return "", false
	}
	var kept []string
	for i, f := range strings.Fields(topic) {
		if r, _ := utf8.DecodeRuneInString(f); i > 0 && unicode.IsUpper(r) || len(nameStems(ix, f)) > 0 {
			continue
		}
		kept = append(kept, f)
	}
	return strings.Join(kept, " ") + " " + question, true
}

// nameStems returns the stems of the names in text.
func nameStems(ix *knowledge.Index, text string) []string {
	var out []string
	for _, t := range knowledge.Terms(text) {
		if t.Name || ix.WritesAsName(t.Stem) {
			out = append(out, t.Stem)
		}
	}
	return out
}

// quotesName reports whether the answer's quotes hold every name of the
// question, itself or in a closely related form ("Iran" as "Iranian").
func quotesName(ix *knowledge.Index, a knowledge.Answer, question string) bool {
	held := make(map[string]bool)
	for _, q := range a.Quotes {
		for _, t := range knowledge.Terms(q.Text()) {
			held[t.Stem] = true
		}
	}
	for _, name := range nameStems(ix, question) {
		found := held[name]
		ix.Related(name, func(r string, credit float64) bool {
			found = found || credit >= minNameCredit && held[r]
			return !found
		})
		if !found {
			return false
		}
	}
	return true
}

// denies reports whether sentence s denies something: it holds a negation
// ("not", "never", "doesn't"; see negators).
func denies(s string) bool {
	return slices.ContainsFunc(scanTokens(s), func(t token) bool { return negators[t.word] })
}
