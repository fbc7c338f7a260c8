package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code docs/openapi.yaml} is what client generators can read: a valid OpenAPI 3.1 document. */
class OpenApiDocumentTest {

    @Test
    void theReferenceIsAValidOpenApi31Document() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(
                Files.readString(Path.of("..", "docs", "openapi.yaml")), null, options);

        assertNotNull(parsed.getOpenAPI(), () -> "not parsed: " + parsed.getMessages());
        assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());
        assertEquals(List.of(), parsed.getMessages(), "what the parser found wrong");
    }
}
