package io.coupon.connect;

/**
 * A JDBC URL split into the server part and the database it names:
 * {@code jdbc:mariadb://h:3306/coupon?x=y} is server {@code jdbc:mariadb://h:3306/?x=y}, database {@code coupon}.
 * The server URL is what {@code CREATE DATABASE} has to connect to while the database does not exist yet.
 */
public record JdbcUrl(String serverUrl, String database) {

    public static JdbcUrl parse(String url) {
        int hosts = url == null ? -1 : url.indexOf("://");
        if (hosts < 0 || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("'" + url + "' is not a JDBC URL like jdbc:mariadb://host:3306/db");
        }
        int slash = url.indexOf('/', hosts + 3);
        int query = url.indexOf('?', hosts + 3);
        if (slash < 0 || (query >= 0 && query < slash)) {
            throw new IllegalArgumentException("JDBC URL '" + redacted(url) + "' names no database");
        }
        String database = url.substring(slash + 1, query < 0 ? url.length() : query);
        if (database.isEmpty()) {
            throw new IllegalArgumentException("JDBC URL '" + redacted(url) + "' names no database");
        }
        return new JdbcUrl(url.substring(0, slash + 1) + (query < 0 ? "" : url.substring(query)), database);
    }

    /** The URL without its options, which may carry a password: safe for logs. */
    public static String redacted(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }
}
