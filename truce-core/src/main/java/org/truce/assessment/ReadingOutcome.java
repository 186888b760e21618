package org.truce.assessment;

/** The outcome under one reading of a commitment's window ("RU" from 18 March, "UA" from 25 March). */
public record ReadingOutcome(String reading, Outcome outcome, String reason) {
}
