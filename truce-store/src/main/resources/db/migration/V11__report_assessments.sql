-- What each report was last assessed on, per agreement, whether or not the assessment found
-- anything (issue 4). A report the engine gave no assessment has no findings row, so the findings
-- alone could not say it was assessed, nor on which agreement or facility list: after a change it
-- was never assessed again. Rows already in findings say it for the reports that have findings.
CREATE TABLE report_assessments (
    report_id          BIGINT       NOT NULL,
    agreement_id       VARCHAR(200) NOT NULL,
    report_version     INTEGER      NOT NULL,
    agreement_version  VARCHAR(200) NOT NULL,
    reference_version  VARCHAR(200) NOT NULL,
    computed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT report_assessments_pk PRIMARY KEY (report_id, agreement_id),
    CONSTRAINT report_assessments_report_fk FOREIGN KEY (report_id) REFERENCES reports (id)
);

INSERT INTO report_assessments (report_id, agreement_id, report_version, agreement_version, reference_version,
        computed_at)
SELECT report_id, agreement_id, MIN(report_version), MIN(agreement_version), MIN(reference_version), MAX(computed_at)
FROM findings
GROUP BY report_id, agreement_id;
