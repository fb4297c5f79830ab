-- A version for each input of the indicators, moved on in the transaction of every write that changes it, so that a
-- report reads again only the inputs that changed since the last one (indicator/InputMemo):
--   approvals  the counted approvals: any approval, a candidate's name, code, sponsor or cluster, a sponsor's region;
--   published  the published counts;
--   standing   the standing pipeline (V20), one version per cell of sponsor region and cluster, moved on for the cell a
--              candidate stood in and the one it stands in whenever its standing changes.
-- Versions only grow and cells are never deleted, so the sum of the versions of the cells a scope covers changes
-- whenever one of them does. Writers take the change counter's lock first (V3), so they bump these rows in one order.
create table input_version (
    input       varchar(16) not null check (input in ('approvals', 'published', 'standing')),
    region_code varchar(6),
    cluster_id  uuid,
    version     bigint      not null,
    constraint input_version_key unique nulls not distinct (input, region_code, cluster_id)
);
insert into input_version values ('approvals', null, null, 1), ('published', null, null, 1);
insert into input_version
    select distinct 'standing', region_code, cluster_id, 1 from candidate_standing;

create function bump_input(of_input varchar, of_region varchar, of_cluster uuid) returns void
    language sql as
$$
    insert into input_version values (of_input, of_region, of_cluster, 1)
        on conflict on constraint input_version_key do update set version = input_version.version + 1;
$$;

create function approvals_changed() returns trigger
    language plpgsql as
$$
begin
    perform bump_input('approvals', null, null);
    return null;
end
$$;
create trigger approval_input_changed after insert or update or delete or truncate on approval
    for each statement execute function approvals_changed();
-- What a counted approval shows of its candidate, and where the candidate's sponsor and cluster place it.
create trigger candidate_input_changed after update on candidate
    for each row when (old.name is distinct from new.name or old.code is distinct from new.code
                       or old.sponsor_id is distinct from new.sponsor_id or old.cluster_id is distinct from new.cluster_id)
    execute function approvals_changed();
create trigger organization_input_changed after update on organization
    for each row when (old.region_code is distinct from new.region_code)
    execute function approvals_changed();

create function published_changed() returns trigger
    language plpgsql as
$$
begin
    perform bump_input('published', null, null);
    return null;
end
$$;
create trigger published_count_input_changed after insert or update or delete or truncate on published_count
    for each statement execute function published_changed();

-- V20's restand, which now also moves on the versions of the cells the candidate stood in and stands in.
create or replace function restand(of_candidate uuid) returns void
    language plpgsql as
$$
declare
    stood candidate_standing%rowtype;
    stands candidate_standing%rowtype;
begin
    select * into stood from candidate_standing where candidate_id = of_candidate for update;
    select s.candidate_id, s.region_code, s.cluster_id, s.registration_class, s.expected_decision_on, s.phase, s.dated
      into stands from candidate_stood s where s.candidate_id = of_candidate;
    if stood is not distinct from stands then
        return;
    end if;
    if stood.candidate_id is not null then
        perform bump_input('standing', stood.region_code, stood.cluster_id);
    end if;
    if stands.candidate_id is not null
       and (stood.candidate_id is null or stands.region_code is distinct from stood.region_code
            or stands.cluster_id is distinct from stood.cluster_id) then
        perform bump_input('standing', stands.region_code, stands.cluster_id);
    end if;
    if stood.phase is not null and stood.dated is not null then
        delete from pipeline_group g where g.candidates = 1
           and g.region_code is not distinct from stood.region_code and g.cluster_id is not distinct from stood.cluster_id
           and g.registration_class is not distinct from stood.registration_class and g.phase = stood.phase
           and g.expected_decision_on is not distinct from stood.expected_decision_on and g.since = stood.dated;
        if not found then
            update pipeline_group g set candidates = candidates - 1
             where g.region_code is not distinct from stood.region_code
               and g.cluster_id is not distinct from stood.cluster_id
               and g.registration_class is not distinct from stood.registration_class and g.phase = stood.phase
               and g.expected_decision_on is not distinct from stood.expected_decision_on and g.since = stood.dated;
        end if;
    end if;
    if stands.candidate_id is null then
        delete from candidate_standing where candidate_id = of_candidate;
        return;
    end if;
    insert into candidate_standing values (stands.*)
        on conflict (candidate_id) do update set region_code = excluded.region_code, cluster_id = excluded.cluster_id,
            registration_class = excluded.registration_class, expected_decision_on = excluded.expected_decision_on,
            phase = excluded.phase, dated = excluded.dated;
    if stands.phase is not null and stands.dated is not null then
        insert into pipeline_group values (stands.region_code, stands.cluster_id, stands.registration_class,
                                           stands.phase, stands.expected_decision_on, stands.dated, 1)
            on conflict on constraint pipeline_group_key do update set candidates = pipeline_group.candidates + 1;
    end if;
end
$$;

-- An undated candidate is timed from the day it was recorded, which its standing row does not hold.
create function candidate_recorded_changed() returns trigger
    language plpgsql as
$$
begin
    perform bump_input('standing', region_code, cluster_id) from candidate_standing where candidate_id = new.id;
    return null;
end
$$;
create trigger candidate_recorded_changed after update on candidate
    for each row when (old.created_at is distinct from new.created_at)
    execute function candidate_recorded_changed();

-- V20's rebuild, which now also moves on every input's version (and adds the cells new candidates stand in), so that
-- a bulk load with the triggers disabled and a rebuild at its end leaves no kept input behind.
create or replace function rebuild_standing() returns void
    language sql as
$$
    update change_log set version = version + 1 where id = 1;
    delete from pipeline_group;
    delete from candidate_standing;
    insert into candidate_standing
        select candidate_id, region_code, cluster_id, registration_class, expected_decision_on, phase, dated
        from candidate_stood;
    insert into pipeline_group
        select region_code, cluster_id, registration_class, phase, expected_decision_on, dated, count(*)
        from candidate_standing where phase is not null and dated is not null
        group by 1, 2, 3, 4, 5, 6;
    update input_version set version = version + 1;
    insert into input_version
        select distinct 'standing', region_code, cluster_id, 1 from candidate_standing
        on conflict on constraint input_version_key do nothing;
$$;
