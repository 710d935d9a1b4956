-- One sequence orders bounces and state changes together, so an address's history reads in the
-- order things happened to it.
create sequence history_seq;

create table recipient_domain (
    domain      varchar(253) primary key,
    paused      boolean      not null default false,
    paused_at   timestamptz,
    resumed_at  timestamptz,
    created_at  timestamptz  not null default now()
);

create table bounce_event (
    id                    bigint       primary key default nextval('history_seq'),
    event_id              varchar(255) unique,
    recipient             varchar(254) not null,
    recipient_domain      varchar(253) not null,
    classification        varchar(20)  not null,
    smtp_code             integer,
    enhanced_code         varchar(16),
    diagnostic            text,
    origin                varchar(10)  not null,
    occurred_at           timestamptz  not null,
    received_at           timestamptz  not null default now(),
    message_id            varchar(998),
    reporting_mta         varchar(255),
    source                varchar(100),
    counts_toward_cluster boolean      not null
);

create index bounce_event_recipient_idx on bounce_event (recipient, id);

-- The addresses at a domain that hard-bounced, with their latest bounce: the domain cluster counts the
-- rows whose latest bounce falls inside the rolling window.
create table domain_bounced_address (
    domain          varchar(253) not null,
    address         varchar(254) not null,
    last_bounce_at  timestamptz  not null,
    last_response   text,
    rejecting_host  varchar(255),
    primary key (domain, address)
);

create index domain_bounced_address_window_idx on domain_bounced_address (domain, last_bounce_at);

create table suppression (
    address                   varchar(254) primary key,
    domain                    varchar(253) not null,
    active                    boolean      not null,
    reason                    varchar(20)  not null,
    classification            varchar(20),
    since                     timestamptz  not null,
    last_response             text,
    rejecting_host            varchar(255),
    last_bounce_id            bigint,
    cleared_at                timestamptz,
    probation_until           timestamptz,
    resuppressed_on_probation boolean      not null default false
);

create index suppression_active_domain_idx on suppression (domain, address) where active;
create index suppression_active_address_idx on suppression (address) where active;

create table suppression_change (
    id             bigint       primary key default nextval('history_seq'),
    address        varchar(254) not null,
    action         varchar(30)  not null,
    at             timestamptz  not null default now(),
    reason         text,
    actor          varchar(200) not null,
    classification varchar(20),
    bounce_id      bigint
);

create index suppression_change_address_idx on suppression_change (address, id);

create table domain_change (
    id      bigint       primary key default nextval('history_seq'),
    domain  varchar(253) not null,
    action  varchar(20)  not null,
    at      timestamptz  not null default now(),
    reason  text,
    actor   varchar(200) not null,
    distinct_addresses integer
);

create index domain_change_domain_idx on domain_change (domain, id);

create table rejected_event (
    id          bigserial    primary key,
    received_at timestamptz  not null default now(),
    source      varchar(100),
    reason      text         not null,
    raw         text         not null
);
