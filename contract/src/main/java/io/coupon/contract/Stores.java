package io.coupon.contract;

/**
 * Every state store of the topology. The topology creates them and {@code state-query} reads them, both by
 * these names.
 */
public final class Stores {

    /** Template id → {@link io.coupon.domain.Template}, in the template's partition. */
    public static final String TEMPLATE_STORE = "template-store";
    /** Template id → {@link io.coupon.domain.Stock}. */
    public static final String STOCK_STORE = "stock-store";
    /** {@link Keys#templateUser} → how many coupons of the template the user holds. */
    public static final String CLAIM_COUNT_STORE = "claim-count-store";
    /** {@link Keys#templateRequest} → the first {@link io.coupon.domain.ClaimOutcome} for that request id. */
    public static final String IDEMPOTENCY_STORE = "idempotency-store";
    /** User id → blocked, copied into every partition of claim-requests. */
    public static final String BLOCKLIST_STORE = "blocklist-store";
    /** User id → {@link io.coupon.domain.Wallet}, in the user's partition of wallet-commands. */
    public static final String WALLET_STORE = "wallet-store";

    /** {@link Keys#userOrder} → {@link io.coupon.domain.Order}, next to the user's wallet. */
    public static final String ORDER_STORE = "order-store";
    /**
     * {@link Keys#expiryIndex} → nothing: the wallet's timers in time order, lock timeouts
     * ({@link Keys#lockTimer}) and coupon expiries ({@link Keys#expiryTimer}).
     */
    public static final String EXPIRY_INDEX_STORE = "expiry-index-store";

    /**
     * {@link Keys#expiryIndex} of the minute's closing time and the template id → that template's
     * {@link io.coupon.contract.message.TemplateStats} of the minute so far; a minute leaves when it is published.
     */
    public static final String TEMPLATE_MINUTES_STORE = "template-minutes-store";

    /** User id → {@link io.coupon.domain.Profile}, as last PUT, next to the user's wallet. */
    public static final String PROFILE_STORE = "profile-store";
    /** User id → {@link io.coupon.domain.UserStats}, kept from the user's coupon transitions. */
    public static final String USER_STATS_STORE = "user-stats-store";
    /** {@link Keys#templateRequest template:issuance} → this partition's walk of a targeted issuance. */
    public static final String ISSUANCE_JOB_STORE = "issuance-job-store";
    /** {@link Keys#templateRequest template:issuance} → {@link io.coupon.domain.IssuanceProgress}. */
    public static final String ISSUANCE_PROGRESS_STORE = "issuance-progress-store";
    /** {@link Keys#templateUser} → when the user first tried to claim an experiment template. */
    public static final String EXPERIMENT_USERS_STORE = "experiment-users-store";
    /** Template id → the experiment's {@link io.coupon.domain.VariantCounts} by variant name. */
    public static final String EXPERIMENT_REPORT_STORE = "experiment-report-store";

    private Stores() {
    }
}
