-- Spring Modulith's persistent event publication registry (schema v2 of spring-modulith-events-jdbc 2.0).
CREATE TABLE event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Idempotent POSTs: the first answer to a key is stored and given again to every retry with the same body.
CREATE TABLE idempotency_record
(
  principal       TEXT        NOT NULL,
  operation       TEXT        NOT NULL,
  idempotency_key TEXT        NOT NULL,
  request_hash    TEXT        NOT NULL,
  response_status INT         NOT NULL,
  response_body   TEXT        NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (principal, operation, idempotency_key)
);
