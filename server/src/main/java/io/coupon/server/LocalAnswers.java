package io.coupon.server;

import io.coupon.contract.JsonSerdes;
import io.coupon.contract.Topics;
import io.coupon.contract.message.ClaimGrant;
import io.coupon.domain.ClaimOutcome;
import io.coupon.topology.ReportingClientSupplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claim answers handed over inside the process: when this process both decides every claim (the all-in-one
 * server on its embedded broker) and answers it, the answer is taken from the stream's producer once the broker
 * acknowledged it, rather than fetched back from the broker by the answer listener: one fetch fewer per claim.
 * Answers are decoded and handed to the waiting requests on a thread of their own, never on the producer's I/O
 * thread (completing a request writes its HTTP response).
 */
final class LocalAnswers implements ReportingClientSupplier.AnswerTap, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAnswers.class);

    private final Deserializer<ClaimOutcome> outcomes = JsonSerdes.claimOutcome().deserializer();
    private final Deserializer<io.coupon.contract.message.WalletCommand> walletCommands =
            JsonSerdes.walletCommand().deserializer();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "local-claim-answers");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<ClaimOutcome> decided = outcome -> { };

    /** Where answers go from now on (the API starts after the stream). */
    void answerTo(Consumer<ClaimOutcome> decided) {
        this.decided = decided;
    }

    @Override
    public void written(String topic, byte[] value) {
        thread.execute(() -> {
            try {
                decided.accept(decode(topic, value));
            } catch (RuntimeException e) {
                LOG.warn("skipped an unreadable answer written to {}", topic, e);
            }
        });
    }

    private ClaimOutcome decode(String topic, byte[] value) {
        if (Topics.WALLET_COMMANDS.equals(topic)) {
            return ((ClaimGrant) walletCommands.deserialize(topic, value)).outcome();
        }
        return outcomes.deserialize(topic, value);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
