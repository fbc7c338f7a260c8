package io.coupon.server;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds every exchange the integration tests make with the server to {@code docs/openapi.yaml}, so the document
 * and the server cannot drift apart: an answer on a path, with a status, a header, a body or a field the document
 * does not give it fails the test that got it, and so does a request the server accepted (2xx) though the
 * document calls it invalid. The document is read by an OpenAPI parser (operations, parameters, request bodies,
 * responses and their headers); bodies, parameters and headers are validated by a JSON Schema validator speaking
 * the OpenAPI 3.1 dialect against the document's own schemas. Nothing here restates what the document says.
 */
final class ContractCheck {

    static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml");
    /** Served but not part of the public API: reads between instances, the pages, the document itself. */
    private static final List<String> NOT_PUBLIC = List.of("/internal/", "/dashboard", "/docs", "/openapi.");
    /** The answers to a path (or a method on it) the server does not have, which the document gives everywhere. */
    private static final Set<Integer> NO_SUCH_ROUTE = Set.of(404, 405);
    /**
     * What the HTTP layer answers on any route, as the document's conventions say once instead of on each
     * operation (500 is listed there too, but as a bug: it is never accepted here).
     */
    private static final Set<Integer> ANSWERED_EVERYWHERE = Set.of(408, 414, 431, 505);
    /** Where the validator finds the document; the name never leaves this process. */
    private static final String BASE = "https://coupon.invalid/openapi.json";
    private static final String ERROR_SCHEMA = "/components/schemas/Error";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request and its answer, as the test client saw them. */
    record Exchange(String method, URI uri, HttpHeaders requestHeaders, String requestBody, int status,
            HttpHeaders responseHeaders, String responseBody) {

        /** The exchange behind {@code answer}; {@code requestBody} is what was sent (null for none). */
        static Exchange of(HttpResponse<String> answer, String requestBody) {
            return new Exchange(answer.request().method(), answer.request().uri(), answer.request().headers(),
                    requestBody, answer.statusCode(), answer.headers(), answer.body());
        }

        @Override
        public String toString() {
            return method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " answered " + status;
        }
    }

    /** The check against docs/openapi.yaml, read once, when first needed. */
    private static final class Reference {
        static final ContractCheck CHECK = new ContractCheck(DOCUMENT);
    }

    /** A path of the document: its template, the names of its parameters in order, and its operations. */
    private record Route(String template, Pattern pattern, List<String> parameters, PathItem item) {
    }

    /** The documented operation a request is for, where the document writes it, and its path's values. */
    private record Match(Route route, Operation operation, String pointer, Map<String, String> pathValues) {
    }

    /** A parameter the operation declares, and where its schema is written. */
    private record Declared(Parameter parameter, String schema) {
    }

