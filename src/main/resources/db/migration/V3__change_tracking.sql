-- One counter per table, bumped in the writing transaction by every statement that changes the table. Entity tags
-- (ETag) are derived from these counters, so they change with the data for every instance of the service and a
-- reader never sees a new counter before the data it stands for.

create table change_log (
    table_name varchar(64) primary key,
    version    bigint not null
);

insert into change_log (table_name, version)
values ('cluster', 0), ('organization', 0), ('candidate', 0), ('milestone', 0), ('approval', 0), ('target', 0),
       ('collaboration', 0), ('collaboration_party', 0);

create function record_change() returns trigger
    language plpgsql as
$$
begin
    update change_log set version = version + 1 where table_name = tg_table_name;
    return null;
end
$$;

do
$$
    declare
        tracked text;
    begin
        for tracked in select table_name from change_log
            loop
                execute format('create trigger %I after insert or update or delete or truncate on %I'
                                   || ' for each statement execute function record_change()',
                               tracked || '_changed', tracked);
            end loop;
    end
$$;
