package io.coupon.contract;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Which record answers a claim. The API answers from the decider's records as soon as they are written, before
 * their transaction commits; a fresh grant is answered from its {@code wallet-commands} record, so a client
 * holding the 201 can be sure the grant is already in the user's partition, ahead of its next wallet read or
 * redemption. Its twin on {@code claim-results} says so, and every other outcome answers on
 * {@code claim-results} itself.
 */
public final class ClaimAnswers {

    /** Header on a fresh grant's {@code claim-results} record: its answer is the wallet record. */
    public static final String ANSWERED_ON_WALLET = "coupon-answered-on-wallet";
    /** Header on a fresh grant's {@code wallet-commands} record: it answers the claim. */
    public static final String ANSWERS_CLAIM = "coupon-answers-claim";

    private static final byte[] YES = "1".getBytes(StandardCharsets.US_ASCII);

    private ClaimAnswers() {
    }

    public static Headers answeredOnWallet() {
        return new RecordHeaders().add(ANSWERED_ON_WALLET, YES);
    }

    public static Headers answersClaim() {
        return new RecordHeaders().add(ANSWERS_CLAIM, YES);
    }

    /** Whether a {@code claim-results} record is the answer to its claim. */
    public static boolean answersOnClaimResults(Headers headers) {
        return headers.lastHeader(ANSWERED_ON_WALLET) == null;
    }

    /** Whether a {@code wallet-commands} record is the answer to a claim. */
    public static boolean answersOnWalletCommands(Headers headers) {
        return headers.lastHeader(ANSWERS_CLAIM) != null;
    }
}
