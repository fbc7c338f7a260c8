package io.coupon.contract;

import io.coupon.domain.ClaimOutcome;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Rejections decided in this process, handed to this process's API as they are decided, instead of being read
 * back from {@code claim-results}. Only where one process decides every claim it takes (the all-in-one on its
 * embedded broker); elsewhere it hands nothing.
 *
 * <p>Answering at the decision is as safe as answering from the record written before its transaction commits,
 * which the API did before: the decider is a pure function of its committed input in partition order, so a
 * replay after a crash decides the same again. Grants are not handed here: a 201 waits until its wallet record
 * is in the user's partition ({@link ClaimAnswers}), so the coupon is in the next wallet read.
 *
 * <p>The stream thread only queues the outcome; one thread of this class completes the waiting request, so the
 * stream thread never writes an HTTP answer.
 */
public final class LocalAnswers implements AutoCloseable {

    private final ExecutorService handOff;
    private volatile Consumer<ClaimOutcome> api;

    private LocalAnswers(ExecutorService handOff) {
        this.handOff = handOff;
    }

    /** Hands nothing: claims are answered from {@code claim-results} alone. */
    public static LocalAnswers none() {
        return new LocalAnswers(null);
    }

    /** Hands this process's rejections to the API once it has {@link #connect connected}. */
    public static LocalAnswers inProcess() {
        return new LocalAnswers(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "local-answers");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Whether this process's rejections reach its API here. */
    public boolean active() {
        return handOff != null;
    }

    public void connect(Consumer<ClaimOutcome> decided) {
        this.api = decided;
    }

    /** Called by the decider, on its stream thread, for every outcome it writes to {@code claim-results}. */
    public void decided(ClaimOutcome outcome) {
        Consumer<ClaimOutcome> to = api;
        if (to == null || outcome.status().granted()) {
            return;
        }
        try {
            handOff.execute(() -> to.accept(outcome));
        } catch (RejectedExecutionException closing) {
            // the process is stopping; claims.decided reads claim-results too
        }
    }

    @Override
    public void close() {
        if (handOff != null) {
            handOff.shutdownNow();
        }
    }
}
