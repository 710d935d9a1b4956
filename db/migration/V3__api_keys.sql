create table api_key (
    id           uuid         primary key,
    name         varchar(100) not null,
    prefix       varchar(20)  not null,
    secret_hash  varchar(64)  not null unique,
    roles        varchar(100) not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);
