package io.coupon.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.WriteTxnMarkersRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest;
import org.apache.kafka.common.requests.WriteTxnMarkersResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the transactions that the broker's own coordinator completed without marking them.
 *
 * <p>When the only broker restarts while a transaction is prepared but not yet marked, its coordinator sends the
 * markers while the broker registers again with its controller. For that moment every partition is without a
 * leader; the coordinator takes a partition without a leader for a deleted one, drops its marker and records the
 * transaction as complete. The data then stays in an open transaction for good: the partition's last stable offset
 * stops there, and a read-committed consumer, such as a stream task restoring a store, never gets past it. Kafka's
 * remedy is an operator's {@code kafka-transactions.sh find-hanging} and {@code abort}; the embedded broker has no
 * operator, so it looks at every start, and writes the marker its coordinator decided: a transaction whose
 * producer was told it committed is committed, not aborted. Only what the coordinator cannot tell is aborted.
 */
final class UnmarkedTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(UnmarkedTransactions.class);
    /** Prepared transactions are the coordinator's to finish; this long is enough for it on a restarted broker. */
    private static final Duration PREPARED_SETTLE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    /** A transaction open on one partition, as the partition's leader sees it. */
    record OpenTransaction(TopicPartition partition, long producerId, int producerEpoch, int coordinatorEpoch,
                           long firstOffset) {
    }

    /** The transaction of the same producer, as its coordinator sees it. */
    record CoordinatorView(TransactionState state, int producerEpoch, Set<TopicPartition> partitions) {
    }

    /** What to do with one open transaction. */
    enum Verdict {
        /** The coordinator still owns it: a live transaction, or markers it is about to write. */
        IN_FLIGHT,
        /** Prepared, markers still to come: wait for the coordinator. */
        PREPARED,
        COMMIT,
        ABORT
    }

    /**
     * The rule, apart from Kafka. With transactions of version 2 every end bumps the producer's epoch, so a
     * complete transaction one epoch above the partition's data is the very transaction left open there, and its
     * outcome is known. Anything else the coordinator no longer knows: abort it, as Kafka's tool would.
     */
    static Verdict verdict(OpenTransaction open, Optional<CoordinatorView> coordinator) {
        if (coordinator.isEmpty()) {
            return Verdict.ABORT;
        }
        CoordinatorView view = coordinator.get();
        boolean includesPartition = view.partitions().contains(open.partition());
        switch (view.state()) {
            case ONGOING, PREPARE_EPOCH_FENCE:
                return includesPartition ? Verdict.IN_FLIGHT : Verdict.ABORT;
            case PREPARE_COMMIT, PREPARE_ABORT:
                return includesPartition ? Verdict.PREPARED : Verdict.ABORT;
            case COMPLETE_COMMIT:
                return view.producerEpoch() == open.producerEpoch() + 1 ? Verdict.COMMIT : Verdict.ABORT;
            default:
                return Verdict.ABORT;
        }
    }

    /**
     * The epoch the marker is written with. A COMMIT is the coordinator's, which {@link #verdict} found one above
     * the data's; an ABORT the coordinator did not decide carries the data's own, as Kafka's tool writes it.
     */
    static short markerEpoch(OpenTransaction open, Verdict verdict) {
        return (short) (verdict == Verdict.COMMIT ? open.producerEpoch() + 1 : open.producerEpoch());
    }

    private final Admin admin;
    private final String host;
    private final int port;

    UnmarkedTransactions(Admin admin, String host, int port) {
        this.admin = admin;
        this.host = host;
        this.port = port;
    }

    /**
     * Looks at every partition and ends what was left open; returns how many partitions it marked. Waits while
     * the coordinator still has markers to write or has not loaded the producer yet: on a broker that has just
     * started, a missing producer is far more likely not loaded than gone, and aborting a committed transaction
     * would undo what its producer was told.
     */
    int repair() throws Exception {
        long settleBy = System.nanoTime() + PREPARED_SETTLE.toNanos();
        int marked = 0;
        while (true) {
            List<OpenTransaction> open;
            Map<Long, CoordinatorView> coordinators;
            try {
                open = openTransactions(allPartitions());
                coordinators = coordinatorViews();
            } catch (ExecutionException notReadyYet) {
                if (System.nanoTime() >= settleBy) {
                    throw notReadyYet;
                }
                Thread.sleep(POLL.toMillis());
                continue;
            }
            boolean settling = System.nanoTime() < settleBy;
            boolean waiting = false;
            List<Map.Entry<OpenTransaction, Verdict>> toMark = new ArrayList<>();
            for (OpenTransaction transaction : open) {
                Optional<CoordinatorView> view = Optional.ofNullable(coordinators.get(transaction.producerId()));
                Verdict verdict = verdict(transaction, view);
                if (verdict == Verdict.PREPARED || view.isEmpty() && settling) {
                    waiting = true;
                } else if (verdict == Verdict.COMMIT || verdict == Verdict.ABORT) {
                    toMark.add(Map.entry(transaction, verdict));
                }
            }
            if (waiting && settling) {
                Thread.sleep(POLL.toMillis());
                continue;
            }
            if (toMark.isEmpty()) {
                return marked;
            }
            for (Map.Entry<OpenTransaction, Verdict> entry : toMark) {
                if (stillOpen(entry.getKey()) && mark(entry.getKey(), entry.getValue())) {
                    marked++;
                }
            }
            if (!settling) {
                return marked;
            }
            // Once more: a marker refused (a partition whose leader is still settling) is tried again.
        }
    }

    private List<TopicPartition> allPartitions() throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        return partitions;
    }

    private List<OpenTransaction> openTransactions(List<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        List<OpenTransaction> open = new ArrayList<>();
        admin.describeProducers(partitions).all().get().forEach((partition, state) -> {
            for (ProducerState producer : state.activeProducers()) {
                producer.currentTransactionStartOffset().ifPresent(first -> open.add(new OpenTransaction(partition,
                        producer.producerId(), producer.producerEpoch(),
                        producer.coordinatorEpoch().orElse(0), first)));
            }
        });
        return open;
    }

    private Map<Long, CoordinatorView> coordinatorViews() throws ExecutionException, InterruptedException {
        List<String> ids = admin.listTransactions().all().get().stream()
                .map(TransactionListing::transactionalId).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return admin.describeTransactions(ids).all().get().values().stream().collect(Collectors.toMap(
                TransactionDescription::producerId,
                d -> new CoordinatorView(d.state(), d.producerEpoch(), d.topicPartitions()),
                (a, b) -> a.producerEpoch() >= b.producerEpoch() ? a : b));
    }

    /** Asked again just before marking, so a producer that went on meanwhile is never marked by mistake. */
    private boolean stillOpen(OpenTransaction transaction) throws ExecutionException, InterruptedException {
        return openTransactions(List.of(transaction.partition())).contains(transaction);
    }

    /** The request the coordinator would have sent, to the partition's leader: the one broker. */
    private boolean mark(OpenTransaction transaction, Verdict verdict) throws IOException {
        TopicPartition partition = transaction.partition();
        short epoch = markerEpoch(transaction, verdict);
        WriteTxnMarkersRequestData data = new WriteTxnMarkersRequestData().setMarkers(List.of(
                new WriteTxnMarkersRequestData.WritableTxnMarker()
                        .setProducerId(transaction.producerId())
                        .setProducerEpoch(epoch)
                        .setCoordinatorEpoch(transaction.coordinatorEpoch())
                        .setTransactionResult(verdict == Verdict.COMMIT)
                        .setTransactionVersion((byte) (verdict == Verdict.COMMIT ? 2 : 0))
                        .setTopics(List.of(new WriteTxnMarkersRequestData.WritableTxnMarkerTopic()
                                .setName(partition.topic())
                                .setPartitionIndexes(List.of(partition.partition()))))));
        short version = ApiKeys.WRITE_TXN_MARKERS.latestVersion();
        RequestHeader header = new RequestHeader(ApiKeys.WRITE_TXN_MARKERS, version, "coupon-marker-repair", 1);
        ByteBuffer request = new WriteTxnMarkersRequest.Builder(data).build(version).serializeWithHeader(header);
        Errors error;
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(request.remaining());
            out.write(request.array(), request.arrayOffset() + request.position(), request.remaining());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] response = new byte[in.readInt()];
            in.readFully(response);
            WriteTxnMarkersResponse parsed =
                    (WriteTxnMarkersResponse) AbstractResponse.parseResponse(ByteBuffer.wrap(response), header);
            error = parsed.errorsByProducerId().getOrDefault(transaction.producerId(), Map.of())
                    .getOrDefault(partition, Errors.UNKNOWN_SERVER_ERROR);
        }
        if (error == Errors.NONE) {
            LOG.warn("{} was left in an open transaction of producer {} (epoch {}) from offset {} by the broker's "
                            + "coordinator; wrote its {} marker", partition, transaction.producerId(),
                    transaction.producerEpoch(), transaction.firstOffset(), verdict);
            return true;
        }
        LOG.error("{} is left in an open transaction of producer {} from offset {}; writing its {} marker failed: {}",
                partition, transaction.producerId(), transaction.firstOffset(), verdict, error);
        return false;
    }
}
