-- Sends, deliveries, hard bounces and complaints per minute, stream, list source and recipient domain: the bounce
-- rates per source. Counters are added with INSERT ... ON CONFLICT DO UPDATE, so parallel ingestion on several
-- instances adds up exactly. '' stands for "not given" (primary key columns cannot be null).
create table send_tally (
    minute           timestamptz  not null,
    stream           varchar(100) not null,
    list_source      varchar(200) not null,
    recipient_domain varchar(253) not null,
    sent             bigint       not null default 0,
    delivered        bigint       not null default 0,
    hard_bounces     bigint       not null default 0,
    complaints       bigint       not null default 0,
    primary key (minute, stream, list_source, recipient_domain)
);

-- The last level each source was judged at, so an alert goes out when a source turns CRITICAL, not every minute
-- it stays there; the row is claimed with an upsert, so two instances judging at once send one alert.
create table bounce_rate_level (
    dimension   varchar(20)  not null,
    key         varchar(253) not null,
    level       varchar(20)  not null,
    changed_at  timestamptz  not null,
    primary key (dimension, key)
);
