package org.truce.agreement;

import java.util.List;

/** An N-for-N prisoner exchange, possibly in stages, with any wounded transferred besides. */
public record PrisonerExchange(CommitmentTerms terms, List<ExchangeStage> stages) implements Commitment {

    public PrisonerExchange {
        Require.present(terms, "terms");
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("prisoner exchange " + terms.id() + " has no stage");
        }
    }

    @Override
    public CommitmentKind kind() {
        return CommitmentKind.PRISONER_EXCHANGE;
    }

    public int totalPerSide() {
        return stages.stream().mapToInt(ExchangeStage::perSide).sum();
    }
}
