package io.coupon.ingest;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for the requests the API names, unguessable as {@link UUID#randomUUID()}'s are,
 * because a claim's id is also the address its outcome is read from.
 *
 * <p>Not {@code UUID.randomUUID()} itself: it draws from one process-wide generator behind one lock, and a
 * flash sale's request threads queued on that lock (seen in thread dumps of a cold start at 500 claims/s).
 * Each thread here has its own DRBG, seeded once from the system's entropy.
 */
public final class RequestIds {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(RequestIds::drbg);

    private RequestIds() {
    }

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least).toString();
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
