package org.truce.agreement;

/**
 * One obligation of an agreement. The kinds are closed: the engine and every adapter handle each
 * one explicitly, and the compiler says where a new kind must be handled.
 */
public sealed interface Commitment
        permits StrikeMoratorium, CeasefireZone, NavigationSafetyArea, PrisonerExchange, ProcessMilestone {

    CommitmentTerms terms();

    CommitmentKind kind();

    default String id() {
        return terms().id();
    }
}
