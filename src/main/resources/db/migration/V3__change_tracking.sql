-- One change counter for the whole database, bumped inside every writing transaction. Entity tags (ETag) are derived
-- from it, so they change with the data for every instance of the service, and a reader never sees a new counter
-- before the data it stands for.
--
-- The counter is bumped by BEFORE statement triggers, so each writing transaction takes the counter's row lock
-- before any row lock of its own: writers queue on that one lock in a single order and cannot deadlock on it.

create table change_log (
    id      integer primary key check (id = 1),
    version bigint  not null
);

insert into change_log (id, version) values (1, 0);

create function record_change() returns trigger
    language plpgsql as
$$
begin
    update change_log set version = version + 1 where id = 1;
    return null;
end
$$;

do
$$
    declare
        tracked text;
    begin
        foreach tracked in array array ['cluster', 'organization', 'candidate', 'milestone', 'approval', 'target',
            'collaboration', 'collaboration_party']
            loop
                execute format('create trigger %I before insert or update or delete or truncate on %I'
                                   || ' for each statement execute function record_change()',
                               tracked || '_changed', tracked);
            end loop;
    end
$$;
