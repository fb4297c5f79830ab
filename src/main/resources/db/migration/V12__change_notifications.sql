-- Every bump of the change counter also notifies channel tracker_changes with the new value. PostgreSQL delivers
-- notifications only when the writing transaction commits, in commit order, to every listening session: each instance
-- of the service listens, so it knows the counter without a round trip per request and drops its cached answers the
-- moment any instance (or any other writer) commits a change.

create or replace function record_change() returns trigger
    language plpgsql as
$$
declare
    bumped bigint;
begin
    update change_log set version = version + 1 where id = 1 returning version into bumped;
    perform pg_notify('tracker_changes', bumped::text);
    return null;
end
$$;
