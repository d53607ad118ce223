-- Search on PostgreSQL: each message's words, read with the simple configuration (lower-cased, not
-- stemmed, no stop words: the same for every language a conversation may be in), kept by the
-- database as the content changes, under a GIN index. A deleted message's content is empty, and so
-- are its words.
alter table message add column search_vector tsvector
    generated always as (to_tsvector('simple', content)) stored;

create index message_search on message using gin (search_vector);