    private final OpenAPI document;
    private final List<Route> routes;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private ContractCheck(Path file) {
        try {
            String yaml = Files.readString(file);
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
            if (parsed.getOpenAPI() == null) {
                throw new IllegalStateException(file + " is not an OpenAPI document: " + parsed.getMessages());
            }
            document = parsed.getOpenAPI();
            JsonNode tree = new YAMLMapper().readTree(yaml);
            closeObjectSchemas(tree);
            String closedDocument = JSON.writeValueAsString(tree);
            schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemas(Map.of(BASE, closedDocument)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        routes = document.getPaths().entrySet().stream()
                .map(path -> route(path.getKey(), path.getValue()))
                // A literal segment wins over a parameter where both would match.
                .sorted(Comparator.comparingInt(route -> route.parameters().size()))
                .toList();
    }

    /** Checks an exchange against the reference document, request included. */
    static void verify(HttpResponse<String> answer, String requestBody) {
        verify(Exchange.of(answer, requestBody));
    }

    /** Checks an exchange against the reference document, request included. */
    static void verify(Exchange exchange) {
        Reference.CHECK.check(exchange, true);
    }

    /**
     * Checks only the answer: for a test that sends a request the document does not describe on purpose (see
     * {@link Api#sendingUndocumentedFields()}).
     */
    static void verifyAnswer(HttpResponse<String> answer, String requestBody) {
        Reference.CHECK.check(Exchange.of(answer, requestBody), false);
    }

    private void check(Exchange exchange, boolean checkRequest) {
        String path = exchange.uri().getRawPath();
        if (path == null || path.equals("/") || NOT_PUBLIC.stream().anyMatch(path::startsWith)) {
            return;
        }
        Optional<Match> match = match(exchange.method(), path);
        if (match.isEmpty()) {
            if (!NO_SUCH_ROUTE.contains(exchange.status())) {
                throw violation(exchange, "no operation of the document is " + exchange.method() + " " + path,
                        List.of());
            }
            checkBody(exchange, ERROR_SCHEMA, "the error body");
            return;
        }
        // A refused request may be anything (bad-input tests send such on purpose); an accepted one is held to the
        // document, or the server takes what the document calls invalid.
        if (checkRequest && exchange.status() / 100 == 2) {
            checkParameters(exchange, match.get());
            checkRequestBody(exchange, match.get());
        }
        checkAnswer(exchange, match.get());
    }

    // ---- The request.

    /** Every query parameter sent is declared; every declared one is there if required, and as its schema says. */
    private void checkParameters(Exchange exchange, Match match) {
        Map<String, Declared> declared = declaredParameters(match);
        Map<String, List<String>> query = query(exchange.uri());
        for (String name : query.keySet()) {
            if (!declared.containsKey("query:" + name)) {
                throw violation(exchange, "the document gives the operation no query parameter " + name
                        + " (only " + declared.keySet() + ")", List.of());
            }
        }
        for (Declared parameter : declared.values()) {
            String name = parameter.parameter().getName();
            List<String> values = switch (parameter.parameter().getIn()) {
                case "query" -> query.getOrDefault(name, List.of());
                case "path" -> Optional.ofNullable(match.pathValues().get(name)).map(List::of).orElse(List.of());
                case "header" -> exchange.requestHeaders().allValues(name);
                default -> List.of();
            };
            if (values.isEmpty() && Boolean.TRUE.equals(parameter.parameter().getRequired())) {
                throw violation(exchange, "the document requires the " + parameter.parameter().getIn()
                        + " parameter " + name + ", which was not sent", List.of());
            }
            for (String value : values) {
                List<String> errors = validateText(parameter.schema(), value);
                if (!errors.isEmpty()) {
                    throw violation(exchange, "the " + parameter.parameter().getIn() + " parameter " + name + "="
                            + value + " was accepted, but the document calls it invalid", errors);
                }
            }
        }
    }

    /** The operation's parameters by {@code in:name}; one it declares itself hides its path's of that name. */
    private Map<String, Declared> declaredParameters(Match match) {
        String pathPointer = "/paths/" + escape(match.route().template());
        Map<String, Declared> declared = new LinkedHashMap<>();
        addParameters(declared, match.route().item().getParameters(), pathPointer + "/parameters/");
        addParameters(declared, match.operation().getParameters(), match.pointer() + "/parameters/");
        return declared;
    }

    private void addParameters(Map<String, Declared> declared, List<Parameter> parameters, String pointer) {
        if (parameters == null) {
            return;
        }
        for (int i = 0; i < parameters.size(); i++) {
            Parameter written = parameters.get(i);
            Parameter parameter = written.get$ref() == null ? written
                    : document.getComponents().getParameters().get(componentName(written.get$ref()));
            declared.put(parameter.getIn() + ":" + parameter.getName(), new Declared(parameter,
                    pointer(written.get$ref(), pointer + i) + "/schema"));
        }
    }

    private void checkRequestBody(Exchange exchange, Match match) {
        RequestBody declared = match.operation().getRequestBody();
        boolean sent = exchange.requestBody() != null && !exchange.requestBody().isEmpty();
        if (declared == null) {
            if (sent) {
                throw violation(exchange, "the operation takes no request body, yet one was sent and accepted",
                        List.of());
            }
            return;
        }
        String pointer = pointer(declared.get$ref(), match.pointer() + "/requestBody");
        RequestBody body = declared.get$ref() == null ? declared
                : document.getComponents().getRequestBodies().get(componentName(declared.get$ref()));
        if (!sent) {
            if (Boolean.TRUE.equals(body.getRequired())) {
                throw violation(exchange, "the request body is required, yet none was sent and it was accepted",
                        List.of());
            }
            return;
        }
        String mediaType = mediaType(body.getContent(), exchange.requestHeaders());
        if (mediaType == null) {
            throw violation(exchange, "the request's Content-Type " + contentType(exchange.requestHeaders())
                    + " is not one of " + body.getContent().keySet(), List.of());
        }
        if (isJson(mediaType)) {
            List<String> errors = validate(pointer + "/content/" + escape(mediaType) + "/schema",
                    exchange.requestBody());
            if (!errors.isEmpty()) {
                throw violation(exchange, "the request body was accepted, but the document calls it invalid",
                        errors);
            }
        }
    }

    // ---- The answer.

    private void checkAnswer(Exchange exchange, Match match) {
        Operation operation = match.operation();
        String code = String.valueOf(exchange.status());
        String key = operation.getResponses().containsKey(code) ? code
                : operation.getResponses().containsKey(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
                : operation.getResponses().containsKey("default") ? "default" : null;
        if (key == null) {
            if (ANSWERED_EVERYWHERE.contains(exchange.status())) {
                checkBody(exchange, ERROR_SCHEMA, "the error body");
                return;
            }
            throw violation(exchange, "the document gives " + exchange.method() + " " + match.route().template()
                    + " no " + code + " answer (only " + operation.getResponses().keySet() + ")", List.of());
        }
        ApiResponse declared = operation.getResponses().get(key);
        String pointer = pointer(declared.get$ref(), match.pointer() + "/responses/" + escape(key));
        ApiResponse response = declared.get$ref() == null ? declared
                : document.getComponents().getResponses().get(componentName(declared.get$ref()));
        checkHeaders(exchange, response, pointer);
        Content content = response.getContent();
        boolean answered = exchange.responseBody() != null && !exchange.responseBody().isEmpty();
        if (content == null || content.isEmpty()) {
            if (answered) {
                throw violation(exchange, "the document gives this answer no body, yet it has one", List.of());
            }
            return;
        }
        if (!answered) {
            throw violation(exchange, "the document gives this answer a body (" + content.keySet()
                    + "), yet it has none", List.of());
        }
        String mediaType = mediaType(content, exchange.responseHeaders());
        if (mediaType == null) {
            throw violation(exchange, "the answer's Content-Type " + contentType(exchange.responseHeaders())
                    + " is not one of " + content.keySet(), List.of());
        }
        if (isJson(mediaType)) {
            checkBody(exchange, pointer + "/content/" + escape(mediaType) + "/schema", "the answer");
        }
    }

    /** Each header the document gives the answer: present if it says required, and as its schema says. */
    private void checkHeaders(Exchange exchange, ApiResponse response, String responsePointer) {
        if (response.getHeaders() == null) {
            return;
        }
        response.getHeaders().forEach((name, written) -> {
            Header header = written.get$ref() == null ? written
                    : document.getComponents().getHeaders().get(componentName(written.get$ref()));
            String schema = pointer(written.get$ref(), responsePointer + "/headers/" + escape(name)) + "/schema";
            Optional<String> value = exchange.responseHeaders().firstValue(name);
            if (value.isEmpty()) {
                if (Boolean.TRUE.equals(header.getRequired())) {
                    throw violation(exchange, "the document requires the header " + name + ", which is missing",
                            List.of());
                }
                return;
            }
            List<String> errors = validateText(schema, value.get());
            if (!errors.isEmpty()) {
                throw violation(exchange, "the header " + name + ": " + value.get()
                        + " does not match the document's schema (" + schema + ")", errors);
            }
        });
    }

    private void checkBody(Exchange exchange, String schemaPointer, String what) {
        if (exchange.responseBody() == null || exchange.responseBody().isEmpty()) {
            return;
        }
        List<String> errors = validate(schemaPointer, exchange.responseBody());
        if (!errors.isEmpty()) {
            throw violation(exchange, what + " does not match the document's schema (" + schemaPointer + ")",
                    errors);
        }
    }

    // ---- Validation.

    /** What the validator finds wrong with {@code json} against the schema at {@code schemaPointer}. */
    private List<String> validate(String schemaPointer, String json) {
        try {
            JSON.readTree(json);
        } catch (IOException notJson) {
            return List.of("not JSON: " + notJson.getMessage());
        }
        return compiled.computeIfAbsent(schemaPointer, p -> schemas.getSchema(SchemaLocation.of(BASE + "#" + p)))
                .validate(json, InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .distinct()
                .toList();
    }

    /**
     * What the validator finds wrong with a parameter's or a header's text. Text is all a URL or a header
     * carries, while a schema may call it a number: text that fails as a string but spells a number or a boolean
     * is judged as that value.
     */
    private List<String> validateText(String schemaPointer, String text) {
        List<String> asText = validate(schemaPointer, JSON.valueToTree(text).toString());
        if (asText.isEmpty()) {
            return asText;
        }
        try {
            JsonNode spelled = JSON.readTree(text);
            return spelled != null && (spelled.isNumber() || spelled.isBoolean())
                    ? validate(schemaPointer, spelled.toString()) : asText;
        } catch (IOException notANumber) {
            return asText;
        }
    }

    // ---- Finding the operation.

    private static Route route(String template, PathItem item) {
        StringBuilder regex = new StringBuilder();
        List<String> parameters = new ArrayList<>();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            if (part.startsWith("{")) {
                parameters.add(part.substring(1, part.length() - 1));
                regex.append("([^/]+)");
            } else {
                regex.append(Pattern.quote(part));
            }
        }
        return new Route(template, Pattern.compile(regex.toString()), List.copyOf(parameters), item);
    }

    private Optional<Match> match(String method, String rawPath) {
        PathItem.HttpMethod httpMethod;
        try {
            httpMethod = PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknownMethod) {
            return Optional.empty();
        }
        for (Route route : routes) {
            Matcher matcher = route.pattern().matcher(rawPath);
            if (matcher.matches()) {
                Operation operation = route.item().readOperationsMap().get(httpMethod);
                if (operation == null) {
                    return Optional.empty();
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < route.parameters().size(); i++) {
                    values.put(route.parameters().get(i), decodeSegment(matcher.group(i + 1)));
                }
                return Optional.of(new Match(route, operation,
                        "/paths/" + escape(route.template()) + "/" + method.toLowerCase(Locale.ROOT), values));
            }
        }
        return Optional.empty();
    }

    /** The query's values by name, decoded. */
    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (uri.getRawQuery() == null || uri.getRawQuery().isEmpty()) {
            return values;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return values;
    }

    /** A query part decoded, or as sent when it is not valid percent-encoding (a bad-input test's). */
    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return encoded;
        }
    }

    /** A path segment decoded: in a path a {@code +} is itself, not a space. */
    private static String decodeSegment(String segment) {
        return decode(segment.replace("+", "%2B"));
    }

    // ---- The document's own words.

    /** The JSON pointer of an object of the document: its {@code $ref} target, or where it is written. */
    private static String pointer(String ref, String written) {
        return ref == null ? written : ref.substring(ref.indexOf('#') + 1);
    }

    private static String componentName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String escape(String pointerSegment) {
        return pointerSegment.replace("~", "~0").replace("/", "~1");
    }

    /** The documented media type the message's Content-Type names (parameters such as charset aside). */
    private static String mediaType(Content content, HttpHeaders headers) {
        String sent = baseType(contentType(headers));
        if (content == null) {
            return null;
        }
        return content.keySet().stream().filter(documented -> baseType(documented).equals(sent)).findFirst()
                .orElse(null);
    }

    private static String contentType(HttpHeaders headers) {
        return headers.firstValue("Content-Type").orElse("");
    }

    private static String baseType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim()
                .toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        String base = baseType(mediaType);
        return base.equals("application/json") || base.endsWith("+json");
    }

