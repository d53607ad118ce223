package io.chatql.system;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the server prepares, as {@code chatql.database.statements} with {@code
 * kind} {@code write} for inserts, updates, deletes and merges and {@code other} for the rest: what a
 * request, a heartbeat or a reconnection costs the database, for operators and load tests to read. A
 * statement counts when it is prepared, so a batch counts once however many rows it writes.
 */
@Component
class DatabaseStatements implements BeanPostProcessor, MeterBinder {

    static final String METER = "chatql.database.statements";

    private static final Set<String> PREPARING = Set.of("prepareStatement", "createStatement", "prepareCall");

    private static final Pattern WRITE =
            Pattern.compile("^\\s*(insert|update|delete|merge)\\b", Pattern.CASE_INSENSITIVE);

    private final LongAdder writes = new LongAdder();

    private final LongAdder others = new LongAdder();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return proxy(DataSource.class, (proxy, method, args) -> {
                Object result = invoke(dataSource, method, args);
                return result instanceof Connection connection ? counting(connection) : result;
            });
        }
        return bean;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(METER, writes, LongAdder::sum)
                .description("SQL statements prepared")
                .tag("kind", "write")
                .register(registry);
        FunctionCounter.builder(METER, others, LongAdder::sum)
                .description("SQL statements prepared")
                .tag("kind", "other")
                .register(registry);
    }

    private Connection counting(Connection connection) {
        return proxy(Connection.class, (proxy, method, args) -> {
            if (PREPARING.contains(method.getName())) {
                counted(args == null || args.length == 0 ? null : args[0]);
            }
            return invoke(connection, method, args);
        });
    }

    private void counted(@Nullable Object sql) {
        if (sql instanceof String text && WRITE.matcher(text).find()) {
            writes.increment();
        } else {
            others.increment();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(DatabaseStatements.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }
}
