// Package wordnet relates English words to one another so that knowledge
// can expand a question's words: a paraphrased question still finds the
// sentence that answers it. It also says how common a word is, so that
// knowledge can tell an everyday word it lacks ("previous") from a specific
// one ("centrifuges"). And it gives a word's opposites, so that a checker
// can catch a draft that says the opposite of its source ("decreased" where
// the source says "increased"). It reads an irregular form as its word:
// "struck" as "strike", "children" as "child". It is a table, generated
// from WordNet and two word lists and embedded in the binary, looked up by
// Related, Antonyms and Frequency:
//
//	e := wordnet.Related("sedan")
//	for i := range e.Len() {
//		stem, rel := e.At(i) // "car", wordnet.Hypernym …
//	}
//	e = wordnet.Related("struck")    // "strike", wordnet.Inflection, first
//	a := wordnet.Antonyms("increas") // "decreas", wordnet.Antonym
//	n := wordnet.Frequency("sedan")  // 2: a rare word
//
// Related gives only words that may stand for the one looked up, and
// Antonyms only its opposites: the two never mix, so expanding a question
// with Related never brings in an opposite.
//
// # Keys and targets
//
// Keys and targets are stems as knowledge computes them: a word is
// lower-cased and stemmed with english.Stem(word, true) (Porter2, from
// github.com/kljensen/snowball). An acronym ("IAEA", "U.S.A.") is its letters,
// lower-cased and stemmed the same way, except one that spells a stop word
// ("US"), which stays as it is ("us"), as knowledge keeps it. A phrase
// ("United States", "Secretary of State") is the stems of its words, stop
// words dropped, joined by single spaces ("unit state"). Phrases appear only
// as an acronym's expansion: a phrase key holds its acronyms and its
// synset's single words, and a phrase target is always an Abbreviation.
// StartsPhrase says whether a stem begins a key phrase, so a caller need try
// the bigrams and trigrams of consecutive content words only then. No key or
// target is a number, a single letter or a stop word (knowledge's list and
// its question words), except an acronym that spells one ("us"); no key
// relates to itself. A key may hold no targets, only a frequency
// ("around"): Related returns no entries for it, and All skips it.
//
// Because keys are stems, a key stands for every word with that stem:
// "talk" holds what WordNet says of "talk" and of "talks" ("negotiation").
// Where Porter2 joins unrelated words, only the main ones count (see the
// rules).
//
// # Rules
//
// Each key holds at most 16 related targets, of which at most five
// hypernyms and six hyponyms: the strongest relation first (Inflection,
// then Spelling, Synonym, Abbreviation, Derived, Hypernym, Hyponym), then
// the most frequent (by the tag counts below), then in byte order. A
// target has the strongest relation found for it. Apart from them, a key holds at most
// eight antonyms, the most frequent first; in the table they follow the
// other targets, outside the 16, and All yields them last.
//
// Senses. WordNet orders a word's senses by their frequency in its
// sense-tagged corpus (cntlist.rev). Only a word's frequent senses count: its
// first, and its second or third if tagged at least twice and at least a
// quarter as often as the first (or as often); for a word never tagged, only
// its first sense; for an acronym never tagged, its first three. A part of
// speech with under a tenth of a word's tags is ignored ("table" the verb).
// Where several WordNet words share a stem, a word counts for the stem only
// if it has at least half the tags of the stem's most tagged word, or is
// derived from it ("negotiation" beside "negotiate"), or is a tagged plural
// ("talks"): so "hard" does not take "barely" from "hardly", nor "aid"
// anything from "AIDS". A word missing from both word lists ("eubstance",
// "operose") is dropped.
//
// Synonym: two words sharing a synset that is a frequent sense of each
// ("deal" and "bargain", but not "deal" and "hand"). Adjectives and adverbs,
// whose senses are finer, need less: an adjective or adverb synset relates
// two of its single words when it is the first sense of one and, of the
// other, its first, or its second or third if tagged at least twice
// ("probable", sense 1, and "likely", sense 2 with 4 tags; "still" and
// "nevertheless"; but not "large", whose untagged third sense is
// "bombastic"). The key must still be a main word of its stem; the target
// need not be if its sense is tagged at least twice: "probable" →
// "like", for "likely", but not "like" → "probable". Nouns and verbs keep
// the strict rule.
//
// LooseSynonym: two single words sharing a synset that is not a frequent
// sense of both but, for each, among its first five senses with at least
// an eighth of its first sense's tags (and at least two): "yield" and
// "concede", "sink" and "drop". A word never tagged has no known order of
// senses, so its first two count ("bedrock", the rock or the principle,
// and "fundament"). They come after every other relation but
// the antonyms, take no pair nor place from a stronger relation, and give
// way to an antonym; a reader should weigh them less: a less common
// meaning may widen a search, not vouch for a claim.
//
// Abbreviation: a synset holding an acronym (two to eight capitals, or
// dotted letters) and a phrase whose initials spell it, with or without
// its stop words ("USA", "United States of America"). In such a synset,
// every acronym that spells one of its phrases and every phrase spelt by one
// of its acronyms are related both ways ("us" ↔ "unit state", "us" ↔ "unit
// state america"); its single words stay synonyms ("us" ↔ "america").
//
// Derived: WordNet's derivationally related form ("+") and pertainym ("\")
// pointers between two words ("decide" ↔ "decision", "presidential" ↔
// "president"), from a frequent sense of the key to any of the target's
// first three senses.
//
// Hypernym: the single words of the direct hypernyms ("@", "@i") of a
// frequent sense, and for an adjective satellite its head ("huge" →
// "large"), each a frequent sense of its own word. A hypernym is skipped as
// too general when it is a noun in noun.Tops or fewer than four steps below
// the top (entity, object, act, person, group, attribute, state, event,
// communication, relation…), when it has over 60 direct hyponyms (verbs
// such as "change" and "move"), or when its word has over 12 senses ("give").
//
// Hyponym: the single words of the direct hyponyms and instances ("~",
// "~i") of a frequent sense, each a frequent sense of its own word (for a
// word never tagged, its first) and of a word with at most 12 senses: a
// question may use a more general word than the text ("doubt" →
// "skepticism", "legislature" → "parliament", "Congress"). A sense with
// over 40 direct hyponyms and instances gives none, since each then says
// little ("person", "city").
//
// Places: a country, state or district relates to the cities it holds
// (its part meronyms, "%p", that are instances of a city, a town or a
// capital) as hyponyms: "austria" → "vienna", "dc" → "washington"; so
// does the adjective that pertains to the country (its pertainym pointer,
// "\", leads there): "austrian" → "vienna", "swiss" → "geneva". A
// question about the country finds the text that names its city. Not the
// other way ("ohio" is no "us"), nor a region ("north"), nor for a holder
// of over 40 parts.
//
// Spelling: a British and an American spelling ("colour", "color"), related
// both ways when their stems differ by at most three letters. A pair is a
// word and its respelling by one or two of our→or, is→iz, ys→yz, re→er,
// ence→ense, ogue→og, ll↔l, ae→e, oe→e, mme→m, eing→ing, gement→gment,
// que→ck, ey→ay, ough→ow, yre→ire, ium→um, sc→sk, oul→ol, aught→aft, sy→zy
// and a few single words, with evidence: the British list has the one and
// the American list the other, and one of them is missing from the other
// country's list; or WordNet puts both in one synset. Porter2 strips
// "-ize" but not "-ise", so the stems of such a pair may be a word and its
// root ("critic" ↔ "criticis", "recogn" ↔ "recognis"). WordNet spells the
// American way, so a British stem also takes the relations that WordNet
// gives its American counterparts, after its spellings and under the same
// limits: those reached through one pair or several ("colouris" → "colour"
// → "color"). So "recognis" reaches what "recogn" does, and "favour" what
// "favor" does; an American stem gains only its British spellings.
//
// Inflection: an irregular form and its base, from WordNet's exception
// lists (verb.exc, noun.exc, adj.exc, adv.exc: "struck strike", "children
// child", "better good well"), related both ways, as are two forms of one
// base ("began" ↔ "begun"): the same word, which a caller may weigh as a
// Spelling. Comparatives and superlatives count ("bigger" ↔ "big",
// "better" ↔ "good", "well"): a question asking what is bigger is about
// what is big, and "better" finds what "good" finds, little changed.
// Besides WordNet's irregular ones, the regular forms its rules of
// detachment would find count too, since Porter2 does not join even
// "smaller" and "small": "er" and "est" (or "r" and "st" after an "e") on
// a one-word adjective ("wider" ↔ "wide", "newest" ↔ "new"), when the word
// lists hold the form and WordNet knows no word of that spelling
// ("closer", "modest" and "number" are words of their own).
//
// A pair is kept when the form and the base are single words of the word
// lists with different stems (Porter2 already joins most pairs, "abetted
// abet"); when the base is the main word of its stem (its most tagged
// lemma, or one with half its tags) in a part of speech with a tenth of
// its tags, or the form would take another word's relations ("reis", the
// coins, those of "real" the adjective; "manlier" those of "man", for
// "manly"); and when the form is no word of its own. It is one when
// WordNet tags a frequent sense of it at least once, other than in the
// part of speech its inflection fills (an adjective for a verb's
// participle, "lost", "known"; an adjective or adverb for a comparative,
// "better"; a noun for a plural, "men", "data") and other than in a synset
// with the base. The corpus tags the form used as an inflection under its
// base, so any tag of its own is another word in use ("found", to
// establish, 9 tags; "saw", to cut, 1), while an untagged sense ("won",
// the currency; "felt", the fabric; "LED") is too rare to outweigh the
// inflection, as is one in a minor part of speech ("better", to improve:
// 3 of its 152 tags). It is one too when another word with its stem has a
// frequent sense with at least a quarter of the base's tags ("range"
// beside "rang", for "ring"; "live" beside "lives", for "life"; but not
// "analyse", 2 tags, beside "analyses", for "analysis", 52). So "left",
// "found", "saw", "lay", "thought", "shot", "ground", "rose", "wound",
// "fell", "bit", "bore", "bound", "spoke" and "worst" are no inflections.
//
// A form takes its base's relations, after its inflections and under the
// same limits, as a British spelling takes its American one's, though not
// the base's spellings; a form with several bases takes all of theirs
// ("better": "good" and "well"), and keeps its own ("lost": "confused").
// A pair that is also a Spelling ("diall" and "dial", for "dialled") stays
// one.
//
// Antonym: WordNet's antonym pointers ("!"), which join two words, each in
// one sense ("increase" ↔ "decrease", "strong" ↔ "weak", "success" ↔
// "failure", "permit" ↔ "forbid"), when the sense is a frequent one of
// either word and the other's is among its first three, as for Derived;
// both must be single words, not acronyms. WordNet links only the heads of
// its adjective clusters ("large" ↔ "small"), so a satellite adjective
// ("huge", similar to "large") takes the words its head's pointers name
// ("small", "little"), each in a frequent sense: at most two, the most
// tagged, and only when the satellite's sense is tagged at least twice and
// it is the most tagged word of its stem ("winning", charming, does not
// speak for "win"). It never takes the other head's satellites ("huge" ↔
// "tiny" is not said), and no antonymy passes along any other link: not
// to synonyms ("allow" ↔ "disallow" and "permit" ↔ "forbid", but not
// "allow" ↔ "forbid"), nor to derived forms, which mostly share the pair's
// stems anyway ("increase" the verb and the noun). WordNet gives "support"
// and "oppose" no antonym at all. Every pair holds both ways. A British
// spelling takes its American stem's pairs, both ways ("honour" ↔
// "dishonour", "dishonor"), unless it is that stem plus "is" ("privatis"),
// which Porter2 gives to an "-ise" verb only ("privatise", not "private").
// So do an inflection's forms, each with the other stem and its forms
// ("win" ↔ "lose" gives "won" ↔ "lose", "win" ↔ "lost", "won" ↔ "lost"),
// after all pairs of WordNet's words, in the cap and in a key's list.
// A pair whose stems the other relations join, either way, keeps that
// relation and is no antonym ("employ" ↔ "employe", derived forms, for
// "employer" and "employee"). The cap of eight keeps pairs whole: pairs
// are taken direct ones first, then the most tagged, each only while both
// its stems have fewer than eight.
//
// The thresholds are constants in gen/builder.go; gen -explain shows how
// they see a word's senses (and their antonym pointers) and gen -dump a
// word's frequency and targets.
//
// # Frequency
//
// A key's frequency is how often WordNet's semantic concordances (about
// 259,000 tagged words, mostly of the Brown Corpus) tag any sense of any
// word with that stem, in any part of speech: the tag counts of
// cntlist.rev, summed. (The index files' tagsense_cnt is no measure of
// this: it counts a word's tagged senses, not their tags.) A British stem
// counts as often as the most frequent of its American counterparts, since
// WordNet rarely lists the British spelling. Every stem tagged at least
// once is a key. Any other stem has frequency 0, as
// do the words WordNet lacks altogether: pronouns, prepositions and other
// function words ("everyone"), and names ("Fordow"). An inflected form
// counts as often as the most frequent of its bases ("won" as "win"), for
// the concordances tag it under its base; with them, about 13,700 keys
// have a frequency. The concordances tag
// a proper name with its category, so "person" (6,914), "group" and
// "location" count far above their share. Counts are stored exactly, in
// two bytes (the highest is 6,914; any over 65,535 would be capped).
//
// # Adjectives
//
// Adjective says whether a word (as written, lower case) is most often an
// adjective: one of the word lists' lower-case words whose adjective
// reading WordNet's corpus tags more often than its reading in any other
// part of speech, or, none being tagged, that has more adjective senses. A
// word WordNet holds is read as itself, and an adjective that is a
// participle as its verb too ("signed" is more "sign" than an adjective);
// any other word as its bases, through the exception lists and WordNet's
// rules of detachment ("tougher" as "tough"). The list (adjectives.txt,
// about 8,200 words) is generated with the table.
//
// Verb says the same of the verb, by the same rule ("passed" as "pass",
// "met" through the exception list): a question's verb is found after its
// subject by it. Its list (verbs.txt, about 18,000 words) is generated with
// the table too.
//
// # Sources and regeneration
//
// The table (table.bin), the adjectives (adjectives.txt) and the verbs
// (verbs.txt) are generated
// from Debian's packages wordnet-base 1:3.0-37 (WordNet 3.0 with its
// exception lists, in /usr/share/wordnet), wbritish 2020.12.07-2 and
// wamerican 2020.12.07-2 (/usr/share/dict/british-english and
// american-english). To regenerate them:
//
//	apt-get install wordnet-base wbritish wamerican && go generate ./knowledge/internal/wordnet
//
// The generator (gen) is deterministic: the same files give the same table,
// byte for byte, which TestGenerate checks whenever wordnet-base is installed.
//
// WordNet 3.0 is Copyright 2006 by Princeton University and distributed
// under the licence in LICENSE-WordNet, which must accompany the table; the
// word lists' notice is in LICENSE-SCOWL.
//
// # Why a generated table
//
// Lookups run on every chat message, so they must not allocate, and the
// process must not parse a database at start. The Go WordNet libraries
// found (such as github.com/fluhus/gostuff/nlp/wordnet) read WordNet's own
// files at run time into a full in-memory graph of lemmas and synsets, and
// know nothing of Porter2 stems, of which senses are frequent, or of
// British spellings; none offers a compact table keyed by stems. So the
// selection is done once, by gen, and the result embedded: the table is
// about 720 KB and init only slices its header. Related, Antonyms and
// Frequency find their key through a hash index of the keys (a uint32 a
// slot, 256 KB), built on the first lookup in about a millisecond: a
// binary search of the sorted keys missed the cache at most of its
// fifteen steps, and with the word lists' took an eighth of a question's time.
package wordnet
