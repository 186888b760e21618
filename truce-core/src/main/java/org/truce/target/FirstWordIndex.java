package org.truce.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A character trie over the first word of every term. One walk down a text word finds every term
 * whose first word equals it and every term whose first word is a stem it starts with; most words
 * leave the trie after a character or two. No regular expression, no per-term loop.
 */
final class FirstWordIndex {

    private static final LexiconTerm[] NONE = new LexiconTerm[0];
    private static final char[] NO_KEYS = new char[0];
    private static final Node[] NO_NODES = new Node[0];
    /** Nodes whose keys lie within this many chars keep their children in an array indexed by char. */
    private static final int DENSE_SPAN = 48;

    private final Node root;

    private FirstWordIndex(Node root) {
        this.root = root;
    }

    static FirstWordIndex of(List<LexiconTerm> terms) {
        Draft root = new Draft();
        for (LexiconTerm term : terms) {
            Draft node = root;
            String first = term.word(0);
            for (int i = 0; i < first.length(); i++) {
                node = node.children.computeIfAbsent(first.charAt(i), c -> new Draft());
            }
            (term.isPrefix(0) ? node.prefix : node.exact).add(term);
        }
        return new FirstWordIndex(root.freeze());
    }

    /** Receives the terms whose first word matches a text word. */
    interface Sink {
        void accept(LexiconTerm term, int word);
    }

    /** Passes every term whose first word matches word {@code word} of {@code text} to {@code sink}. */
    void forEachCandidate(TokenizedText text, int word, Sink sink) {
        Node node = root;
        int length = text.length(word);
        for (int k = 0; k < length; k++) {
            node = node.child(text.charAt(word, k));
            if (node == null) {
                return;
            }
            for (LexiconTerm term : node.prefix) {
                sink.accept(term, word);
            }
        }
        for (LexiconTerm term : node.exact) {
            sink.accept(term, word);
        }
    }

    /** The trie's root, for walks that fold their text themselves ({@link TargetScreen}). */
    Node root() {
        return root;
    }

    static final class Node {
        private final char[] keys;
        private final Node[] children;
        private final LexiconTerm[] exact;
        private final LexiconTerm[] prefix;

        /** Children by {@code c - denseFrom}, for nodes whose keys lie close together (the root, most others). */
        private final Node[] dense;
        private final char denseFrom;
        private final boolean oneWordStem;

        Node(char[] keys, Node[] children, LexiconTerm[] exact, LexiconTerm[] prefix) {
            this.keys = keys;
            this.children = children;
            this.exact = exact;
            this.prefix = prefix;
            boolean one = false;
            for (LexiconTerm term : prefix) {
                one |= term.size() == 1;
            }
            this.oneWordStem = one;
            // Every text word starts at the root, where a binary search over ~100 letters showed in
            // profiles; deeper nodes were the largest self time after that (issue 3), and their keys
            // are mostly letters of one script, so a short array serves them too.
            int span = keys.length == 0 ? 0 : keys[keys.length - 1] - keys[0] + 1;
            if (keys.length > 0 && (span <= DENSE_SPAN || keys.length >= 16 && span <= 2048)) {
                denseFrom = keys[0];
                dense = new Node[keys[keys.length - 1] - keys[0] + 1];
                for (int i = 0; i < keys.length; i++) {
                    dense[keys[i] - denseFrom] = children[i];
                }
            } else {
                denseFrom = 0;
                dense = null;
            }
        }

        /** Whether a term's first word is a stem that ends here. */
        boolean endsStem() {
            return prefix.length > 0;
        }

        /** Whether a term of one word is a stem that ends here: any word that reaches this node is that term. */
        boolean endsOneWordStem() {
            return oneWordStem;
        }

        /** The terms whose first word is a stem ending here; not to be changed. */
        LexiconTerm[] prefixTerms() {
            return prefix;
        }

        /** The terms whose first word ends here exactly; not to be changed. */
        LexiconTerm[] exactTerms() {
            return exact;
        }

        /** Whether a term's first word ends here exactly. */
        boolean endsWord() {
            return exact.length > 0;
        }

        Node child(char c) {
            if (dense != null) {
                int at = c - denseFrom;
                return at >= 0 && at < dense.length ? dense[at] : null;
            }
            int low = 0;
            int high = keys.length - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                char key = keys[mid];
                if (key < c) {
                    low = mid + 1;
                } else if (key > c) {
                    high = mid - 1;
                } else {
                    return children[mid];
                }
            }
            return null;
        }
    }

    private static final class Draft {
        private final Map<Character, Draft> children = new TreeMap<>();
        private final List<LexiconTerm> exact = new ArrayList<>();
        private final List<LexiconTerm> prefix = new ArrayList<>();

        Node freeze() {
            char[] keys = children.isEmpty() ? NO_KEYS : new char[children.size()];
            Node[] nodes = children.isEmpty() ? NO_NODES : new Node[children.size()];
            int i = 0;
            for (Map.Entry<Character, Draft> entry : children.entrySet()) {
                keys[i] = entry.getKey();
                nodes[i] = entry.getValue().freeze();
                i++;
            }
            return new Node(keys, nodes, exact.isEmpty() ? NONE : exact.toArray(NONE),
                    prefix.isEmpty() ? NONE : prefix.toArray(NONE));
        }
    }
}
