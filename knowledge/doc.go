// Package knowledge is talksbot's knowledge base: documents and their ingestion
// (plain text, Markdown, HTML), passages and sentences, the retrieval index,
// answerability, and extractive theme summaries.
//
// It imports no other talksbot package. The bot package asks it questions; the
// adapters never see its internals beyond the values it returns.
//
// A Document is split into Sections (a document's themes) and each Section into
// Passages (paragraphs); every Passage keeps its sentences. An Index is built
// once over a set of documents and is safe for concurrent use; rebuilding is
// cheap, so a reload builds a new Index and swaps it.
package knowledge
