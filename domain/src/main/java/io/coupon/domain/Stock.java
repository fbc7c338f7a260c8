package io.coupon.domain;

/**
 * The live stock of one template. {@code granted} only ever grows, which is what makes the n-th grant's
 * coupon id deterministic; {@code total} may be raised by a restock.
 */
public record Stock(long total, long granted) {

    public Stock {
        if (granted < 0 || granted > total) {
            throw new IllegalArgumentException("granted " + granted + " outside 0.." + total);
        }
    }

    public static Stock of(Template template) {
        return new Stock(template.totalCount(), 0);
    }

    public long remaining() {
        return total - granted;
    }

    public boolean soldOut() {
        return remaining() == 0;
    }

    /** Takes one unit; callers check {@link #soldOut()} first, so running past zero is a bug, not an outcome. */
    public Stock takeOne() {
        return new Stock(total, granted + 1);
    }
}
