package io.coupon.contract.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BrokerQuorumTest {

    @Test
    void noVotersMeansTheSingleNodeOnTheControllerPort() {
        BrokerQuorum quorum = BrokerQuorum.parse("", 1, 9093);

        assertEquals("1@127.0.0.1:9093", quorum.votersConfig());
        assertEquals(1, quorum.replicationFactor());
        assertEquals(1, quorum.minInSyncReplicas());
    }

    @Test
    void threeVotersReplicateThreeTimesAndNeedTwoInSync() {
        BrokerQuorum quorum = BrokerQuorum.parse("1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097", 2, 9093);

        assertEquals(3, quorum.replicationFactor());
        assertEquals(2, quorum.minInSyncReplicas());
        assertEquals(9095, quorum.controllerPort());
    }

    @Test
    void aNodeOutsideTheVotersIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> BrokerQuorum.parse("1@127.0.0.1:9093,2@127.0.0.1:9095", 3, 9093));
    }

    @Test
    void aVoterThatIsNotIdAtHostColonPortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BrokerQuorum.parse("127.0.0.1:9093", 1, 9093));
    }

    @Test
    void twoVotersWithOneIdAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> BrokerQuorum.parse("1@127.0.0.1:9093,1@127.0.0.1:9095", 1, 9093));
    }

    @Test
    void theQuorumComesFromTheEnvironment() {
        CouponConfig config = CouponConfig.fromEnv(java.util.Map.of("COUPON_BROKER_NODE_ID", "3",
                "COUPON_BROKER_QUORUM", "1@h:1,2@h:2,3@h:3"));

        assertEquals(3, config.kafka().brokerQuorum().nodeId());
        assertEquals(3, config.kafka().brokerQuorum().controllerPort());
    }
}
