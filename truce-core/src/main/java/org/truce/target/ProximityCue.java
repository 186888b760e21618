package org.truce.target;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that make an object a place rather than a target: "debris fell in a field near a
 * substation", "shelled an area near the Zaporizhzhia nuclear power plant", "неподалік ТЕЦ". A
 * lexicon names objects, not what happened to them; an object named right after one of these
 * words locates the event and is set aside like an ignore phrase. Between the cue and the object
 * only an article, proper names (capitalised) and a few words that qualify a facility may stand,
 * so "shelling near Kupiansk damaged a substation" still names the substation.
 */
final class ProximityCue {

    private static final Pattern BEFORE_OBJECT = Pattern.compile(
            "(?i:\\bnear|\\bnext\\s+to|\\bclose\\s+to|\\bnot\\s+far\\s+from|\\bin\\s+the\\s+vicinity\\s+of"
                    + "|\\bon\\s+the\\s+(?:road|way)\\s+to|\\bprès\\s+d(?:e|u|es|['’])|\\bà\\s+proximité\\s+d(?:e|u|es|['’])"
                    + "|\\bnon\\s+loin\\s+d(?:e|u|es|['’])|\\baux\\s+abords\\s+d(?:e|u|es|['’])"
                    + "|(?<![\\p{L}])(?:неподалік(?:\\s+від)?|поблизу|біля|поруч(?:\\s+і?з)?|возле|рядом\\s+с|недалеко\\s+от"
                    + "|вблизи|около)(?![\\p{L}]))"
                    + "\\s*(?:(?i:the|a|an|le|la|les|des|un|une)\\s+|(?i:l)['’])?"
                    + "(?:(?:\\p{Lu}[\\p{L}\\p{N}'’-]*|(?i:nuclear|thermal|hydroelectric|hydro|electrical|electric|local"
                    + "|regional|city|main|gas|oil|power|energy|nucléaire|thermique|électrique|locale?|régionale?"
                    + "|hydroélectrique))\\s+){0,2}\\z",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** How far back a cue may start: a cue, an article and two words. */
    private static final int WINDOW = 80;

    private ProximityCue() {
    }

    /**
     * Where the cue before the object starting at {@code objectStart} begins, or -1 when none
     * does; never before {@code notBefore} (the end of the term chosen before it).
     */
    static int startBefore(String text, int objectStart, int notBefore) {
        int from = Math.max(notBefore, objectStart - WINDOW);
        Matcher m = BEFORE_OBJECT.matcher(text).region(from, objectStart);
        return m.find() ? m.start() : -1;
    }
}
