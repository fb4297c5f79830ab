-- Answers to POSTs sent with an Idempotency-Key, kept 24 hours so that a retry, on any instance, gets the first
-- answer instead of writing again. A row without a status is a request still being handled.

create table idempotency_key (
    principal       text                        not null,
    idempotency_key text                        not null,
    fingerprint     text                        not null,
    claim           text                        not null,
    status          integer,
    content_type    text,
    body            text,
    location        text,
    created_at      timestamp(6) with time zone not null,
    primary key (principal, idempotency_key)
);

create index idempotency_key_created_at_ix on idempotency_key (created_at);
