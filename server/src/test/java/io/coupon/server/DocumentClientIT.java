package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new user's first steps with nothing but {@code docs/openapi.yaml} and a generic client: the document's own
 * examples, adapted as a user would (a fresh id), create a template and claim a coupon of it.
 */
class DocumentClientIT {

    private static DocumentClient client;

    @BeforeAll
    static void cluster() {
        client = DocumentClient.of(Path.of("..", "docs", "openapi.yaml"), TestCluster.api().baseUrl());
    }

    @Test
    void theDocumentsExamplesCreateATemplateAndClaimACoupon() {
        long templateId = Api.freshId();
        ObjectNode template = client.call("createTemplate").example("threshold");
        template.put("id", templateId);
        DocumentClient.Answer created = client.call("createTemplate").body(template).send();
        assertEquals(201, created.status(), created.body().toString());

        DocumentClient.Call claim = client.call("claimCoupon").with("templateId", templateId);
        ObjectNode request = claim.example();
        request.put("userId", Api.freshId());
        DocumentClient.Answer granted = claim.body(request).send();

        assertEquals(201, granted.status(), granted.body().toString());
        assertEquals("GRANTED", granted.body().path("status").asText());
        assertTrue(granted.body().path("couponId").asText().startsWith(templateId + "-"), granted.body().toString());
    }

    @Test
    void theClaimsAnswerIsOneTheDocumentLists() {
        long templateId = Api.freshId();
        ObjectNode template = client.call("createTemplate").example("threshold");
        template.put("id", templateId).put("totalCount", 1);
        client.call("createTemplate").body(template).send();
        ObjectNode first = client.call("claimCoupon").example().put("userId", Api.freshId());
        ObjectNode second = client.call("claimCoupon").example().put("userId", Api.freshId());

        DocumentClient.Call claim = client.call("claimCoupon").with("templateId", templateId);
        claim.body(first).send();
        DocumentClient.Answer soldOut = client.call("claimCoupon").with("templateId", templateId).body(second).send();

        assertEquals(409, soldOut.status(), soldOut.body().toString());
        assertEquals("SOLD_OUT", soldOut.body().path("status").asText());
        assertTrue(claim.documentedStatuses().contains("409"), "409 is in the document");
    }

    @Test
    void aCallWithoutARequiredParameterIsRefusedBeforeItIsSent() {
        DocumentClient.Call claim = client.call("claimCoupon");
        claim.body(claim.example());

        assertThrows(IllegalArgumentException.class, claim::send);
    }
}
