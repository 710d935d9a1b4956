-- What an ESP said beyond our model's fields is kept verbatim as evidence.
alter table bounce_event add column raw text;

-- Spam complaints: evidence, and they suppress the address with reason COMPLAINT.
create table complaint_event (
    id               bigint       primary key default nextval('history_seq'),
    event_id         varchar(255) unique,
    recipient        varchar(254) not null,
    recipient_domain varchar(253) not null,
    occurred_at      timestamptz  not null,
    received_at      timestamptz  not null default now(),
    source           varchar(100),
    message_id       varchar(998),
    feedback_type    varchar(100),
    raw              text
);

create index complaint_event_recipient_idx on complaint_event (recipient, id);

create trigger complaint_event_never_updated
    before update on complaint_event
    for each row execute function refuse_history_rewrite();

create trigger complaint_event_deleted_only_by_retention
    before delete on complaint_event
    for each row execute function refuse_bounce_delete_outside_retention();

-- Non-bounce webhook events (delivered, processed, opens, ...) counted per sending domain and day, the
-- denominator of bounce rates.
create table delivery_stat (
    provider       varchar(30)  not null,
    sending_domain varchar(253) not null,
    day            date         not null,
    event_type     varchar(50)  not null,
    count          bigint       not null,
    primary key (provider, sending_domain, day, event_type)
);

-- Deliveries a provider may repeat (SNS MessageId, Svix id, Mailgun signature token): seen once.
create table webhook_receipt (
    provider    varchar(30)  not null,
    receipt_id  varchar(255) not null,
    received_at timestamptz  not null default now(),
    primary key (provider, receipt_id)
);
