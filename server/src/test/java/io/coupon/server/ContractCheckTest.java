package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check the integration tests' clients run on every exchange is not vacuous: exchanges made from the
 * document's own examples pass it, and the same exchanges with an undocumented field, status, path, parameter or
 * a missing header fail it. No server.
 */
class ContractCheckTest {

    private static final JsonNode DOCUMENT = read();
    private static final HttpHeaders JSON = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")),
            (name, value) -> true);
    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (name, value) -> true);

    @Test
    void passesTheDocumentsOwnExampleOfACreatedTemplate() {
        assertDoesNotThrow(() -> ContractCheck.verify(templateCreated(createdTemplate())));
    }

    @Test
    void failsAnAnswerWithAFieldTheDocumentDoesNotName() {
        ObjectNode template = createdTemplate();
        template.put("colour", "red");

        AssertionError failure = assertThrows(AssertionError.class,
                () -> ContractCheck.verify(templateCreated(template)));

        assertTrue(failure.getMessage().contains("colour"), failure::getMessage);
    }

    @Test
    void passesAnAnswerWhoseFieldsComeFromEveryBranchOfAnAllOf() {
        // A usable coupon is a wallet coupon (one allOf branch) plus what it takes off (another).
        JsonNode wallet = example("/paths/~1v1~1users~1{userId}~1coupons/get/responses/200/content/application~1json"
                + "/examples/usableFor/value");

        assertDoesNotThrow(() -> ContractCheck.verify(answer("GET", "/v1/users/1001/coupons?usableFor=250.00", null,
                200, wallet.toString())));
    }

    @Test
    void failsAFieldTheDocumentDoesNotNameInsideAComposedSchema() {
        ObjectNode wallet = (ObjectNode) example("/paths/~1v1~1users~1{userId}~1coupons/get/responses/200/content"
                + "/application~1json/examples/usableFor/value");
        ((ObjectNode) wallet.get("coupons").get(0)).put("colour", "red");

        AssertionError failure = assertThrows(AssertionError.class, () -> ContractCheck.verify(answer("GET",
                "/v1/users/1001/coupons?usableFor=250.00", null, 200, wallet.toString())));

        assertTrue(failure.getMessage().contains("colour"), failure::getMessage);
    }

    @Test
    void failsAStatusTheOperationDoesNotDocument() {
        JsonNode conflict = example("/paths/~1v1~1templates/post/responses/409/content/application~1json/example");

        AssertionError failure = assertThrows(AssertionError.class,
                () -> ContractCheck.verify(answer("GET", "/v1/templates/42", null, 409, conflict.toString())));

        assertTrue(failure.getMessage().contains("409"), failure::getMessage);
    }

    @Test
    void failsAnUndocumentedPathAnsweredOk() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> ContractCheck.verify(answer("GET", "/v1/coupons/42-1", null, 200, "{\"couponId\": \"42-1\"}")));

        assertTrue(failure.getMessage().contains("/v1/coupons/42-1"), failure::getMessage);
    }

    @Test
    void passesAnUnknownPathAnsweredNotFound() {
        // Tests probe paths the server does not have on purpose; the document's conventions give them 404.
        assertDoesNotThrow(() -> ContractCheck.verify(answer("GET", "/v1/coupons/42-1", null, 404,
                "{\"error\": \"NOT_FOUND\", \"message\": \"no such path\"}")));
    }

    @Test
    void failsARequestBodyTheDocumentCallsInvalidWhenTheServerAcceptsIt() {
        JsonNode granted = example("/paths/~1v1~1templates~1{templateId}~1claims/post/responses/201/content"
                + "/application~1json/examples/granted/value");

        AssertionError failure = assertThrows(AssertionError.class, () -> ContractCheck.verify(answer("POST",
                "/v1/templates/42/claims", "{\"userId\": \"1001\"}", 201, granted.toString())));

        assertTrue(failure.getMessage().contains("request body"), failure::getMessage);
    }

    @Test
    void passesARequestBodyTheDocumentCallsInvalidWhenTheServerRefusesIt() {
        // Bad-input tests send such bodies on purpose; the answer is what the document must describe.
        JsonNode refused = example("/components/responses/BadRequest/content/application~1json/example");

        assertDoesNotThrow(() -> ContractCheck.verify(answer("POST", "/v1/templates/42/claims",
                "{\"userId\": \"1001\"}", 400, refused.toString())));
    }

    @Test
    void passesAQueryParameterTheDocumentDeclares() {
        assertDoesNotThrow(() -> ContractCheck.verify(answer("GET", "/v1/templates?limit=3", null, 200,
                templateList().toString())));
    }

    @Test
    void failsAnAcceptedQueryParameterTheDocumentDoesNotDeclare() {
        AssertionError failure = assertThrows(AssertionError.class, () -> ContractCheck.verify(answer("GET",
                "/v1/templates?colour=red", null, 200, templateList().toString())));

        assertTrue(failure.getMessage().contains("colour"), failure::getMessage);
    }

    @Test
    void failsAnAcceptedQueryParameterValueTheDocumentCallsInvalid() {
        AssertionError failure = assertThrows(AssertionError.class, () -> ContractCheck.verify(answer("GET",
                "/v1/templates?limit=5000", null, 200, templateList().toString())));

        assertTrue(failure.getMessage().contains("limit=5000"), failure::getMessage);
    }

    @Test
    void failsAnAnswerWithoutAHeaderTheDocumentRequires() {
        JsonNode pending = example("/paths/~1v1~1templates~1{templateId}~1claims/post/responses/202/content"
                + "/application~1json/example");

        AssertionError failure = assertThrows(AssertionError.class, () -> ContractCheck.verify(answer("POST",
                "/v1/templates/42/claims", "{\"userId\": 1002}", 202, pending.toString())));

        assertTrue(failure.getMessage().contains("Location"), failure::getMessage);
    }

    @Test
    void passesAHeaderWhoseSchemaReadsItsTextAsANumber() {
        JsonNode unavailable = example("/components/responses/Unavailable/content/application~1json/example");

        assertDoesNotThrow(() -> ContractCheck.verify(answer("GET", "/v1/templates/42", null, 503,
                unavailable.toString(), "Retry-After", "1")));
    }

    @Test
    void failsAHeaderValueItsSchemaDoesNotAllow() {
        JsonNode unavailable = example("/components/responses/Unavailable/content/application~1json/example");

        AssertionError failure = assertThrows(AssertionError.class, () -> ContractCheck.verify(answer("GET",
                "/v1/templates/42", null, 503, unavailable.toString(), "Retry-After", "soon")));

        assertTrue(failure.getMessage().contains("Retry-After"), failure::getMessage);
    }

    @Test
    void leavesTheRoutesBetweenInstancesAlone() {
        assertDoesNotThrow(() -> ContractCheck.verify(answer("GET", "/internal/v1/templates/42", null, 200,
                "{\"anything\": true}")));
    }

    private static JsonNode templateList() {
        return example("/paths/~1v1~1templates/get/responses/200/content/application~1json/example");
    }

    private static ObjectNode createdTemplate() {
        return (ObjectNode) example("/paths/~1v1~1templates/post/responses/201/content/application~1json/example");
    }

    private static ContractCheck.Exchange templateCreated(JsonNode template) {
        JsonNode definition = example("/paths/~1v1~1templates/post/requestBody/content/application~1json/examples"
                + "/threshold/value");
        return answer("POST", "/v1/templates", definition.toString(), 201, template.toString());
    }

    /** An exchange with a JSON answer carrying {@code headers} (name, value, name, value...) too. */
    private static ContractCheck.Exchange answer(String method, String pathAndQuery, String requestBody, int status,
            String responseBody, String... headers) {
        Map<String, List<String>> answerHeaders = new HashMap<>(JSON.map());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            answerHeaders.put(headers[i], List.of(headers[i + 1]));
        }
        return new ContractCheck.Exchange(method, URI.create("http://127.0.0.1:7070" + pathAndQuery),
                requestBody == null ? NONE : JSON, requestBody, status,
                HttpHeaders.of(answerHeaders, (name, value) -> true), responseBody);
    }

    /** A copy of the value at {@code pointer} in docs/openapi.yaml. */
    private static JsonNode example(String pointer) {
        JsonNode value = DOCUMENT.at(JsonPointer.compile(pointer));
        if (value.isMissingNode()) {
            throw new IllegalStateException("the document has no " + pointer);
        }
        return value.deepCopy();
    }

    private static JsonNode read() {
        try {
            return new YAMLMapper().readTree(ContractCheck.DOCUMENT.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
