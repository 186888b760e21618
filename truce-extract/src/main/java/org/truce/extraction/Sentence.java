package org.truce.extraction;

/** One sentence of a statement as the extractor split it: number from 1, where, which language. */
public record Sentence(int number, Span span, Language language) {
}
