package io.coupon.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's reference, {@code docs/openapi.yaml}, served as it is and as JSON (what client generators and
 * validators usually ask for). It holds no data, so it needs no key.
 */
final class OpenApiRoutes {

    static final String YAML_PATH = "/openapi.yaml";
    static final String JSON_PATH = "/openapi.json";
    private static final String RESOURCE = "/api/openapi.yaml";

    private final String yaml;
    private final String json;

    OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode document = new YAMLMapper().readTree(yaml);
            json = document.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document cannot be read", e);
        }
    }

    void register(RoutesConfig routes) {
        routes.get(YAML_PATH, ctx -> ctx.contentType("application/yaml; charset=utf-8").result(yaml));
        routes.get(JSON_PATH, ctx -> ctx.contentType("application/json").result(json));
    }
}
