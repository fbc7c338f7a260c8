package io.coupon.contract.message;

import java.time.Instant;

public record UnblockUser(long userId, Instant at) implements ClaimCommand {
}
