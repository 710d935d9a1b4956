-- Alerts to the ops webhook, written in the transaction that paused the domain (or formed the cluster) and sent
-- after it committed: an alert is never lost by a restart, and dedup_key makes one pause one alert.
create table alert_outbox (
    id               bigserial    primary key,
    dedup_key        varchar(600) not null unique,
    kind             varchar(30)  not null,
    domain           varchar(253) not null,
    payload          text         not null,
    created_at       timestamptz  not null default now(),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    sent_at          timestamptz,
    last_error       text
);

create index alert_outbox_due_idx on alert_outbox (next_attempt_at) where sent_at is null;
