-- The ESPs' own suppression lists follow ours. Each clear or suppression here writes one action per connected
-- provider in the same transaction (an outbox): it commits with the change or not at all, survives restarts, and
-- is sent after commit by whichever instance locks it first (FOR UPDATE SKIP LOCKED). The id comes from the
-- history sequence, so the actions read in an address's history where they happened.
create table provider_action (
    id               bigint       primary key default nextval('history_seq'),
    provider         varchar(30)  not null,
    kind             varchar(10)  not null,
    address          varchar(254) not null,
    reason           varchar(30),
    state            varchar(20)  not null,
    created_at       timestamptz  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    done_at          timestamptz,
    last_error       text
);

create index provider_action_due_idx on provider_action (next_attempt_at) where state in ('PENDING', 'VERIFYING');
create index provider_action_address_idx on provider_action (address, provider, id);

-- Where a suppression came from when it was not a bounce, complaint or ops here: provider:<name> for an import
-- from that provider's list, which is then never pushed back to it.
alter table suppression add column origin varchar(60);

-- How a provider spells an address it holds (SES keeps the case it was given and deletes only with that case).
create table provider_listed_address (
    provider   varchar(30)  not null,
    address    varchar(254) not null,
    listed_as  varchar(320) not null,
    primary key (provider, address)
);
