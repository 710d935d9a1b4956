-- When the domain's current cluster was first seen at SMALL_CLUSTER or above. A cluster's MX lookup and its
-- alert happen once, when this is set; a new cluster (after the window passed or a resume) sets it again.
alter table recipient_domain add column cluster_noted_at timestamptz;

-- What DNS last said about each domain's mail route. routing: MX, IMPLICIT_MX, NULL_MX or NO_MAIL_HOST; null
-- while no lookup ever succeeded. hosts: "10 mx1.example.net, 20 mx2.example.net", the implicit MX's host,
-- or empty.
create table domain_mx (
    domain      varchar(253) primary key,
    routing     varchar(20),
    hosts       text,
    detail      text,
    seen_since  timestamptz,
    checked_at  timestamptz,
    failed_at   timestamptz,
    failure     text
);

-- Every route seen that differed from the one before: "MX changed 3 days before the first bounce" is a cause
-- the diagnosis names. The change happened between previous_checked_at and seen_at.
create table domain_mx_change (
    id                  bigint       primary key default nextval('history_seq'),
    domain              varchar(253) not null,
    seen_at             timestamptz  not null,
    routing             varchar(20)  not null,
    hosts               text         not null,
    previous_routing    varchar(20),
    previous_hosts      text,
    previous_checked_at timestamptz
);

create index domain_mx_change_domain_idx on domain_mx_change (domain, id);

create trigger domain_mx_change_append_only
    before update or delete on domain_mx_change
    for each row execute function refuse_history_rewrite();
