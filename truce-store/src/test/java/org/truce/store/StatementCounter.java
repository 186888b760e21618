package org.truce.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Counts what a piece of code asks of the database through a data source: statement executions
 * (each one round trip to a server database; a JDBC batch counts once), the rows a batch carries,
 * savepoints and commits, by statement kind ("INSERT reports", "SELECT incidents"). A plain JDK
 * proxy around the real pool, so the statements still run on the real H2 or PostgreSQL.
 */
final class StatementCounter {

    private static final Pattern TABLE = Pattern.compile(
            "^\\s*(SELECT|INSERT|DELETE|UPDATE)\\b(?:.*?\\b(?:INTO|FROM)|(?<=UPDATE))\\s+([a-z_]+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A SELECT of a function and no table, such as a lock. */
    private static final Pattern CALL = Pattern.compile("^\\s*SELECT\\s+([a-z_]+)", Pattern.CASE_INSENSITIVE);

    /** Executions (round trips) by statement kind. */
    private final Map<String, Integer> executions = new TreeMap<>();
    /** Rows sent by batches, by statement kind (a plain execution counts one). */
    private final Map<String, Integer> rows = new TreeMap<>();

    synchronized void reset() {
        executions.clear();
        rows.clear();
    }

    synchronized Map<String, Integer> executions() {
        return new TreeMap<>(executions);
    }

    synchronized Map<String, Integer> rows() {
        return new TreeMap<>(rows);
    }

    synchronized int totalExecutions() {
        return executions.values().stream().mapToInt(Integer::intValue).sum();
    }

    private synchronized void executed(String kind, int rowCount) {
        executions.merge(kind, 1, Integer::sum);
        rows.merge(kind, rowCount, Integer::sum);
    }

    /** "INSERT reports", "SELECT incidents", "savepoint", "commit"; the first table a statement names. */
    static String kind(String sql) {
        Matcher m = TABLE.matcher(sql);
        if (m.find()) {
            return m.group(1).toUpperCase(Locale.ROOT) + " " + m.group(2).toLowerCase(Locale.ROOT);
        }
        Matcher call = CALL.matcher(sql);
        if (call.find()) {
            return "SELECT " + call.group(1).toLowerCase(Locale.ROOT);
        }
        String head = sql.strip();
        int space = head.indexOf(' ');
        return (space < 0 ? head : head.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    DataSource wrap(DataSource real) {
        return proxy(DataSource.class, real, (target, method, args) -> {
            Object out = invoke(target, method, args);
            return out instanceof Connection c ? connection(c) : out;
        });
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, real, (target, method, args) -> {
            switch (method.getName()) {
                case "setSavepoint" -> executed("savepoint", 1);
                case "releaseSavepoint" -> executed("release savepoint", 1);
                case "commit" -> executed("commit", 1);
                case "rollback" -> executed(args == null ? "rollback" : "rollback to savepoint", 1);
                default -> {
                }
            }
            Object out = invoke(target, method, args);
            if (out instanceof PreparedStatement ps && method.getName().equals("prepareStatement")) {
                return prepared(ps, (String) args[0]);
            }
            if (out instanceof Statement s && method.getName().equals("createStatement")) {
                return plain(s);
            }
            return out;
        });
    }

    private PreparedStatement prepared(PreparedStatement real, String sql) {
        String kind = kind(sql);
        int[] parts = {0};
        return proxy(PreparedStatement.class, real, (target, method, args) -> {
            switch (method.getName()) {
                case "addBatch" -> parts[0]++;
                case "executeBatch", "executeLargeBatch" -> {
                    executed(kind, parts[0]);
                    parts[0] = 0;
                }
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> executed(kind, 1);
                default -> {
                }
            }
            return invoke(target, method, args);
        });
    }

    private Statement plain(Statement real) {
        return proxy(Statement.class, real, (target, method, args) -> {
            if (method.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
                executed(kind(sql), 1);
            }
            return invoke(target, method, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> handler.handle(target, method, args));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }
}
