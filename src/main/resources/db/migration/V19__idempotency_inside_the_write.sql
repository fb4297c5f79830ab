-- An Idempotency-Key is now taken inside the transaction of the write it guards, with its answer stored before that
-- transaction commits: a row is committed with its answer or not at all, and no claim outlives the process that made
-- it. Claims without an answer left by the previous release (a claim was committed before the write) are dropped once
-- that release would have given them up (ten minutes); younger ones, of instances of that release still running in a
-- rolling upgrade, count as in progress until they answer or are ten minutes old.

delete from idempotency_key where status is null and created_at < now() - interval '10 minutes';
alter table idempotency_key alter column claim drop not null;
comment on column idempotency_key.claim is 'Unused since V19; kept while instances of the previous release may run';
