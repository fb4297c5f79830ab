-- Rate-limit buckets (Bucket4j), shared by every instance of the service: one row per API key or client address.
create table rate_limit_bucket (
    id         varchar(300) primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_bucket_expires_at_ix on rate_limit_bucket (expires_at);
