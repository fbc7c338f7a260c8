package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.contract.message.TemplateResult;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.Stock;
import io.coupon.domain.Template;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class TemplateDefinitionTest extends TopologyTest {

    @Test
    void newTemplateIsCreatedWithFullStock() {
        Template template = aTemplate(42).totalCount(1000).build();

        TemplateResult result = topology.define("req-1", template);

        assertEquals(new TemplateResult("req-1", TemplateResult.Status.CREATED, template, new Stock(1000, 0)), result);
    }

    @Test
    void newTemplateIsPublishedOnCouponTemplates() {
        Template template = aTemplate(42).build();

        topology.define(template);

        assertEquals(List.of(KeyValue.pair(42L, template)), topology.publishedTemplates());
    }

    @Test
    void newTemplateIsStoredWithItsStock() {
        Template template = aTemplate(42).totalCount(1000).build();

        topology.define(template);

        assertEquals(template, topology.storedTemplate(42));
        assertEquals(new Stock(1000, 0), topology.stock(42));
    }

    @Test
    void sameIdAgainIsAlreadyExistsWithTheStoredTemplate() {
        Template first = aTemplate(42).name("first").totalCount(1000).build();
        topology.define("req-1", first);

        TemplateResult again = topology.define("req-2", aTemplate(42).name("second").totalCount(5).build());

        assertEquals(new TemplateResult("req-2", TemplateResult.Status.ALREADY_EXISTS, first, new Stock(1000, 0)),
                again);
    }

    @Test
    void sameIdAgainRepublishesNothingAndChangesNothing() {
        Template first = aTemplate(42).name("first").totalCount(1000).build();
        topology.define(first);
        topology.publishedTemplates();

        topology.define(aTemplate(42).name("second").totalCount(5).build());

        assertEquals(List.of(), topology.publishedTemplates());
        assertEquals(first, topology.storedTemplate(42));
        assertEquals(new Stock(1000, 0), topology.stock(42));
    }

    @Test
    void alreadyExistsReportsTheLiveStock() {
        topology.define(aTemplate(42).totalCount(10).build());
        topology.claim(42, 1001, "claim-1");
        topology.claim(42, 1002, "claim-2");

        TemplateResult again = topology.define(aTemplate(42).totalCount(10).build());

        assertEquals(new Stock(10, 2), again.stock());
    }

    @Test
    void claimAfterDefinitionIsDecidedAgainstTheTemplate() {
        topology.define(aTemplate(42).build());

        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1001, "claim-1").status());
    }

    @Test
    void definitionAnswersNoClaim() {
        topology.define(aTemplate(42).build());

        assertEquals(List.of(), topology.claimResults());
        assertEquals(List.of(), topology.couponEvents());
    }
}
