package io.coupon.contract;

import io.coupon.domain.ClaimOutcome;
import io.coupon.contract.http.ApiException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Claims decided in this process, handed to this process's API as they are decided, instead of being read back
 * from {@code claim-results} and {@code wallet-commands}. Only where one process decides every claim it takes and
 * applies every grant: the all-in-one on its embedded broker, while it is the only instance of its stream
 * ({@link #alone}); elsewhere, and while another instance has joined it, it hands nothing and the API reads the
 * topics.
 *
 * <p>Answering at the decision is as safe as answering from the record written before its transaction commits,
 * which the API did before: the decider is a pure function of its committed input in partition order, so a
 * replay after a crash decides the same again. A fresh grant is {@linkplain UnappliedGrants registered} before it
 * is handed over, so the user's next wallet read and Try wait until the wallet step has applied it.
 *
 * <p>The stream thread only queues the outcome; one thread of this class completes the waiting request, so the
 * stream thread never writes an HTTP answer.
 */
public final class LocalAnswers implements AutoCloseable {

    private final ExecutorService handOff;
    private final UnappliedGrants unapplied = new UnappliedGrants();
    private volatile Consumer<ClaimOutcome> api;
    private volatile boolean alone;

    private LocalAnswers(ExecutorService handOff) {
        this.handOff = handOff;
    }

    /** Hands nothing: claims are answered from {@code claim-results} alone. */
    public static LocalAnswers none() {
        return new LocalAnswers(null);
    }

    /** Hands this process's outcomes to the API once it has {@link #connect connected}. */
    public static LocalAnswers inProcess() {
        return new LocalAnswers(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "local-answers");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Whether this process's outcomes reach its API here. */
    public boolean active() {
        return handOff != null;
    }

    public void connect(Consumer<ClaimOutcome> decided) {
        this.api = decided;
    }

    /**
     * Whether this process is the only instance of its stream: set when a rebalance ends with no other member,
     * cleared the moment one begins, before any task can move to another instance.
     */
    public void alone(boolean alone) {
        this.alone = alone;
    }

    /** Called by the decider, on its stream thread, for every outcome it writes to {@code claim-results}. */
    public void decided(ClaimOutcome outcome) {
        Consumer<ClaimOutcome> to = api;
        if (to == null || !alone) {
            return;
        }
        if (outcome.status().granted() && !outcome.replayed()) {
            unapplied.answered(outcome.userId(), outcome.couponId());
        }
        try {
            handOff.execute(() -> to.accept(outcome));
        } catch (RejectedExecutionException closing) {
            // the process is stopping: nothing waits for an answer any more
        }
    }

    /** Called by the wallet step, on its stream thread, for every grant it applies. */
    public void applied(long userId, String couponId) {
        if (api != null) {
            unapplied.applied(userId, couponId);
        }
    }

    /**
     * A wallet task of this process closed: it is committed (a task is closed after its commit, or aborted, when
     * its grants are decided again), so every grant handed over so far is in its partition, and a read or a Try
     * that waits for it would wait for a wallet step that may now run elsewhere.
     */
    public void walletTaskClosed() {
        unapplied.clear();
    }

    /**
     * Completes once every grant handed over for the user is in the wallet: a wallet read or a Try waits for it,
     * so the coupon of a 201 is in the one and behind the other. Fails with {@link #walletCatchingUp} after
     * {@code maxWait}.
     */
    public CompletableFuture<Void> grantsApplied(long userId, Duration maxWait) {
        return unapplied.awaitApplied(userId)
                .orTimeout(maxWait.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionally(timedOut -> {
                    throw walletCatchingUp();
                });
    }

    /** The answer to a wallet read or a redemption step that could not wait long enough for the user's grants. */
    public static ApiException walletCatchingUp() {
        return ApiException.unavailable("the wallet is catching up with its latest grants; retry shortly");
    }

    @Override
    public void close() {
        if (handOff != null) {
            handOff.shutdownNow();
        }
    }
}
