package io.coupon.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Holds {@code docs/topology.txt} to what the topology really is. After a deliberate change, regenerate it:
 * <pre>mvn -o -pl stream-topology test -Dtest=TopologyDescriptionTest -Dtopology.regenerate=true</pre>
 */
class TopologyDescriptionTest {

    private static final String REGENERATE = "mvn -o -pl stream-topology test -Dtest=TopologyDescriptionTest "
            + "-Dtopology.regenerate=true";

    /** Surefire runs in the module directory (and sets basedir to it); docs/ is at the repository root. */
    private static final Path DESCRIPTION =
            Path.of(System.getProperty("basedir", ".")).resolve(Path.of("..", "docs", "topology.txt")).normalize();

    @Test
    void describedTopologyMatchesDocs() throws IOException {
        String actual = ClaimTopology.build(TopologySettings.withRetention(Duration.ofHours(24))).describe()
                .toString();

        if (Boolean.getBoolean("topology.regenerate")) {
            Files.createDirectories(DESCRIPTION.getParent());
            Files.writeString(DESCRIPTION, actual);
            return;
        }

        assertTrue(Files.exists(DESCRIPTION), DESCRIPTION + " is missing; generate it with: " + REGENERATE);
        String expected = Files.readString(DESCRIPTION).replace("\r\n", "\n");
        assertEquals(expected, actual, "the topology drifted from " + DESCRIPTION
                + "; if the change is deliberate, regenerate the file with: " + REGENERATE
                + " and commit it with the change");
    }
}
