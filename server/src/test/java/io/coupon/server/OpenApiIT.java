package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The API's reference and the server cannot drift apart: every route is documented, every documented one served. */
class OpenApiIT {

    private static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Served but not part of the public API: reads between instances, the pages, the document itself. */
    private static final List<String> NOT_PUBLIC = List.of("/internal/", "/dashboard/", "/openapi.", "/docs");

    /** One operation of the document: its method in upper case, its path template, and what it says. */
    private record Operation(String method, String path, JsonNode spec) {
    }

    private static List<Operation> operations() throws Exception {
        JsonNode paths = new YAMLMapper().readTree(DOCUMENT.toFile()).get("paths");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fields().forEachRemaining(entry -> {
                if (METHODS.contains(entry.getKey())) {
                    operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            entry.getValue()));
                }
            });
        }
        return operations;
    }

    private static Set<String> documented() throws Exception {
        Set<String> operations = new TreeSet<>();
        operations().forEach(operation -> operations.add(operation.method() + " " + operation.path()));
        return operations;
    }

    private static Set<String> served() {
        Set<String> routes = new TreeSet<>();
        for (String route : TestCluster.server().servedRoutes()) {
            String path = route.substring(route.indexOf(' ') + 1);
            if (!path.equals("/") && NOT_PUBLIC.stream().noneMatch(path::startsWith)) {
                routes.add(route);
            }
        }
        return routes;
    }

    @Test
    void everyRouteTheServerServesIsDocumented() throws Exception {
        Set<String> missing = new TreeSet<>(served());
        missing.removeAll(documented());
        assertEquals(Set.of(), missing, "served but not in docs/openapi.yaml");
    }

    @Test
    void everyDocumentedOperationIsServed() throws Exception {
        Set<String> unserved = new TreeSet<>(documented());
        unserved.removeAll(served());
        assertEquals(Set.of(), unserved, "in docs/openapi.yaml but not served");
    }

    @Test
    void everyOperationNamesTheScopeTheServerAsksFor() throws Exception {
        for (Operation operation : operations()) {
            String concrete = operation.path().replaceAll("\\{[^}]+}", "1");
            ApiAccess.Need need = ApiAccess.need(operation.method(), concrete);
            String expected = need == ApiAccess.Need.NOTHING ? "none" : need.name().toLowerCase(Locale.ROOT);
            JsonNode scope = operation.spec().get("x-scope");
            assertEquals(expected, scope == null ? null : scope.asText(), operation.method() + " " + operation.path());
        }
    }

    @Test
    void theServerServesTheDocumentAsYamlAndAsJson() throws Exception {
        String base = TestCluster.api().baseUrl();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> yaml = http.send(HttpRequest.newBuilder(URI.create(base + "/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(base + "/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, yaml.statusCode());
        assertEquals(200, json.statusCode());
        JsonNode fromYaml = new YAMLMapper().readTree(yaml.body());
        assertTrue(fromYaml.get("openapi").asText().startsWith("3.1"), "an OpenAPI 3.1 document");
        assertEquals(fromYaml, new ObjectMapper().readTree(json.body()));
        assertEquals(new YAMLMapper().readTree(DOCUMENT.toFile()), fromYaml, "the served document is docs/openapi.yaml");
    }
}
