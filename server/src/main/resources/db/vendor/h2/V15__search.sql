-- Search on H2 keeps an index of its own beside the database; when it starts, it reads again the
-- messages edited or deleted since its last commit, found by when they were.
create index conversation_event_by_time on conversation_event (occurred_at);
