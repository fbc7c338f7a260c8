package io.coupon.connect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which MySQL server (JDBC URL, database included) holds each of the {@link ShardRouter#SHARDS} shard tables.
 * Written as in the {@code mysql.shard.map} setting:
 * <pre>0-7=jdbc:mariadb://h1:3306/coupon;8-15=jdbc:mariadb://h2:3306/coupon</pre>
 * Entries are separated by {@code ;}; each names one shard ({@code 3=…}) or an inclusive range ({@code 0-7=…}),
 * and the URL is everything after the first {@code =} (so a URL may carry {@code ?a=b} options). A shard the map
 * does not name stays on the default URL ({@code mysql.url}); a shard named twice is an error. The template table
 * lives on the server of shard 0.
 */
public final class ShardMap {

    private final List<String> urlByShard;

    private ShardMap(List<String> urlByShard) {
        this.urlByShard = List.copyOf(urlByShard);
    }

    /** Every shard on one server. */
    public static ShardMap single(String url) {
        return new ShardMap(Collections.nCopies(ShardRouter.SHARDS, requireUrl(url, "the default URL")));
    }

    /**
     * Parses {@code spec}; blank or null means every shard on {@code defaultUrl}.
     *
     * @throws IllegalArgumentException naming what is wrong with the spec
     */
    public static ShardMap parse(String spec, String defaultUrl) {
        String[] urls = new String[ShardRouter.SHARDS];
        if (spec != null) {
            for (String entry : spec.split(";")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("shard map entry '" + entry.trim()
                            + "' is not <shard>=<url> or <from>-<to>=<url>");
                }
                String url = requireUrl(entry.substring(eq + 1).trim(), "shard map entry '" + entry.trim() + "'");
                int[] range = range(entry.substring(0, eq).trim());
                for (int shard = range[0]; shard <= range[1]; shard++) {
                    if (urls[shard] != null) {
                        throw new IllegalArgumentException("shard " + shard + " is mapped twice in the shard map");
                    }
                    urls[shard] = url;
                }
            }
        }
        boolean complete = Arrays.stream(urls).allMatch(u -> u != null);
        String fallback = complete ? null : requireUrl(defaultUrl, "the default URL");
        List<String> byShard = new ArrayList<>();
        for (String url : urls) {
            byShard.add(url != null ? url : fallback);
        }
        return new ShardMap(byShard);
    }

    public String urlOf(int shard) {
        ShardRouter.table(shard); // range check with a clear message
        return urlByShard.get(shard);
    }

    /** The server of shard 0, which also holds {@code coupon_template}. */
    public String templateUrl() {
        return urlByShard.get(0);
    }

    /** The distinct URLs, in shard order. */
    public Set<String> urls() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(urlByShard));
    }

    /** The shards held by {@code url}, ascending. */
    public List<Integer> shardsOn(String url) {
        List<Integer> shards = new ArrayList<>();
        for (int shard = 0; shard < urlByShard.size(); shard++) {
            if (urlByShard.get(shard).equals(url)) {
                shards.add(shard);
            }
        }
        return shards;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (String url : urls()) {
            List<Integer> shards = shardsOn(url);
            out.append(out.length() == 0 ? "" : "; ").append(shards).append(" on ").append(JdbcUrl.redacted(url));
        }
        return out.toString();
    }

    private static int[] range(String text) {
        try {
            int dash = text.indexOf('-');
            int from = Integer.parseInt((dash < 0 ? text : text.substring(0, dash)).trim());
            int to = dash < 0 ? from : Integer.parseInt(text.substring(dash + 1).trim());
            if (from < 0 || to >= ShardRouter.SHARDS || from > to) {
                throw new IllegalArgumentException("shard range '" + text + "' must lie within 0-"
                        + (ShardRouter.SHARDS - 1) + ", low end first");
            }
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard range '" + text + "' is not a number or <from>-<to>", e);
        }
    }

    private static String requireUrl(String url, String what) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(what + " has no JDBC URL");
        }
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException(what + ": '" + url + "' is not a JDBC URL (jdbc:...)");
        }
        return url;
    }
}
