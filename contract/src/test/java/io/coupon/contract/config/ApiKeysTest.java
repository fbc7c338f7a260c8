package io.coupon.contract.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.contract.config.ApiKeys.Scope;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final String OPERATOR = "m-0123456789abcdef";
    private static final String SHOP = "i-0123456789abcdef";

    @Test
    void findsTheScopeOfEachConfiguredKey() {
        ApiKeys keys = ApiKeys.parse("management:" + OPERATOR + ", integration:" + SHOP);
        assertEquals(Optional.of(Scope.MANAGEMENT), keys.scopeOf(OPERATOR));
        assertEquals(Optional.of(Scope.INTEGRATION), keys.scopeOf(SHOP));
    }

    @Test
    void anUnknownKeyHasNoScope() {
        ApiKeys keys = ApiKeys.parse("management:" + OPERATOR);
        assertEquals(Optional.empty(), keys.scopeOf(OPERATOR + "x"));
        assertEquals(Optional.empty(), keys.scopeOf(""));
    }

    @Test
    void keepsSeveralKeysPerScopeSoAKeyCanBeRotated() {
        ApiKeys keys = ApiKeys.parse("integration:" + SHOP + ",integration:" + SHOP + "-next");
        assertEquals(Optional.of(Scope.INTEGRATION), keys.scopeOf(SHOP));
        assertEquals(Optional.of(Scope.INTEGRATION), keys.scopeOf(SHOP + "-next"));
    }

    @Test
    void aManagementKeyMayDoWhatAnIntegrationKeyMay() {
        assertTrue(Scope.MANAGEMENT.allows(Scope.INTEGRATION));
        assertTrue(Scope.MANAGEMENT.allows(Scope.MANAGEMENT));
        assertTrue(Scope.INTEGRATION.allows(Scope.INTEGRATION));
        assertFalse(Scope.INTEGRATION.allows(Scope.MANAGEMENT));
    }

    @Test
    void noValueMeansNoKeyIsAskedFor() {
        assertFalse(ApiKeys.parse("").required());
        assertFalse(ApiKeys.parse(" , ").required());
        assertTrue(ApiKeys.parse("integration:" + SHOP).required());
    }

    @Test
    void refusesAnUnknownScopeAShortKeyAndAnEntryWithoutScope() {
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("admin:" + OPERATOR));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("management:short"));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(OPERATOR));
    }

    @Test
    void neverPrintsAKey() {
        ApiKeys keys = ApiKeys.parse("management:" + OPERATOR);
        assertFalse(keys.toString().contains(OPERATOR));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.parse("management:" + OPERATOR + " space"));
        assertFalse(refused.getMessage().contains(OPERATOR));
    }
}
