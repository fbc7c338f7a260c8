package io.coupon.contract.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The KRaft nodes a broker of ours belongs to: its own node id and every voter of the controller quorum. Each node
 * is a combined broker and controller. One voter (the default) is the all-in-one's broker; three make a cluster
 * whose partitions survive the loss of any one node.
 *
 * @param nodeId this broker's id, one of the voters'
 */
public record BrokerQuorum(int nodeId, List<Voter> voters) {

    /** A controller voter: its node id and where its controller listener is. */
    public record Voter(int id, String host, int port) {
        @Override
        public String toString() {
            return id + "@" + host + ":" + port;
        }
    }

    public BrokerQuorum {
        voters = List.copyOf(voters);
        if (voters.stream().noneMatch(voter -> voter.id() == nodeId)) {
            throw new IllegalArgumentException("node " + nodeId + " is not one of the quorum's voters " + voters);
        }
    }

    /** The all-in-one's broker: node 1, its own only voter. */
    public static BrokerQuorum single(int controllerPort) {
        return new BrokerQuorum(1, List.of(new Voter(1, "127.0.0.1", controllerPort)));
    }

    /**
     * {@code 1@host:port,2@host:port,…} as Kafka's {@code controller.quorum.voters} spells it; blank means the
     * single node on {@code controllerPort}.
     */
    public static BrokerQuorum parse(String voters, int nodeId, int controllerPort) {
        if (voters == null || voters.isBlank()) {
            return single(controllerPort);
        }
        List<Voter> parsed = new ArrayList<>();
        for (String voter : voters.split(",")) {
            String v = voter.trim();
            int at = v.indexOf('@');
            int colon = v.lastIndexOf(':');
            if (at < 1 || colon < at + 2 || colon == v.length() - 1) {
                throw new IllegalArgumentException("'" + v + "' is not id@host:port");
            }
            int id = Integer.parseInt(v.substring(0, at));
            int port = Integer.parseInt(v.substring(colon + 1));
            if (id < 0 || port < 1 || port > 65535) {
                throw new IllegalArgumentException("'" + v + "' has an id or a port out of range");
            }
            parsed.add(new Voter(id, v.substring(at + 1, colon), port));
        }
        if (parsed.stream().map(Voter::id).distinct().count() != parsed.size()) {
            throw new IllegalArgumentException("two voters share an id in '" + voters + "'");
        }
        return new BrokerQuorum(nodeId, parsed);
    }

    public int size() {
        return voters.size();
    }

    /** This node's controller listener port. */
    public int controllerPort() {
        return voters.stream().filter(voter -> voter.id() == nodeId).findFirst().orElseThrow().port();
    }

    /** The replication of internal topics and the default of ours: the cluster's size, at most three. */
    public int replicationFactor() {
        return Math.min(3, size());
    }

    /** Writes need this many replicas in sync: every one on a single node, all but one otherwise. */
    public int minInSyncReplicas() {
        return Math.max(1, replicationFactor() - 1);
    }

    public String votersConfig() {
        return String.join(",", voters.stream().map(Voter::toString).toList());
    }
}
