-- An Idempotency-Key is now taken inside the transaction of the write it guards, with its answer stored before that
-- transaction commits: a row is committed with its answer or not at all, and no claim outlives the process that made
-- it. Claims without an answer, left by the previous release (a claim was committed before the write), are dropped;
-- a claim made by an instance of that release during a rolling upgrade still counts as in progress until it answers.

delete from idempotency_key where status is null;
alter table idempotency_key alter column claim drop not null;
comment on column idempotency_key.claim is 'Unused since V19; kept while instances of the previous release may run';
