package io.coupon.contract.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys of {@code COUPON_API_KEYS}: comma-separated {@code scope:key} entries, several per scope so a key can be
 * rotated (add the new one, move the clients, drop the old one). None: the server asks for no key.
 *
 * <p>Only SHA-256 digests are kept, and a presented key is compared with every one of them in full, so neither
 * the answer's timing nor a heap dump gives a key away.
 */
public final class ApiKeys {

    /** What a key may do; {@code MANAGEMENT} may also do everything {@code INTEGRATION} may. */
    public enum Scope {
        /** A shop's backend acting for its users: claims, wallets, quotes, redemptions, reads. */
        INTEGRATION,
        /** An operator: templates and their changes, issuances, reports, the blocklist, profiles, the dashboard. */
        MANAGEMENT;

        public boolean allows(Scope needed) {
            return this == MANAGEMENT || this == needed;
        }
    }

    /** Short keys are guessable; a generated one (say 32 random bytes, base64) is far longer. */
    static final int MIN_KEY_LENGTH = 16;
    /** What a key or the instances' secret must be, as start-up errors say it. */
    static final String STRENGTH = "at least " + MIN_KEY_LENGTH + " printable ASCII characters without spaces";

    private record Entry(Scope scope, byte[] digest) {
    }

    private static final ApiKeys NONE = new ApiKeys(List.of());

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ApiKeys none() {
        return NONE;
    }

    /** Parses {@code management:k1,integration:k2}; blank means no keys. */
    public static ApiKeys parse(String value) {
        List<Entry> entries = new ArrayList<>();
        for (String item : value.split(",")) {
            String entry = item.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("each entry must be scope:key (scope management or integration)");
            }
            Scope scope = scope(entry.substring(0, colon).trim());
            String key = entry.substring(colon + 1).trim();
            if (!strongEnough(key)) {
                // The key itself never goes into the message: start-up errors end up in logs.
                throw new IllegalArgumentException("a " + scope.name().toLowerCase(Locale.ROOT) + " key must be "
                        + STRENGTH);
            }
            entries.add(new Entry(scope, digest(key)));
        }
        return entries.isEmpty() ? NONE : new ApiKeys(entries);
    }

    /** Whether {@code secret} (a key, or the instances' secret) is {@link #STRENGTH}. */
    static boolean strongEnough(String secret) {
        return secret.length() >= MIN_KEY_LENGTH && secret.chars().allMatch(c -> c > ' ' && c <= '~');
    }

    private static Scope scope(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "management" -> Scope.MANAGEMENT;
            case "integration" -> Scope.INTEGRATION;
            default -> throw new IllegalArgumentException("unknown scope '" + name
                    + "' (scopes are management and integration)");
        };
    }

    /** True when keys are set, so every request but the operations endpoints needs one. */
    public boolean required() {
        return !entries.isEmpty();
    }

    /** The widest scope of a key equal to {@code presented}, comparing with every key whatever matches. */
    public Optional<Scope> scopeOf(String presented) {
        byte[] candidate = digest(presented);
        Scope found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), candidate) && (found == null || entry.scope() == Scope.MANAGEMENT)) {
                found = entry.scope();
            }
        }
        return Optional.ofNullable(found);
    }

    public int count() {
        return entries.size();
    }

    /** Whether {@code presented} is the secret whose digest is {@code expected}, compared in full. */
    public static boolean matches(byte[] expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected, digest(presented));
    }

    /** SHA-256 of a key or secret: all that is kept of it. */
    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // Never the keys: configuration gets printed.
        return "ApiKeys[" + entries.size() + " keys]";
    }
}
