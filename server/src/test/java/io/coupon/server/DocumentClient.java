package io.coupon.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client that knows the API only through {@code docs/openapi.yaml}, as a generic OpenAPI client does: it finds
 * an operation by its {@code operationId}, takes its method, path template, parameters, request media type and
 * examples from the document, and refuses a call the document would not allow (a missing required parameter, one
 * the operation does not declare). Nothing in it names a route of this server.
 */
final class DocumentClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAPI document;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DocumentClient(OpenAPI document, String base) {
        this.document = document;
        this.base = base;
    }

    static DocumentClient of(Path documentFile, String base) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        try {
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(Files.readString(documentFile), null,
                    options);
            if (parsed.getOpenAPI() == null) {
                throw new IllegalArgumentException("not an OpenAPI document: " + parsed.getMessages());
            }
            return new DocumentClient(parsed.getOpenAPI(), base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer to one call: its status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    /** One operation of the document, ready to be filled in and sent. */
    final class Call {
        private final String method;
        private final String pathTemplate;
        private final Operation operation;
        private final List<Parameter> parameters;
        private final Map<String, String> values = new LinkedHashMap<>();
        private JsonNode body;

        private Call(String method, String pathTemplate, Operation operation, List<Parameter> parameters) {
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.operation = operation;
            this.parameters = parameters;
        }

        /** A path, query or header parameter, by the name the document gives it. */
        Call with(String name, Object value) {
            declared(name);
            values.put(name, String.valueOf(value));
            return this;
        }

        /** The request body the document shows under {@code exampleName}, as a user copies it to start from. */
        ObjectNode example(String exampleName) {
            Map<String, Example> examples = json(operation).getExamples();
            if (examples == null || !examples.containsKey(exampleName)) {
                throw new IllegalArgumentException(operation.getOperationId() + " has no example " + exampleName);
            }
            return JSON.valueToTree(examples.get(exampleName).getValue());
        }

        /** The request body of an operation that shows one example. */
        ObjectNode example() {
            Object value = json(operation).getExample();
            if (value == null) {
                throw new IllegalArgumentException(operation.getOperationId() + " shows no single example");
            }
            return JSON.valueToTree(value);
        }

        Call body(JsonNode value) {
            json(operation);
            this.body = value;
            return this;
        }

        Answer send() {
            String path = pathTemplate;
            List<String> query = new ArrayList<>();
            HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30));
            for (Parameter parameter : parameters) {
                String value = values.get(parameter.getName());
                if (value == null) {
                    if (Boolean.TRUE.equals(parameter.getRequired())) {
                        throw new IllegalArgumentException(operation.getOperationId() + " requires "
                                + parameter.getName());
                    }
                    continue;
                }
                switch (parameter.getIn()) {
                    case "path" -> path = path.replace("{" + parameter.getName() + "}", encode(value));
                    case "query" -> query.add(encode(parameter.getName()) + "=" + encode(value));
                    case "header" -> request.header(parameter.getName(), value);
                    default -> throw new IllegalArgumentException("unsupported parameter location "
                            + parameter.getIn());
                }
            }
            String uri = base + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
            request.uri(URI.create(uri));
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
            } else if (operation.getRequestBody() != null && Boolean.TRUE.equals(operation.getRequestBody().getRequired())) {
                throw new IllegalArgumentException(operation.getOperationId() + " requires a body");
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                // What a generated client would parse must be what the document promised.
                ContractCheck.verify(response, body == null ? null : body.toString());
                JsonNode answer = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
                return new Answer(response.statusCode(), answer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The statuses the document lists for this operation. */
        List<String> documentedStatuses() {
            return new ArrayList<>(operation.getResponses().keySet());
        }

        private void declared(String name) {
            if (parameters.stream().noneMatch(parameter -> parameter.getName().equals(name))) {
                throw new IllegalArgumentException(operation.getOperationId() + " has no parameter " + name);
            }
        }
    }

    Call call(String operationId) {
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                if (operationId.equals(operation.getOperationId())) {
                    List<Parameter> parameters = new ArrayList<>();
                    if (path.getValue().getParameters() != null) {
                        path.getValue().getParameters().forEach(p -> parameters.add(resolved(p)));
                    }
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> parameters.add(resolved(p)));
                    }
                    return new Call(entry.getKey().name(), path.getKey(), operation, parameters);
                }
            }
        }
        throw new IllegalArgumentException("no operation " + operationId + " in the document");
    }

    /** A parameter the document names by reference ({@code $ref: '#/components/parameters/…'}), looked up. */
    private Parameter resolved(Parameter parameter) {
        String ref = parameter.get$ref();
        if (ref == null) {
            return parameter;
        }
        Parameter target = document.getComponents().getParameters().get(ref.substring(ref.lastIndexOf('/') + 1));
        if (target == null) {
            throw new IllegalArgumentException("the document's " + ref + " is missing");
        }
        return resolved(target);
    }

    private static MediaType json(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().get("application/json") == null) {
            throw new IllegalArgumentException(operation.getOperationId() + " takes no JSON body");
        }
        return operation.getRequestBody().getContent().get("application/json");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
