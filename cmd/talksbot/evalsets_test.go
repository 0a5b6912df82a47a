package main

import (
	"encoding/json"
	"testing"
)

// TestEvalSetsHoldTheirFigures runs talksbot eval on the committed
// evaluation sets and fails when a change makes any figure worse than the
// one reported for the shipped settings. The sets are never edited to move
// these numbers; raise a floor when a change earns it.
func TestEvalSetsHoldTheirFigures(t *testing.T) {
	type floor struct {
		hit1, hit3, declineAcc, maxFalseDecline, conversations float64
	}
	tests := []struct {
		file string
		want floor
	}{
		// Word vectors' neighbours (knowledge/internal/similar) cost one
		// covered question's third citation on the tuning half and three
		// uncovered questions answered on the check half; they gained the
		// rest. The fresh sets were written after the check half had been
		// looked at, before the neighbours and the claim check's valence
		// were built. Unknown names (strangerFactor) cost the check half one
		// covered question ("the Islamic Republic") for two uncovered ones.
		// Loose synonyms ranked after every other relation (after a review
		// in session 8) give back one first-three hit here that they had
		// gained when ranked beside the synonyms.
		// Session 8 briefly gained one question here ("Should pessimistic
		// statements from both governments surprise us?") by reading
		// "pessimistic" as a word about the whole text; since a review, it
		// is one only beside the text or its author, and the floor is back.
		// An adjective the knowledge base lacks weighing a tenth (session
		// 12) saved 19 false declines and put six more answers first on
		// the tuning sets, and answered four uncovered questions there
		// more, one of them here ("new sanctions legislation").
		{"../../testdata/eval/paraphrase-tune.jsonl", floor{0.515, 0.721, 0.826, 0.176, 0}},
		// The development questions (a copy of the shared dev set): the
		// issue asks hit@1 of 0.94 and every uncovered one declined. A
		// session's change once put the first citation elsewhere for "What
		// foundation did the leaders provide?" unseen by the other sets.
		{"../../testdata/eval/dev.jsonl", floor{0.94, 1, 1, 0, 0}},
		// A focus noun known only distantly counts as unknown ("how many
		// warheads", known through "nuclear"): it declined two uncovered
		// tuning questions and cost the check half one covered one ("What
		// old policy did Washington drop?"). Places held by places
		// (session 10: "Austria" finds "Vienna") gained six first citations
		// and ten false declines fewer on the tuning sets, and answer "What
		// is the capital of Austria?" here with the talks in Vienna.
		{"../../testdata/eval/paraphrase-check.jsonl", floor{0.529, 0.72, 0.87, 0.206, 0}},
		// A "round" read as one of talks (session 17) gained nine first
		// citations and fourteen false declines fewer on the tuning sets,
		// and answers "Did the Vienna round end with a final nuclear
		// deal?" here as the bot already answered it asked about the
		// "talks".
		{"../../testdata/eval/paraphrase-fresh.jsonl", floor{0.705, 0.808, 0.92, 0.128, 0}},
		// The second fresh sets were written blind at the start of session
		// 5, before its changes; the first fresh sets are tuning material
		// since.
		// An adjective the knowledge base lacks weighing a tenth (session
		// 12) saved 19 false declines and put six more answers first on
		// the tuning sets, and answered four uncovered questions there
		// more, one of them here ("the secret US–Iran talks").
		{"../../testdata/eval/paraphrase-fresh2.jsonl", floor{0.712, 0.829, 0.909, 0.096, 0}},
		{"../../testdata/eval/conversations-tune.jsonl", floor{0.833, 0.833, 1, 0.111, 0.85}},
		{"../../testdata/eval/conversations-check.jsonl", floor{0.833, 0.944, 0.5, 0.056, 0.9}},
		// Favouring a follow-up's answer in the previous answer's paragraph
		// (session 11) costs one conversation here: after the list of the
		// four issues, "What does the author say is the only certainty at
		// this stage?" is read with the previous turn and answered from
		// the list's paragraph. It gained six first citations and four
		// conversations on the other tuning sets.
		{"../../testdata/eval/conversations-fresh.jsonl", floor{0.81, 0.905, 1, 0.048, 0.917}},
		// A follow-up about the previous answer itself, answered from its
		// paragraph (knowledge's Index.Continue), gained three conversations
		// here (0.722 before).
		{"../../testdata/eval/conversations-fresh2.jsonl", floor{0.862, 0.897, 0.857, 0.034, 0.888}},
		// The third fresh sets were written blind at the start of session
		// 6, before its changes; the second fresh sets are tuning material
		// since. Session 6 took the paraphrases from 0.717/0.768/0.444/0.182
		// here; the conversations did not move.
		{"../../testdata/eval/paraphrase-fresh3.jsonl", floor{0.818, 0.878, 0.75, 0.111, 0}},
		// WordNet's relations read the other way round (session 12; see
		// reverseRelations) gained eight first citations and saved 12
		// false declines on the tuning sets as a whole, and cost this set
		// one question's hit@1, hit@3, conversations. Everyday words
		// ranking by less than their IDF (session 27; see genericSeen)
		// cost it one more ("should we take that at face value?").
		{"../../testdata/eval/conversations-fresh3.jsonl", floor{0.794, 0.941, 0.833, 0, 0.925}},
		// The fourth fresh sets were written blind at the start of session
		// 7, before its changes; the third fresh sets are tuning material
		// since. Their casual wording ("nitty gritty", "the hawks", "props")
		// is the hardest yet. At the session's start two of the
		// conversations panicked (0.6); the fix gave the figure below.
		// A number the knowledge base never gives counts as an unknown
		// name (session 8): "30+ yrs" for "three decades" is lost here.
		{"../../testdata/eval/paraphrase-fresh4.jsonl", floor{0.575, 0.67, 0.866, 0.255, 0}},
		// WordNet's loose synonyms (session 8) cost one more conversation
		// here and a first citation of the check half, for three more
		// conversations of the first and third fresh sets and a false
		// decline fewer on the second.
		// Looking for the other side beside the answer just read (session
		// 8) costs one conversation here, whose first answer was already
		// wrong ("and in iran?" then finds Iran beside it); it gained two
		// on the other tuning sets. A focus the knowledge base knows by no
		// form weighing 0.6 (session 23) declines one covered question
		// here ("how much weight does the author put on the technical
		// details?"), for ten uncovered ones declined on the tuning sets.
		// Reading on for what is to be done about the previous answer
		// (session 23) reads on from the first of two paragraphs it
		// quoted here ("what does the author think should be done about
		// that?"), for 13 conversations more on the tuning sets.
		{"../../testdata/eval/conversations-fresh4.jsonl", floor{0.707, 0.805, 0.777, 0.049, 0.82}},
		// The fifth fresh sets were written blind early in session 7, after
		// the list of the fourth set's failed questions had been printed
		// once while a crash was looked into: the fourth are tuning
		// material since, and these are the check. At the session's start
		// they gave 0.606/0.663/0.689/0.221 (with headings not yet
		// counted as found: 0.644/0.712 at the end without them) and
		// 0.725/0.825/0.75/0.1/0.812. Reading "specifically" after a
		// focus noun as no head of it (session 27; see focusUnknown)
		// answers one of its uncovered questions, declined till then for
		// the adverb's unknown stem.
		{"../../testdata/eval/paraphrase-fresh5.jsonl", floor{0.788, 0.846, 0.866, 0.067, 0}},
		// Session 7's function words and chat shorthand, which gained on
		// every tuning set, cost this check set one conversation and two
		// first citations on the way. Reading "ok" as the aside it is lost
		// the conversation: "ok and how does he think you deal with that?"
		// had been answered through the unknown word "ok"; asked without
		// it, it was missed before too.
		// "And what did those end up doing?" is answered in context because
		// the penalty for questions about how things turned out declines it
		// alone: its best sentence alone tells no outcome.
		// WordNet's relations read the other way round (session 12; see
		// reverseRelations) gained eight first citations and saved 12
		// false declines on the tuning sets as a whole, and cost this set
		// one question's hit@1, hit@3, conversations.
		{"../../testdata/eval/conversations-fresh5.jsonl", floor{0.85, 0.9, 0.875, 0.025, 0.896}},
		// The sixth fresh sets were written blind at the start of session 8,
		// before its changes; the fifth fresh sets are tuning material
		// since. They are tuning material too since session 9; their floors
		// are session 10's end.
		// An adjective the knowledge base lacks weighing a tenth (session
		// 12) saved 19 false declines and put six more answers first on
		// the tuning sets, and answered four uncovered questions there
		// more, one of them here ("the revolutionary guards").
		{"../../testdata/eval/paraphrase-fresh6.jsonl", floor{0.645, 0.738, 0.889, 0.178, 0}},
		{"../../testdata/eval/conversations-fresh6.jsonl", floor{0.619, 0.738, 1, 0.119, 0.78}},
		// The seventh fresh sets were written blind at the start of session
		// 9, before its changes; the sixth fresh sets are tuning material
		// since. They are tuning material too since session 10, whose end
		// the paraphrase set's floor is.
		// WordNet's relations read the other way round (session 12; see
		// reverseRelations) gained eight first citations and saved 12
		// false declines on the tuning sets as a whole, and cost this set
		// one question's decline accuracy.
		{"../../testdata/eval/paraphrase-fresh7.jsonl", floor{0.584, 0.644, 0.926, 0.255, 0}},
		// "Either" and "neither" read as function words (session 9) gained
		// three first citations and two false declines on the tuning sets,
		// and cost one uncovered conversation here: the unknown word
		// "either" had been declining it. Answering "what effect have they
		// had?" with what the previous answer led to (session 9) gained six
		// first citations and two conversations on the tuning sets, and
		// cost one first citation here. Favouring a follow-up's answer
		// beside the previous one (session 11) gained six first citations
		// and four conversations on the tuning sets, and lost one first
		// citation here ("and what do officials now admit those did?",
		// now third).
		{"../../testdata/eval/conversations-fresh7.jsonl", floor{0.512, 0.674, 0.636, 0.186, 0.666}},
		// The eighth fresh sets were written blind at the start of session
		// 10, before its changes; the seventh are tuning material since.
		// They are tuning material too since session 11, whose end their
		// floors are.
		// An adjective the knowledge base lacks weighing a tenth (session
		// 12) saved 19 false declines and put six more answers first on
		// the tuning sets, and answered four uncovered questions there
		// more, one of them here ("a secret weapons program").
		// WordNet's relations read the other way round (session 12; see
		// reverseRelations) gained eight first citations and saved 12
		// false declines on the tuning sets as a whole, and cost this set
		// one question's decline accuracy.
		{"../../testdata/eval/paraphrase-fresh8.jsonl", floor{0.583, 0.708, 0.879, 0.205, 0}},
		{"../../testdata/eval/conversations-fresh8.jsonl", floor{0.696, 0.804, 0.667, 0.066, 0.775}},
		// The ninth fresh sets were written blind at the start of session
		// 11, before its changes; the eighth are tuning material since.
		// They are tuning material too since session 12, whose start (the
		// end of session 11) their floors are.
		// WordNet's relations read the other way round (session 12; see
		// reverseRelations) gained eight first citations and saved 12
		// false declines on the tuning sets as a whole, and cost this set
		// one question's decline accuracy.
		{"../../testdata/eval/paraphrase-fresh9.jsonl", floor{0.557, 0.721, 0.733, 0.186, 0}},
		// WordNet's relations read the other way round (session 12; see
		// reverseRelations) gained eight first citations and saved 12
		// false declines on the tuning sets as a whole, and cost this set
		// one question's hit@1, hit@3, conversations.
		{"../../testdata/eval/conversations-fresh9.jsonl", floor{0.6, 0.74, 0.833, 0.06, 0.758}},
		// The tenth fresh sets were written blind at the start of session
		// 12, before its changes; the ninth are tuning material since.
		// They are tuning material too since session 13, whose start (the
		// end of session 12) their floors are.
		{"../../testdata/eval/paraphrase-fresh10.jsonl", floor{0.7, 0.793, 0.816, 0.157, 0}},
		{"../../testdata/eval/conversations-fresh10.jsonl", floor{0.94, 0.98, 0.666, 0.02, 0.919}},
		// The eleventh fresh sets were written blind at the start of
		// session 13, before its changes; the tenth are tuning material
		// since. They are tuning material too since session 14, whose end
		// (their figures at session 13's start and end as well) their
		// floors are.
		{"../../testdata/eval/paraphrase-fresh11.jsonl", floor{0.707, 0.764, 0.8, 0.136, 0}},
		{"../../testdata/eval/conversations-fresh11.jsonl", floor{0.64, 0.78, 0.833, 0.06, 0.79}},
		// The twelfth fresh sets were written blind at the start of
		// session 14, before its changes; the eleventh are tuning material
		// since. They are tuning material too since session 15, whose end
		// their floors are: a word reached by two relations crediting as
		// the stronger cost one follow-up its third citation ("so how r
		// both sides supposed to respond?"), and "how long" asking for a
		// span declined an uncovered one.
		{"../../testdata/eval/paraphrase-fresh12.jsonl", floor{0.707, 0.814, 0.783, 0.15, 0}},
		{"../../testdata/eval/conversations-fresh12.jsonl", floor{0.74, 0.88, 0.666, 0.02, 0.838}},
		// The thirteenth fresh sets were written blind at the start of
		// session 15, before its changes; the twelfth are tuning material
		// since. They are tuning material too since session 16, whose end
		// their floors are.
		{"../../testdata/eval/paraphrase-fresh13.jsonl", floor{0.671, 0.779, 0.883, 0.15, 0}},
		{"../../testdata/eval/conversations-fresh13.jsonl", floor{0.64, 0.84, 0.666, 0.1, 0.806}},
		// The fourteenth fresh sets were written blind at the start of
		// session 16, before its changes; the thirteenth are tuning
		// material since. They are tuning material too since session 17,
		// whose end their floors are: "matters" read as "is important"
		// cost one follow-up its first citation ("and why does that
		// matter for getting a final agreement?"). Session 20's "thing"
		// as no topic cost one follow-up its answer ("and what does that
		// say about where things stand now?" is declined), for 20 first
		// citations and four conversations more on the tuning sets.
		{"../../testdata/eval/paraphrase-fresh14.jsonl", floor{0.664, 0.785, 0.75, 0.122, 0}},
		{"../../testdata/eval/conversations-fresh14.jsonl", floor{0.70, 0.82, 0.666, 0.14, 0.79}},
		// The fifteenth fresh sets were written blind at the start of
		// session 17, before its changes; the fourteenth are tuning
		// material since. They are tuning material too since session 18,
		// whose end their floors are.
		{"../../testdata/eval/paraphrase-fresh15.jsonl", floor{0.736, 0.836, 0.833, 0.121, 0}},
		{"../../testdata/eval/conversations-fresh15.jsonl", floor{0.68, 0.78, 0.75, 0.06, 0.774}},
		// The sixteenth fresh sets were written blind at the start of
		// session 18, before its changes; the fifteenth are tuning
		// material since. They are tuning material too since session 19,
		// whose end their floors are.
		{"../../testdata/eval/paraphrase-fresh16.jsonl", floor{0.757, 0.857, 0.75, 0.086, 0}},
		{"../../testdata/eval/conversations-fresh16.jsonl", floor{0.72, 0.80, 0.916, 0.02, 0.822}},
		// The seventeenth fresh sets were written blind at the start of
		// session 19, before its changes; the sixteenth are tuning
		// material since. They are tuning material too since session 20,
		// whose start (session 19's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh17.jsonl", floor{0.742, 0.878, 0.783, 0.065, 0}},
		{"../../testdata/eval/conversations-fresh17.jsonl", floor{0.70, 0.74, 0.916, 0.12, 0.774}},
		// The eighteenth fresh sets were written blind at the start of
		// session 20, before its changes; the seventeenth are tuning
		// material since. They are tuning material too since session 21,
		// whose start (session 20's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh18.jsonl", floor{0.764, 0.871, 0.866, 0.079, 0}},
		{"../../testdata/eval/conversations-fresh18.jsonl", floor{0.72, 0.78, 0.666, 0.06, 0.758}},
		// The nineteenth fresh sets were written blind at the start of
		// session 21, before its changes; the eighteenth are tuning
		// material since. They are tuning material too since session 22,
		// whose start (session 21's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh19.jsonl", floor{0.771, 0.90, 0.816, 0.05, 0}},
		{"../../testdata/eval/conversations-fresh19.jsonl", floor{0.84, 0.94, 0.833, 0.02, 0.919}},
		// The twentieth fresh sets were written blind at the start of
		// session 22, before its changes; the nineteenth are tuning
		// material since. They are tuning material too since session 23,
		// whose start (session 22's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh20.jsonl", floor{0.764, 0.829, 0.80, 0.093, 0}},
		{"../../testdata/eval/conversations-fresh20.jsonl", floor{0.72, 0.82, 0.75, 0.06, 0.806}},
		// The twenty-first fresh sets were written blind at the start of
		// session 23, before its changes; the twentieth are tuning
		// material since. They are tuning material too since session 24,
		// whose start (session 23's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh21.jsonl", floor{0.771, 0.914, 0.85, 0.05, 0}},
		{"../../testdata/eval/conversations-fresh21.jsonl", floor{0.80, 0.90, 0.75, 0, 0.871}},
		// The twenty-second fresh sets were written blind at the start of
		// session 24, before its changes; the twenty-first are tuning
		// material since. They are tuning material too since session 25,
		// whose start (session 24's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh22.jsonl", floor{0.764, 0.928, 0.9, 0.036, 0}},
		{"../../testdata/eval/conversations-fresh22.jsonl", floor{0.80, 0.86, 0.75, 0.04, 0.844}},
		// The twenty-third fresh sets were written blind at the start of
		// session 25, before its changes; the twenty-second are tuning
		// material since. They are tuning material too since session 26,
		// whose start (session 25's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh23.jsonl", floor{0.871, 0.928, 0.833, 0.050, 0}},
		{"../../testdata/eval/conversations-fresh23.jsonl", floor{0.70, 0.90, 1, 0.02, 0.919}},
		// The twenty-fourth fresh sets were written blind at the start of
		// session 26, before its changes; the twenty-third are tuning
		// material since. They are tuning material too since session 27,
		// whose start (session 26's end) their floors are, but for one
		// first citation everyday words ranking by less than their IDF
		// cost ("have both sides always known…?"; see genericSeen).
		{"../../testdata/eval/paraphrase-fresh24.jsonl", floor{0.878, 0.957, 0.816, 0.036, 0}},
		{"../../testdata/eval/conversations-fresh24.jsonl", floor{0.80, 0.90, 1, 0.02, 0.919}},
		// The twenty-fifth fresh sets were written blind at the start of
		// session 27, before its changes; the twenty-fourth are tuning
		// material since. They are tuning material too since session 28,
		// whose start (session 27's end) their floors are. Session 27
		// lost one third citation to the plain words of the text's
		// figures of speech (see figureTerms), chosen on the tuning sets
		// for 15 first citations more and 11 false declines fewer.
		{"../../testdata/eval/paraphrase-fresh25.jsonl", floor{0.886, 0.95, 0.9, 0.015, 0}},
		{"../../testdata/eval/conversations-fresh25.jsonl", floor{0.78, 0.86, 0.583, 0, 0.806}},
		// The twenty-sixth fresh sets were written blind at the start of
		// session 28, before its changes; the twenty-fifth are tuning
		// material since. They are tuning material too since session 29,
		// whose start (session 28's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh26.jsonl", floor{0.864, 0.971, 0.867, 0.022, 0}},
		{"../../testdata/eval/conversations-fresh26.jsonl", floor{0.9, 0.92, 0.917, 0.02, 0.919}},
		// The twenty-seventh fresh sets were written blind at the start
		// of session 29, before its changes. They are tuning material
		// since session 30, whose start (session 29's end) their floors
		// are.
		{"../../testdata/eval/paraphrase-fresh27.jsonl", floor{0.921, 0.978, 0.833, 0.008, 0}},
		{"../../testdata/eval/conversations-fresh27.jsonl", floor{0.74, 0.88, 0.667, 0, 0.839}},
		// The twenty-eighth fresh sets were written blind at the start
		// of session 30, before its changes. They are tuning material
		// since session 31, whose start (session 30's end) their floors
		// are.
		{"../../testdata/eval/paraphrase-fresh28.jsonl", floor{0.893, 0.964, 0.9, 0, 0}},
		{"../../testdata/eval/conversations-fresh28.jsonl", floor{0.84, 0.9, 0.75, 0, 0.871}},
		// The twenty-ninth fresh sets were written blind at the start of
		// session 31, before its changes. They are tuning material since
		// session 32, whose start (session 31's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh29.jsonl", floor{0.936, 0.971, 0.833, 0.014, 0}},
		{"../../testdata/eval/conversations-fresh29.jsonl", floor{0.82, 0.92, 1, 0, 0.935}},
		// The thirtieth fresh sets were written blind at the start of
		// session 32, before its changes. They are tuning material since
		// session 33, whose start (session 32's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh30.jsonl", floor{0.907, 0.985, 0.9, 0, 0}},
		{"../../testdata/eval/conversations-fresh30.jsonl", floor{0.78, 0.9, 0.833, 0, 0.887}},
		// The thirty-first fresh sets were written blind at the start of
		// session 33, before its changes. They are tuning material since
		// session 34, whose start (session 33's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh31.jsonl", floor{0.95, 0.978, 0.9, 0.008, 0}},
		{"../../testdata/eval/conversations-fresh31.jsonl", floor{0.84, 0.94, 0.833, 0, 0.919}},
		// The thirty-second fresh sets were written blind at the start of
		// session 34, before its changes. They are tuning material since
		// session 35, whose start (session 34's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh32.jsonl", floor{0.885, 0.985, 0.783, 0.008, 0}},
		{"../../testdata/eval/conversations-fresh32.jsonl", floor{0.88, 0.92, 1, 0, 0.935}},
		// The thirty-third fresh sets were written blind at the start of
		// session 35, before its changes. They are tuning material since
		// session 36, whose start (session 35's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh33.jsonl", floor{0.871, 0.964, 0.816, 0.015, 0}},
		{"../../testdata/eval/conversations-fresh33.jsonl", floor{0.86, 0.94, 0.833, 0, 0.919}},
		// The thirty-fourth fresh sets were written blind at the start of
		// session 36, before its changes. They are tuning material since
		// session 37, whose start (session 36's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh34.jsonl", floor{0.842, 0.935, 0.966, 0.029, 0}},
		{"../../testdata/eval/conversations-fresh34.jsonl", floor{0.84, 0.94, 0.916, 0, 0.935}},
		// The thirty-fifth fresh sets were written blind at the start of
		// session 37, before its changes. They are tuning material since
		// session 38, whose start (session 37's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh35.jsonl", floor{0.942, 0.957, 0.866, 0.022, 0}},
		{"../../testdata/eval/conversations-fresh35.jsonl", floor{0.88, 0.94, 0.916, 0, 0.935}},
		// The thirty-sixth fresh sets were written blind at the start of
		// session 38, before its changes. They are tuning material since
		// session 39, whose start (session 38's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh36.jsonl", floor{0.9, 0.971, 0.866, 0, 0}},
		{"../../testdata/eval/conversations-fresh36.jsonl", floor{0.88, 0.92, 0.916, 0, 0.919}},
		// The thirty-seventh fresh sets were written blind at the start of
		// session 39, before its changes. They are tuning material since
		// session 40, whose start (session 39's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh37.jsonl", floor{0.885, 0.957, 0.9, 0.036, 0}},
		{"../../testdata/eval/conversations-fresh37.jsonl", floor{0.88, 1, 0.833, 0, 0.967}},
		// The thirty-eighth fresh sets were written blind at the start of
		// session 40, before its changes. They are tuning material since
		// session 41, whose start (session 40's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh38.jsonl", floor{0.95, 0.978, 0.95, 0.008, 0}},
		{"../../testdata/eval/conversations-fresh38.jsonl", floor{0.94, 0.98, 0.666, 0, 0.919}},
		// The thirty-ninth fresh sets were written blind at the start of
		// session 41, before its changes. They are tuning material since
		// session 42, whose start (session 41's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh39.jsonl", floor{0.964, 0.971, 0.933, 0.022, 0}},
		{"../../testdata/eval/conversations-fresh39.jsonl", floor{0.82, 0.96, 0.75, 0.04, 0.919}},
		// The fortieth fresh sets were written blind at the start of
		// session 42, before its changes. They are tuning material since
		// session 43, whose start (session 42's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh40.jsonl", floor{0.957, 0.985, 0.816, 0.008, 0}},
		{"../../testdata/eval/conversations-fresh40.jsonl", floor{0.92, 0.96, 0.916, 0.02, 0.951}},
		// The forty-first fresh sets were written blind at the start of
		// session 43, before its changes. They are tuning material since
		// session 44, whose start (session 43's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh41.jsonl", floor{0.964, 0.992, 0.85, 0, 0}},
		{"../../testdata/eval/conversations-fresh41.jsonl", floor{0.92, 0.96, 0.916, 0, 0.951}},
		// The forty-second fresh sets were written blind at the start of
		// session 44, before its changes. They are tuning material since
		// session 45, whose start (session 44's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh42.jsonl", floor{0.914, 0.942, 0.883, 0.029, 0}},
		{"../../testdata/eval/conversations-fresh42.jsonl", floor{0.88, 0.96, 1, 0.02, 0.967}},
		// The forty-third fresh sets were written blind at the start of
		// session 45, before its changes. They are tuning material since
		// session 46, whose start (session 45's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh43.jsonl", floor{0.964, 0.978, 0.816, 0, 0}},
		{"../../testdata/eval/conversations-fresh43.jsonl", floor{0.82, 0.88, 0.833, 0.06, 0.87}},
		// The forty-fourth fresh sets were written blind at the start of
		// session 46, before its changes. They are tuning material since
		// session 47, whose start (session 46's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh44.jsonl", floor{0.964, 0.971, 0.899, 0.015, 0}},
		{"../../testdata/eval/conversations-fresh44.jsonl", floor{0.86, 0.96, 1, 0, 0.967}},
		// The forty-fifth fresh sets were written blind at the start of
		// session 47, before its changes. They are tuning material since
		// session 48, whose start (session 47's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh45.jsonl", floor{0.971, 1, 0.833, 0, 0}},
		{"../../testdata/eval/conversations-fresh45.jsonl", floor{0.84, 0.94, 0.833, 0, 0.919}},
		// The forty-sixth fresh sets were written blind at the start of
		// session 48, before its changes. They are tuning material since
		// session 49, whose start (session 48's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh46.jsonl", floor{0.964, 0.971, 0.883, 0.008, 0}},
		{"../../testdata/eval/conversations-fresh46.jsonl", floor{0.88, 0.98, 0.916, 0, 0.967}},
		// The forty-seventh fresh sets were written blind at the start of
		// session 49, before its changes. They are tuning material since
		// session 50, whose start (session 49's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh47.jsonl", floor{0.928, 0.95, 0.9, 0.029, 0}},
		{"../../testdata/eval/conversations-fresh47.jsonl", floor{0.86, 0.9, 1, 0.02, 0.919}},
		// The forty-eighth fresh sets were written blind at the start of
		// session 50, before its changes. They are tuning material since
		// session 51, whose start (session 50's end) their floors are.
		{"../../testdata/eval/paraphrase-fresh48.jsonl", floor{0.928, 0.957, 0.916, 0.029, 0}},
		{"../../testdata/eval/conversations-fresh48.jsonl", floor{0.94, 0.98, 1, 0.02, 0.983}},
		// The forty-ninth fresh sets were written blind at the start of
		// session 51, before its changes. The floors are the session's
		// start.
		{"../../testdata/eval/paraphrase-fresh49.jsonl", floor{0.957, 0.985, 0.816, 0.008, 0}},
		{"../../testdata/eval/conversations-fresh49.jsonl", floor{0.86, 0.98, 1, 0, 0.983}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			cleanEnv(t)
			r := runCLI(t, "", "eval", "--json", tt.file)
			wantExit(t, r, 0)
			var rep struct {
				HitAt1               float64 `json:"hit_at_1"`
				HitAt3               float64 `json:"hit_at_3"`
				DeclineAccuracy      float64 `json:"decline_accuracy"`
				FalseDeclineRate     float64 `json:"false_decline_rate"`
				ConversationAccuracy float64 `json:"conversation_accuracy"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
				t.Fatal(err)
			}
			const eps = 0.0005 // the floors are printed figures, rounded to three places
			checks := []struct {
				name      string
				got, want float64
				lower     bool // lower is better
			}{
				{"hit@1", rep.HitAt1, tt.want.hit1, false},
				{"hit@3", rep.HitAt3, tt.want.hit3, false},
				{"decline accuracy", rep.DeclineAccuracy, tt.want.declineAcc, false},
				{"false-decline rate", rep.FalseDeclineRate, tt.want.maxFalseDecline, true},
				{"conversations", rep.ConversationAccuracy, tt.want.conversations, false},
			}
			for _, c := range checks {
				if c.lower && c.got > c.want+eps || !c.lower && c.got < c.want-eps {
					t.Errorf("%s: got %.3f, want no worse than %.3f", c.name, c.got, c.want)
				}
			}
		})
	}
}
