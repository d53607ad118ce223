package io.chatql.search;

import io.chatql.message.Message;
import io.chatql.message.MessageCreated;
import io.chatql.message.MessageDeleted;
import io.chatql.message.MessageEdited;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Chooses the search engine when the server starts, by the database it stores in: PostgreSQL's own
 * full-text search on PostgreSQL, where every node shares it; otherwise the embedded Lucene index,
 * in {@code chatql.search.index-directory} beside an H2 file, in memory beside an in-memory database.
 * It tells the engine of each message stored, edited or deleted once the change has committed.
 */
@Component
class SearchEngines implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SearchEngines.class);

    private final DataSource dataSource;

    private final JdbcClient jdbc;

    private final SearchRepository repository;

    private final SearchProperties properties;

    private final Clock clock;

    private volatile @Nullable SearchEngine engine;

    SearchEngines(
            DataSource dataSource,
            JdbcClient jdbc,
            SearchRepository repository,
            SearchProperties properties,
            Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** The engine searches run on. */
    SearchEngine engine() {
        SearchEngine current = engine;
        if (current == null) {
            throw new IllegalStateException("search has not started");
        }
        return current;
    }

    @Override
    public void start() {
        SearchEngine chosen = choose();
        chosen.start();
        engine = chosen;
    }

    private SearchEngine choose() {
        String product;
        String url;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            product = metaData.getDatabaseProductName();
            url = metaData.getURL();
        } catch (SQLException ex) {
            throw new IllegalStateException("the database cannot be reached to choose a search engine", ex);
        }
        if (product.equals("PostgreSQL")) {
            LOG.info("Searching messages with PostgreSQL's full-text search.");
            return new PostgresMessageSearch(jdbc);
        }
        boolean inMemory = url.startsWith("jdbc:h2:mem:");
        Supplier<Directory> directories = inMemory ? ByteBuffersDirectory::new : this::onDisk;
        LOG.info(
                "Searching messages with an embedded index {}.",
                inMemory ? "in memory" : "in " + properties.indexDirectory());
        return new LuceneMessageIndex(directories, repository, clock);
    }

    private Directory onDisk() {
        try {
            return FSDirectory.open(properties.indexDirectory());
        } catch (IOException ex) {
            throw new UncheckedIOException("the search index's directory cannot be opened", ex);
        }
    }

    @TransactionalEventListener
    void onCreated(MessageCreated created) {
        Message message = created.message();
        SearchEngine current = engine;
        if (current != null) {
            current.created(new StoredMessage(
                    message.conversationId(),
                    message.id(),
                    message.position(),
                    message.sender(),
                    message.content(),
                    message.deleted()));
        }
    }

    @TransactionalEventListener
    void onEdited(MessageEdited edited) {
        changed(edited.message());
    }

    @TransactionalEventListener
    void onDeleted(MessageDeleted deleted) {
        changed(deleted.message());
    }

    private void changed(Message message) {
        SearchEngine current = engine;
        if (current != null) {
            current.changed(message.conversationId(), message.id());
        }
    }

    @Override
    public void stop() {
        SearchEngine current = engine;
        engine = null;
        if (current != null) {
            current.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return engine != null;
    }

    /** Starts before the web server takes requests, and stops after it has finished them. */
    @Override
    public int getPhase() {
        return 0;
    }
}
