package io.chatql.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/** Counts the SQL statements that the application prepares, to show what a request costs. */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

    private static final Pattern WRITE =
            Pattern.compile("^\\s*(insert|update|delete|merge)\\b", Pattern.CASE_INSENSITIVE);

    private final AtomicLong statements = new AtomicLong();

    private final AtomicLong writes = new AtomicLong();

    /** The number of statements prepared since the application started. */
    public long count() {
        return statements.get();
    }

    /** The number of those that change data: inserts, updates, deletes and merges. */
    public long writes() {
        return writes.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        Object result = invoke(dataSource, method, args);
                        return result instanceof Connection connection ? counting(connection) : result;
                    });
        }
        return bean;
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (STATEMENT_METHODS.contains(method.getName())) {
                        statements.incrementAndGet();
                        if (args != null
                                && args.length > 0
                                && args[0] instanceof String sql
                                && WRITE.matcher(sql).find()) {
                            writes.incrementAndGet();
                        }
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }
}
