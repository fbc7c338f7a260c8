package io.coupon.contract.message;

import java.time.Instant;

public record BlockUser(long userId, Instant at) implements ClaimCommand {
}
