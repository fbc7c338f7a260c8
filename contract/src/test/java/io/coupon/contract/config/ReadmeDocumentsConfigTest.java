package io.coupon.contract.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeDocumentsConfigTest {

    @Test
    void documentsEveryVariableTheConfigurationReads() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (String variable : CouponConfig.VARIABLES) {
            assertTrue(readme.contains("| `" + variable + "` |"), variable + " is missing from the README's table");
        }
    }
}
