-- The pipeline as it stands now, kept in the transaction of every write, so that today's forecast reads a few rows
-- per group instead of every candidate's milestones (IndicatorRepository.pipeline). As of today or later every
-- milestone has been reached (none may be dated in the future) and every candidate recorded, so a candidate stands
-- where its whole history puts it: the same as the as-of query with all dates passed. Past as-of dates, and reads as
-- known at an instant, still go through the as-of query.

-- Each candidate's standing from its sponsor's region and its milestones; the one definition that both the triggers
-- and the rebuild below read, one candidate at a time or all at once.
create view candidate_stood as
select c.id as candidate_id, o.region_code, c.cluster_id, c.registration_class, c.expected_decision_on,
       case when history.approved and stood.latest <> 'DISCONTINUED' then 'APPROVED' else stood.latest end as phase,
       history.dated
from candidate c
join organization o on o.id = c.sponsor_id
cross join lateral (
    select (array_agg(m.phase order by m.reached_on desc nulls last, m.id desc)
              filter (where not (m.phase = 'APPROVED' and m.evidence <> 'CONFIRMED')))[1] as latest,
           coalesce(bool_or(m.approval_id is not null and m.evidence = 'CONFIRMED' and m.reached_on is not null),
                    false) as approved,
           max(m.reached_on) as dated,
           count(*) as entries
    from milestone m where m.candidate_id = c.id) history
-- a candidate without any history stands in its own phase
cross join lateral (select coalesce(history.latest, case when history.entries = 0 then c.phase end) as latest) stood;

-- One row per candidate. dated is its latest dated milestone; a candidate with none is timed from the day it was
-- recorded, which the reading side works out in the service's calendar.
create table candidate_standing (
    candidate_id         uuid primary key,
    region_code          varchar(6),
    cluster_id           uuid,
    registration_class   varchar(16),
    expected_decision_on date,
    phase                varchar(32),
    dated                date
);
create index candidate_standing_undated_idx on candidate_standing (phase) where dated is null;

-- The candidates with a dated milestone, counted per group of equal chances and scope.
create table pipeline_group (
    region_code          varchar(6),
    cluster_id           uuid,
    registration_class   varchar(16),
    phase                varchar(32) not null,
    expected_decision_on date,
    since                date        not null,
    candidates           bigint      not null check (candidates > 0),
    constraint pipeline_group_key unique nulls not distinct
        (region_code, cluster_id, registration_class, phase, expected_decision_on, since)
);

-- Moves one candidate from where it stood to where it stands now (nowhere, once deleted).
create function restand(of_candidate uuid) returns void
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

-- Rebuilds both tables from the record at once, as after a bulk load with the triggers below disabled. It takes the
-- change counter's lock first, as every writer does (V3), and moves the counter on: answers kept before are stale.
create function rebuild_standing() returns void
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
$$;

create function milestone_restand() returns trigger
    language plpgsql as
$$
begin
    if tg_op <> 'INSERT' then
        perform restand(old.candidate_id);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.candidate_id <> old.candidate_id) then
        perform restand(new.candidate_id);
    end if;
    return null;
end
$$;
create trigger milestone_restand after insert or update or delete on milestone
    for each row execute function milestone_restand();

create function candidate_restand() returns trigger
    language plpgsql as
$$
begin
    perform restand(case when tg_op = 'DELETE' then old.id else new.id end);
    return null;
end
$$;
create trigger candidate_restand after insert or update or delete on candidate
    for each row execute function candidate_restand();

create function organization_restand() returns trigger
    language plpgsql as
$$
begin
    if new.region_code is distinct from old.region_code then
        perform restand(c.id) from candidate c where c.sponsor_id = new.id;
    end if;
    return null;
end
$$;
create trigger organization_restand after update of region_code on organization
    for each row execute function organization_restand();

-- Row triggers do not see TRUNCATE: a truncated candidate, milestone or organization table rebuilds both at once.
create function truncated_restand() returns trigger
    language plpgsql as
$$
begin
    perform rebuild_standing();
    return null;
end
$$;
create trigger candidate_truncated_restand after truncate on candidate
    for each statement execute function truncated_restand();
create trigger milestone_truncated_restand after truncate on milestone
    for each statement execute function truncated_restand();
create trigger organization_truncated_restand after truncate on organization
    for each statement execute function truncated_restand();

-- Whether every milestone has been reached and every candidate recorded by a date: the standing tables answer for
-- that date and later.
create index milestone_reached_on_idx on milestone (reached_on);
create index candidate_created_at_idx on candidate (created_at);

select rebuild_standing();
