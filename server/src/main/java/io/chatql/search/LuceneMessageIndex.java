package io.chatql.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded search index: Apache Lucene, in a directory of its own (beside the H2 database, or in
 * memory for an in-memory database). One thread keeps it: it takes the messages stored and the ones
 * edited or deleted from a queue that the message events fill after their commit, so a post never
 * waits for it, and makes what it wrote searchable within a quarter of a second (near-real-time) and
 * durable every few seconds (a commit).
 *
 * <p>Each commit records the position up to which every stored message is in the index and when it
 * was made. At start the index catches up from there: the messages stored since, and the ones edited
 * or deleted since a while before the commit, read as they are now. An index that is missing, cannot
 * be read or was made by another format is started again empty and caught up from the first message,
 * in the background: meanwhile searches find what it already holds.
 */
final class LuceneMessageIndex implements SearchEngine {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneMessageIndex.class);

    static final String FORMAT = "1";

    private static final String KEY = "key";

    private static final String CONVERSATION = "conversation";

    private static final String ID = "id";

    private static final String SENDER = "sender";

    private static final String POSITION = "position";

    static final String CONTENT = "content";

    private static final String FORMAT_DATA = "format";

    private static final String INDEXED_THROUGH = "indexedThrough";

    private static final String COMMITTED_AT = "committedAt";

    private static final Duration REFRESH = Duration.ofMillis(250);

    private static final Duration COMMIT = Duration.ofSeconds(5);

    /** How far before the last commit changes are read again: clocks of nodes and commits differ a little. */
    private static final Duration CHANGES_MARGIN = Duration.ofMinutes(1);

    private static final int CATCH_UP_PAGE = 1000;

    private static final int LARGEST_BATCH = 1000;

    private static final Sort NEWEST = new Sort(new SortField(POSITION, SortField.Type.LONG, true));

    private static final Sort BEST =
            new Sort(SortField.FIELD_SCORE, new SortField(POSITION, SortField.Type.LONG, true));

    private final Supplier<Directory> directories;

    private final SearchRepository repository;

    private final Clock clock;

    private final Analyzer analyzer = new StandardAnalyzer();

    private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();

    private @Nullable Directory directory;

    private @Nullable IndexWriter writer;

    private @Nullable SearcherManager searchers;

    private @Nullable Thread keeper;

    private volatile boolean running;

    /** The position up to which the catch-up has read the stored messages. */
    private long scannedThrough;

    /** The newest position of a message taken from the events. */
    private long createdThrough;

    private boolean caughtUp;

    /** How many stored messages the catch-up has read, and since when. */
    private long caughtUpCount;

    private long catchUpStartedAt = System.nanoTime();

    private @Nullable Instant changedSince;

    /** @param directories opens the index's directory, again after the index was found unreadable */
    LuceneMessageIndex(Supplier<Directory> directories, SearchRepository repository, Clock clock) {
        this.directories = directories;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void start() {
        try {
            open();
        } catch (IOException ex) {
            throw new UncheckedIOException("the search index cannot be opened", ex);
        }
        running = true;
        catchUpStartedAt = System.nanoTime();
        keeper = new Thread(this::keep, "search-index");
        keeper.setDaemon(true);
        keeper.start();
    }

    private void open() throws IOException {
        directory = directories.get();
        try {
            writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            Map<String, String> data = commitData(writer);
            if (FORMAT.equals(data.get(FORMAT_DATA)) && data.containsKey(INDEXED_THROUGH)) {
                scannedThrough = Long.parseLong(data.get(INDEXED_THROUGH));
                changedSince = Instant.ofEpochMilli(Long.parseLong(data.get(COMMITTED_AT)))
                        .minus(CHANGES_MARGIN);
                LOG.info("The search index holds the messages up to position {}; catching up.", scannedThrough);
            } else {
                if (!data.isEmpty() || writer.getDocStats().numDocs > 0) {
                    LOG.warn("The search index is of another format; building it again.");
                }
                writer.deleteAll();
                LOG.info("Building the search index from the stored messages.");
            }
        } catch (LockObtainFailedException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            LOG.warn("The search index cannot be read ({}); building it again.", ex.toString());
            closeQuietly();
            directory = directories.get();
            // Nothing holds the lock now: the writer that failed to open let it go.
            for (String file : directory.listAll()) {
                directory.deleteFile(file);
            }
            writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
        }
        searchers = new SearcherManager(writer, null);
    }

    private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer).setOpenMode(mode).setCommitOnClose(false);
    }

    private static Map<String, String> commitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    @Override
    public void created(StoredMessage message) {
        changes.add(new Change(message.conversationId(), message.id(), message));
    }

    @Override
    public void changed(String conversationId, String id) {
        changes.add(new Change(conversationId, id, null));
    }

    /** The keeper's loop: the changes as they come, the catch-up in between, refreshes and commits. */
    private void keep() {
        long refreshedAt = System.nanoTime();
        long committedAt = System.nanoTime();
        boolean unrefreshed = false;
        boolean uncommitted = false;
        while (running || !changes.isEmpty()) {
            try {
                if (changedSince != null) {
                    readAgain(repository.changedSince(changedSince.atOffset(ZoneOffset.UTC)));
                    changedSince = null;
                    unrefreshed = uncommitted = true;
                }
                if (!caughtUp) {
                    catchUp();
                    unrefreshed = uncommitted = true;
                }
                Change first = changes.poll(caughtUp ? REFRESH.toMillis() : 0, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Change> batch = new ArrayList<>();
                    batch.add(first);
                    changes.drainTo(batch, LARGEST_BATCH - 1);
                    apply(batch);
                    unrefreshed = uncommitted = true;
                }
                long now = System.nanoTime();
                if (unrefreshed && now - refreshedAt >= REFRESH.toNanos()) {
                    searchers().maybeRefresh();
                    refreshedAt = now;
                    unrefreshed = false;
                }
                if (uncommitted && now - committedAt >= COMMIT.toNanos()) {
                    commit();
                    committedAt = now;
                    uncommitted = false;
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException | RuntimeException ex) {
                LOG.error("The search index could not take changes.", ex);
                pause();
            }
        }
        try {
            commit();
        } catch (IOException | RuntimeException ex) {
            LOG.error("The search index could not be stored.", ex);
        }
    }

    /** One page of the stored messages after those the index holds. */
    private void catchUp() throws IOException {
        List<StoredMessage> page = repository.storedAfter(scannedThrough, CATCH_UP_PAGE);
        for (StoredMessage message : page) {
            writer().updateDocument(key(message.conversationId(), message.id()), document(message));
        }
        caughtUpCount += page.size();
        if (page.isEmpty()) {
            caughtUp = true;
            LOG.info(
                    "The search index holds every stored message, {} read in {} ms.",
                    caughtUpCount,
                    Duration.ofNanos(System.nanoTime() - catchUpStartedAt).toMillis());
        } else {
            scannedThrough = page.get(page.size() - 1).position();
        }
    }

    private void apply(List<Change> batch) throws IOException {
        List<MessageKey> readAgain = new ArrayList<>();
        for (Change change : batch) {
            if (change.message() != null) {
                writer().updateDocument(key(change.conversationId(), change.id()), document(change.message()));
                createdThrough = Math.max(createdThrough, change.message().position());
            } else {
                readAgain.add(new MessageKey(change.conversationId(), change.id(), 0));
            }
        }
        readAgain(readAgain);
    }

    /** Writes the messages as they are now, removing the deleted ones. */
    private void readAgain(List<MessageKey> keys) throws IOException {
        Map<String, Set<String>> byConversation = new HashMap<>();
        for (MessageKey key : keys) {
            byConversation
                    .computeIfAbsent(key.conversationId(), conversation -> new LinkedHashSet<>())
                    .add(key.id());
        }
        for (Map.Entry<String, Set<String>> conversation : byConversation.entrySet()) {
            for (StoredMessage message : repository.current(conversation.getKey(), conversation.getValue())) {
                Term key = key(message.conversationId(), message.id());
                if (message.deleted()) {
                    writer().deleteDocuments(key);
                } else {
                    writer().updateDocument(key, document(message));
                }
            }
        }
    }

    private void commit() throws IOException {
        IndexWriter current = writer();
        long through = caughtUp ? Math.max(scannedThrough, createdThrough) : scannedThrough;
        current.setLiveCommitData(Map.of(
                        FORMAT_DATA,
                        FORMAT,
                        INDEXED_THROUGH,
                        Long.toString(through),
                        COMMITTED_AT,
                        Long.toString(clock.millis()))
                .entrySet());
        current.commit();
    }

    private void pause() {
        try {
            Thread.sleep(REFRESH.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<MessageKey> find(SearchRequest request) {
        SearcherManager manager = searchers();
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                Query query = query(request);
                boolean newest = request.order() == MessageSearchOrder.NEWEST;
                int wanted = newest ? request.limit() : request.offset() + request.limit();
                ScoreDoc[] hits = searcher.search(query, wanted, newest ? NEWEST : BEST).scoreDocs;
                StoredFields stored = searcher.storedFields();
                List<MessageKey> keys = new ArrayList<>();
                for (int hit = newest ? 0 : request.offset(); hit < hits.length; hit++) {
                    Document document = stored.document(hits[hit].doc);
                    keys.add(new MessageKey(
                            document.get(CONVERSATION),
                            document.get(ID),
                            document.getField(POSITION).numericValue().longValue()));
                }
                return keys;
            } finally {
                manager.release(searcher);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("the search index cannot be read", ex);
        }
    }

    private Query query(SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(
                new TermInSetQuery(
                        CONVERSATION,
                        request.conversationIds().stream().map(BytesRef::new).toList()),
                BooleanClause.Occur.FILTER);
        if (request.senderIds() != null) {
            query.add(
                    new TermInSetQuery(
                            SENDER,
                            request.senderIds().stream().map(BytesRef::new).toList()),
                    BooleanClause.Occur.FILTER);
        }
        if (request.before() != null) {
            query.add(
                    LongPoint.newRangeQuery(POSITION, Long.MIN_VALUE, request.before() - 1),
                    BooleanClause.Occur.FILTER);
        }
        for (SearchQuery.Term term : request.terms()) {
            query.add(termQuery(term), BooleanClause.Occur.MUST);
        }
        return query.build();
    }

    /** A term as the index's analyzer reads it: a word it splits, such as {@code e-mail}, is a phrase. */
    private Query termQuery(SearchQuery.Term term) {
        List<String> words = TextTokens.of(analyzer, term.text()).stream()
                .map(TextTokens.Token::text)
                .toList();
        if (words.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        if (term.kind() == SearchQuery.Kind.PREFIX) {
            String stem = words.get(words.size() - 1);
            if (words.size() == 1) {
                return new PrefixQuery(new Term(CONTENT, stem));
            }
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            all.add(
                    new PhraseQuery(CONTENT, words.subList(0, words.size() - 1).toArray(String[]::new)),
                    BooleanClause.Occur.MUST);
            all.add(new PrefixQuery(new Term(CONTENT, stem)), BooleanClause.Occur.MUST);
            return all.build();
        }
        return words.size() == 1
                ? new TermQuery(new Term(CONTENT, words.get(0)))
                : new PhraseQuery(CONTENT, words.toArray(String[]::new));
    }

    private static Term key(String conversationId, String id) {
        // Ids hold no control characters, so the separator cannot be part of either.
        return new Term(KEY, conversationId + '\u001f' + id);
    }

    private static Document document(StoredMessage message) {
        Document document = new Document();
        document.add(
                new StringField(KEY, key(message.conversationId(), message.id()).bytes(), Field.Store.NO));
        document.add(new StringField(CONVERSATION, message.conversationId(), Field.Store.YES));
        document.add(new StoredField(ID, message.id()));
        document.add(new StringField(SENDER, message.sender(), Field.Store.NO));
        document.add(new LongPoint(POSITION, message.position()));
        document.add(new NumericDocValuesField(POSITION, message.position()));
        document.add(new StoredField(POSITION, message.position()));
        document.add(new TextField(CONTENT, message.content(), Field.Store.NO));
        return document;
    }

    @Override
    public void stop() {
        running = false;
        Thread current = keeper;
        if (current != null) {
            try {
                current.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException ex) {
            LOG.error("The search index could not be closed.", ex);
        } finally {
            searchers = null;
            writer = null;
            directory = null;
        }
    }

    private IndexWriter writer() {
        IndexWriter current = writer;
        if (current == null) {
            throw new IllegalStateException("the search index is not open");
        }
        return current;
    }

    private SearcherManager searchers() {
        SearcherManager current = searchers;
        if (current == null) {
            throw new IllegalStateException("the search index is not open");
        }
        return current;
    }

    /** A message to index: as given when it was just stored, or read again when {@code message} is null. */
    private record Change(
            String conversationId, String id, @Nullable StoredMessage message) {}
}
