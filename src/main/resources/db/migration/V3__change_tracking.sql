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

create trigger cluster_changed after insert or update or delete or truncate on cluster
    for each statement execute function record_change();
create trigger organization_changed after insert or update or delete or truncate on organization
    for each statement execute function record_change();
create trigger candidate_changed after insert or update or delete or truncate on candidate
    for each statement execute function record_change();
create trigger milestone_changed after insert or update or delete or truncate on milestone
    for each statement execute function record_change();
create trigger approval_changed after insert or update or delete or truncate on approval
    for each statement execute function record_change();
create trigger target_changed after insert or update or delete or truncate on target
    for each statement execute function record_change();
create trigger collaboration_changed after insert or update or delete or truncate on collaboration
    for each statement execute function record_change();
create trigger collaboration_party_changed after insert or update or delete or truncate on collaboration_party
    for each statement execute function record_change();
