package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.server.ApiAccess.Need;
import org.junit.jupiter.api.Test;

class ApiAccessTest {

    @Test
    void operationsEndpointsNeedNoKey() {
        assertEquals(Need.NOTHING, ApiAccess.need("GET", "/health"));
        assertEquals(Need.NOTHING, ApiAccess.need("GET", "/metrics"));
    }

    @Test
    void changingCampaignsNeedsAManagementKey() {
        assertEquals(Need.MANAGEMENT, ApiAccess.need("POST", "/v1/templates"));
        assertEquals(Need.MANAGEMENT, ApiAccess.need("PATCH", "/v1/templates/42"));
        assertEquals(Need.MANAGEMENT, ApiAccess.need("POST", "/v1/templates/42/issuances"));
        assertEquals(Need.MANAGEMENT, ApiAccess.need("GET", "/v1/templates/42/issuances/launch-1"));
        assertEquals(Need.MANAGEMENT, ApiAccess.need("GET", "/v1/templates/42/report"));
    }

    @Test
    void blockingAndProfilesAndTheDashboardsDataNeedAManagementKey() {
        assertEquals(Need.MANAGEMENT, ApiAccess.need("PUT", "/v1/users/7/block"));
        assertEquals(Need.MANAGEMENT, ApiAccess.need("DELETE", "/v1/users/7/block"));
        assertEquals(Need.MANAGEMENT, ApiAccess.need("PUT", "/v1/users/7/profile"));
        assertEquals(Need.MANAGEMENT, ApiAccess.need("GET", "/v1/dashboard"));
    }

    @Test
    void theShopsWorkNeedsAnIntegrationKey() {
        assertEquals(Need.INTEGRATION, ApiAccess.need("POST", "/v1/templates/42/claims"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("GET", "/v1/templates/42/claims/order-1"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("GET", "/v1/templates"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("GET", "/v1/templates/42"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("HEAD", "/v1/templates/42"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("GET", "/v1/users/7/coupons"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("GET", "/v1/users/7/coupons/best"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("GET", "/v1/users/7/profile"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("GET", "/v1/templates/42/eligibility/7"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("POST", "/v1/orders/quote"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("POST", "/v1/redemptions"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("POST", "/v1/redemptions/o-1/confirm"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("POST", "/v1/redemptions/o-1/cancel"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("POST", "/v1/redemptions/o-1/refund"));
    }

    @Test
    void anUnknownPathNeedsAKeySoItsExistenceIsNotTold() {
        assertEquals(Need.INTEGRATION, ApiAccess.need("GET", "/v1/nothing-here"));
        assertEquals(Need.INTEGRATION, ApiAccess.need("GET", "/admin"));
    }

    @Test
    void readsForwardedBetweenInstancesNeedAnInstance() {
        assertEquals(Need.INSTANCE, ApiAccess.need("GET", "/internal/v1/wallets/7"));
        assertEquals(Need.INSTANCE, ApiAccess.need("GET", "/internal/v1/templates/42/claims/order-1"));
    }

    @Test
    void theDashboardsPageLoadsWithoutAKeyButHoldsNoData() {
        assertEquals(Need.NOTHING, ApiAccess.need("GET", "/"));
        assertEquals(Need.NOTHING, ApiAccess.need("GET", "/dashboard/dashboard.js"));
    }
}
