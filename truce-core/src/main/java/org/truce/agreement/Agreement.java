package org.truce.agreement;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An agreement written down as data: its statements, parties, commitments and the positions
 * voiced alongside it. Construction checks that every reference resolves.
 */
public record Agreement(
        String id,
        String title,
        List<Statement> statements,
        List<Party> parties,
        List<Commitment> commitments,
        List<Position> positions) {

    /** Label of the window reading shared by all parties. */
    public static final String COMMON_READING = "common";

    public Agreement {
        Require.id(id, "agreement id");
        title = title == null ? "" : title;
        statements = List.copyOf(statements);
        parties = List.copyOf(parties);
        commitments = List.copyOf(commitments);
        positions = List.copyOf(positions);
        Set<String> partyIds = uniqueIds(parties.stream().map(Party::id).toList(), "party");
        Set<String> statementIds = uniqueIds(statements.stream().map(Statement::id).toList(), "statement");
        Set<String> ids = new HashSet<>();
        for (Commitment c : commitments) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("two commitments or positions have the id " + c.id());
            }
            CommitmentTerms t = c.terms();
            for (PartyStatus s : t.parties()) {
                requireKnown(partyIds, s.party(), "commitment " + c.id() + " party");
                requireSource(statementIds, s.basis(), "commitment " + c.id() + " party " + s.party());
            }
            t.proposedBy().forEach(p -> requireKnown(partyIds, p, "commitment " + c.id() + " proposed_by"));
            for (WindowReading r : t.readings()) {
                if (!r.label().equals(COMMON_READING)) {
                    requireKnown(partyIds, r.label(), "commitment " + c.id() + " window reading");
                }
                requireSource(statementIds, r.basis(), "commitment " + c.id() + " window " + r.label());
            }
            requireSource(statementIds, t.basis(), "commitment " + c.id());
            if (c instanceof PrisonerExchange x) {
                for (ExchangeStage stage : x.stages()) {
                    for (ExchangeStage.Transfer tr : stage.transfers()) {
                        requireKnown(partyIds, tr.fromParty(), "commitment " + c.id() + " transfer from");
                        requireKnown(partyIds, tr.toParty(), "commitment " + c.id() + " transfer to");
                    }
                }
            }
        }
        for (Position p : positions) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("two commitments or positions have the id " + p.id());
            }
            requireKnown(partyIds, p.party(), "position " + p.id() + " party");
            requireSource(statementIds, p.basis(), "position " + p.id());
        }
    }

    public Optional<Party> findParty(String partyId) {
        return parties.stream().filter(p -> p.id().equals(partyId)).findFirst();
    }

    public Optional<Commitment> findCommitment(String commitmentId) {
        return commitments.stream().filter(c -> c.id().equals(commitmentId)).findFirst();
    }

    private static Set<String> uniqueIds(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("two " + what + " entries have the id " + id);
            }
        }
        return seen;
    }

    private static void requireKnown(Set<String> known, String id, String where) {
        if (!known.contains(id)) {
            throw new IllegalArgumentException(where + " names unknown party '" + id + "'");
        }
    }

    private static void requireSource(Set<String> statementIds, SourceRef ref, String where) {
        if (ref != null && !statementIds.contains(ref.statement())) {
            throw new IllegalArgumentException(where + " cites unknown statement '" + ref.statement() + "'");
        }
    }
}
