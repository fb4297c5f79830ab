-- API keys: a client sends one as "Authorization: Bearer <key>". Only the key's SHA-256 is stored; the key itself is
-- shown once, when it is created. Keys are not data the dashboards read, so they do not bump the change counter.

create table api_key (
    id           uuid primary key,
    name         text                     not null,
    role         text                     not null,
    key_hash     text                     not null,
    key_prefix   text                     not null,
    expires_at   timestamp(6) with time zone,
    revoked_at   timestamp(6) with time zone,
    last_used_at timestamp(6) with time zone,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint                   not null,
    constraint api_key_name_uk unique (name),
    constraint api_key_hash_uk unique (key_hash),
    constraint api_key_role_ck check (role in ('VIEWER', 'EDITOR', 'ADMIN'))
);
