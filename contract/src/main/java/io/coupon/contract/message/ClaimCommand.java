package io.coupon.contract.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What travels on {@code claim-requests}. Everything that must be ordered against claims of a template is a
 * command on the same partition: its definition and later changes, the claims, and the blocklist changes
 * (broadcast to every partition in one transaction, so each claim queued after a block sees it); and the
 * template's confirmed uses, which its statistics count beside its claims.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DefineTemplate.class, name = "DefineTemplate"),
        @JsonSubTypes.Type(value = Claim.class, name = "Claim"),
        @JsonSubTypes.Type(value = BlockUser.class, name = "BlockUser"),
        @JsonSubTypes.Type(value = UnblockUser.class, name = "UnblockUser"),
        @JsonSubTypes.Type(value = PatchTemplate.class, name = "PatchTemplate"),
        @JsonSubTypes.Type(value = CountUse.class, name = "CountUse")
})
public sealed interface ClaimCommand permits DefineTemplate, Claim, BlockUser, UnblockUser, PatchTemplate, CountUse {
}
