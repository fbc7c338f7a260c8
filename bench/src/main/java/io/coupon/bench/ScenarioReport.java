package io.coupon.bench;

/** What a command prints and writes: a summary for the terminal, JSON for the file, and whether a check failed. */
public interface ScenarioReport {

    String summaryText();

    String toJsonString();

    /** True when the system under test broke an invariant (e.g. oversold): the command then exits 1. */
    boolean failedCheck();
}
