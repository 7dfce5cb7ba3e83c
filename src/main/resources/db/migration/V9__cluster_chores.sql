-- ShedLock: a chore that every node schedules (courier-event redelivery, the overdue filter) runs on one
-- node at a time, across the cluster.
CREATE TABLE shedlock (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP    NOT NULL,
  locked_at  TIMESTAMP    NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);
