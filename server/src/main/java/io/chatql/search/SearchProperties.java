package io.chatql.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of search.
 *
 * @param indexDirectory where the embedded index lives, with an H2 database in a file; it is built
 *     again from the database when missing or unreadable, so it need not be backed up
 */
@ConfigurationProperties("chatql.search")
record SearchProperties(Path indexDirectory) {}
