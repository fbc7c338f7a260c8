package io.coupon.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The real MariaDB at 127.0.0.1:3306 (root, empty password), one fresh database per test class. */
final class TestDatabases {

    static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    static final String USER = "root";
    static final String PASSWORD = "";

    private TestDatabases() {
    }

    static String freshName() {
        return "coupon_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String url(String database) {
        return SERVER + database;
    }

    static void drop(String... databases) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            for (String database : databases) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    /** Each row of {@code sql} as its columns joined by '|': easy to compare whole tables. */
    static List<String> rows(String database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(database), USER, PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static long count(String database, String sql) throws SQLException {
        return Long.parseLong(rows(database, sql).get(0));
    }

    static void execute(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static boolean tableExists(String database, String table) throws SQLException {
        return count(database, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + database
                + "' AND TABLE_NAME = '" + table + "'") == 1;
    }
}
