package io.coupon.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Which variant a user sees, deterministically: the SHA-256 of the UTF-8 string {@code "<templateId>:<userId>"}
 * (decimal ids), its first 8 bytes read as an unsigned big-endian integer, taken modulo the sum of the weights,
 * gives a bucket in {@code [0, sum)}; the variants own consecutive ranges of buckets in their listed order, each
 * as wide as its weight. The same user always lands in the same variant of a template, and different templates
 * split the same users independently.
 */
public final class VariantAssignment {

    private VariantAssignment() {
    }

    public static long bucket(long templateId, long userId, long totalWeight) {
        byte[] hash = sha256(templateId + ":" + userId);
        long high = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (hash[i] & 0xFF);
        }
        return Long.remainderUnsigned(high, totalWeight);
    }

    public static Variant assign(long templateId, long userId, List<Variant> variants) {
        long total = variants.stream().mapToLong(Variant::weight).sum();
        long bucket = bucket(templateId, userId, total);
        long upTo = 0;
        for (Variant v : variants) {
            upTo += v.weight();
            if (bucket < upTo) {
                return v;
            }
        }
        throw new IllegalStateException("bucket " + bucket + " beyond the weights " + total);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
