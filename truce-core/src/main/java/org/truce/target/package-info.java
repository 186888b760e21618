/**
 * Reading what a report says its target was, from its explicit target field or its free-text
 * notes, with per-language lexicons kept as data files beside these classes. Entry point:
 * {@link org.truce.target.TargetLexicon#builtIn()} then
 * {@link org.truce.target.TargetLexicon#read(String, String)}. File format and matching rules:
 * docs/lexicons.md.
 */
package org.truce.target;
