-- What several instances against one database must share (README, "Running several instances").

-- Console sessions (Spring Session JDBC): the schema of spring-session-jdbc 4.0.4,
-- org/springframework/session/jdbc/schema-postgresql.sql, as printed. spring.session.jdbc.initialize-schema is never:
-- Flyway alone makes it. Expired sessions are deleted by Spring Session's cleanup (spring.session.jdbc.cleanup-cron).
CREATE TABLE SPRING_SESSION (
	PRIMARY_ID CHAR(36) NOT NULL,
	SESSION_ID CHAR(36) NOT NULL,
	CREATION_TIME BIGINT NOT NULL,
	LAST_ACCESS_TIME BIGINT NOT NULL,
	MAX_INACTIVE_INTERVAL INT NOT NULL,
	EXPIRY_TIME BIGINT NOT NULL,
	PRINCIPAL_NAME VARCHAR(100),
	CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
	SESSION_PRIMARY_ID CHAR(36) NOT NULL,
	ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
	ATTRIBUTE_BYTES BYTEA NOT NULL,
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);

-- The sign-in throttle (LoginThrottle): failed sign-ins per username (or "client:" + client id) and per remote
-- address. failures holds the times of the failures inside the sliding window (the throttle trims it on every
-- failure, and empties it when a lockout starts); locked_until the end of the latest lockout. Every time is the
-- application's clock, never the database's. A row whose lockout and failures are all older than the window says
-- nothing any more and is deleted by the throttle's cleanup.
CREATE TABLE login_failure (
    kind         TEXT          NOT NULL CHECK (kind IN ('USER', 'ADDRESS')),
    key          TEXT          NOT NULL,
    failures     TIMESTAMPTZ[] NOT NULL,
    locked_until TIMESTAMPTZ,
    PRIMARY KEY (kind, key)
);
