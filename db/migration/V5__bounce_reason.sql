-- The classifier's finer reason next to the classification (USER_UNKNOWN, BLOCKED, SPAM_DETECTED, ...).
-- Rows stored before it have none.
alter table bounce_event add column reason varchar(40);
