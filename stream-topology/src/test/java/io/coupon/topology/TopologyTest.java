package io.coupon.topology;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of the topology: each test runs on a fresh {@link TopologyFixture} over a state directory of its own,
 * started before the subclass's own {@code @BeforeEach} and closed after the test.
 */
abstract class TopologyTest {

    @TempDir
    Path stateDir;
    TopologyFixture topology;

    /** The fixture the tests run on; a test class that needs other settings or another wall clock says so here. */
    TopologyFixture fixture(Path stateDir) {
        return new TopologyFixture(stateDir);
    }

    @BeforeEach
    final void startTopology() {
        topology = fixture(stateDir);
    }

    @AfterEach
    final void closeTopology() {
        topology.close();
    }
}