    private static AssertionError violation(Exchange exchange, String problem, List<String> errors) {
        StringBuilder message = new StringBuilder("docs/openapi.yaml does not allow ").append(exchange)
                .append(": ").append(problem);
        if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
            message.append("\n  request body: ").append(abbreviated(exchange.requestBody()));
        }
        message.append("\n  answer: ").append(abbreviated(String.valueOf(exchange.responseBody())));
        errors.forEach(error -> message.append("\n  - ").append(error));
        return new AssertionError(message.toString());
    }

    private static String abbreviated(String text) {
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "... (" + text.length() + " chars)";
    }

    // ---- Closing the document's object schemas.

    /** Keywords whose one schema applies to a value of its own: a property's, an item's. */
    private static final Set<String> VALUE_SCHEMA = Set.of("schema", "additionalProperties",
            "unevaluatedProperties", "items", "contains", "unevaluatedItems", "propertyNames");
    /** Keywords holding a schema per property, or per leading item, each applying to that value. */
    private static final Set<String> VALUE_SCHEMAS = Set.of("properties", "patternProperties", "prefixItems");

    /**
     * Makes every object schema that names its {@code properties} (and does not say what other properties may be)
     * closed, so that a body carrying a field the document does not name fails. In JSON Schema an object is open
     * unless it says otherwise, and the document says so only where the API promises it; a server that grew a
     * field would pass unnoticed. {@code unevaluatedProperties: false} is the closing word that sees through
     * composition ({@code $ref}, {@code allOf}, {@code anyOf}, {@code oneOf}), but only from where it is written:
     * on a branch of an {@code allOf} it would refuse the fields the sibling branches add. So it is written where
     * a schema first applies to a value (a body's, a property's, an item's), when what applies there in place
     * names properties; a schema saying {@code additionalProperties} still admits what it admits.
     */
    private static void closeObjectSchemas(JsonNode document) {
        Set<JsonNode> valueSchemas = Collections.newSetFromMap(new IdentityHashMap<>());
        collectValueSchemas(document, valueSchemas);
        valueSchemas.stream().filter(schema -> namesPropertiesAndNoMore(document, schema)).toList()
                .forEach(schema -> ((ObjectNode) schema).put("unevaluatedProperties", false));
    }

    /** Every schema of the document that applies to a value of its own. */
    private static void collectValueSchemas(JsonNode node, Set<JsonNode> found) {
        if (node.isArray()) {
            node.forEach(member -> collectValueSchemas(member, found));
        }
        if (!node.isObject()) {
            return;
        }
        node.properties().forEach(member -> {
            String key = member.getKey();
            JsonNode value = member.getValue();
            if (key.equals("example") || key.equals("examples") || key.startsWith("x-")) {
                return; // values, not schemas
            }
            if (VALUE_SCHEMA.contains(key) && value.isObject()) {
                found.add(value);
            }
            if (VALUE_SCHEMAS.contains(key)) {
                value.forEach(schema -> {
                    if (schema.isObject()) {
                        found.add(schema);
                    }
                });
            }
            collectValueSchemas(value, found);
        });
    }

    /**
     * Whether the schemas that apply to the value in place ({@code schema} itself, what it refers to and
     * composes) name properties, with none saying {@code unevaluatedProperties} already.
     */
    private static boolean namesPropertiesAndNoMore(JsonNode document, JsonNode schema) {
        boolean namesProperties = false;
        Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<JsonNode> pending = new ArrayList<>(List.of(schema));
        while (!pending.isEmpty()) {
            JsonNode next = pending.remove(pending.size() - 1);
            if (!next.isObject() || !seen.add(next)) {
                continue;
            }
            if (next.has("unevaluatedProperties")) {
                return false;
            }
            namesProperties |= next.has("properties");
            if (next.path("$ref").asText().startsWith("#")) {
                pending.add(document.at(JsonPointer.compile(next.get("$ref").asText().substring(1))));
            }
            // Not "not": what a schema must not match adds nothing the value may have.
            List.of("allOf", "anyOf", "oneOf").forEach(keyword -> next.path(keyword).forEach(pending::add));
            List.of("if", "then", "else").forEach(keyword -> pending.add(next.path(keyword)));
            next.path("dependentSchemas").forEach(pending::add);
        }
        return namesProperties;
    }
}
