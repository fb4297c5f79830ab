-- Events, and their delivery to webhooks. The event table is a transactional outbox: a record's event is written by
-- a trigger on its audit twin, so in the transaction that changes the record, and only if that transaction commits.
-- Targets' status and outlook events are derived after commits by one instance at a time (event_worker's row lock).

-- The columns a revision of an audited row changed against the row's previous revision (for a creation, those it
-- set), by column name: the one statement of "changed fields", used by the change feed and the events.
create function changed_columns(cur jsonb, prev jsonb) returns text[]
    language sql immutable as
$$
select coalesce(array_agg(e.key order by e.key), '{}')
from jsonb_each(cur) e
where e.key not in ('rev', 'revtype', 'id')
  and e.value is distinct from coalesce(prev -> e.key, 'null'::jsonb)
$$;

create table event (
    seq            bigint generated always as identity primary key,
    id             uuid         not null default gen_random_uuid(),
    type           varchar(64)  not null,
    -- the path of the record (or the indicators) the event is about
    subject        varchar(300) not null,
    occurred_at    timestamp(6) with time zone not null,
    revision       bigint references revision (id),
    record_id      uuid         not null,
    changed        text[]       not null default '{}',
    -- what filters match: the record's region (its sponsor's), cluster, candidate, or the target itself
    region_code    varchar(6),
    cluster_id     uuid,
    candidate_id   uuid,
    target_id      uuid,
    -- what the type adds to id, path and changed fields: the phases of phase_changed, a target's year and states
    detail         jsonb        not null default '{}',
    -- a ping is an event for one webhook only, never listed
    webhook_id     uuid,
    fanned_out     boolean      not null default false,
    constraint event_id_uk unique (id)
);
create index event_unrelayed_idx on event (seq) where not fanned_out;
create index event_listed_idx on event (seq desc) where webhook_id is null;

create function record_event() returns trigger
    language plpgsql as
$$
declare
    resource  text  := tg_argv[0];
    singular  text  := tg_argv[1];
    cur       jsonb := to_jsonb(new);
    prev      jsonb;
    changed   text[];
    kind      text;
    detail    jsonb := '{}';
    candidate uuid;
    cluster   uuid;
    region    varchar(6);
    author    text;
    at        timestamp(6) with time zone;
begin
    select r.author, r.changed_at into author, at from revision r where r.id = new.rev;
    -- the record as it stood before history began, or the demo's rows: no news
    if author in ('history-baseline', 'demo-seed') then
        return null;
    end if;
    execute format('select to_jsonb(p) from %I p where p.id = $1 and p.rev < $2 order by p.rev desc limit 1',
                   tg_table_name) into prev using new.id, new.rev;
    changed := case when new.revtype = 2 then '{}' else changed_columns(cur, prev) end;
    kind := case new.revtype when 0 then 'created' when 2 then 'deleted' else 'updated' end;
    if singular = 'candidate' and kind = 'updated' and 'phase' = any (changed) then
        kind := 'phase_changed';
        detail := jsonb_build_object('previousPhase', prev ->> 'phase', 'phase', cur ->> 'phase');
    elsif singular = 'source' then
        if cur ->> 'status' is distinct from 'APPLIED' or prev ->> 'status' = 'APPLIED' then
            return null;
        end if;
        kind := 'applied';
    elsif singular = 'published_count' then
        region := cur ->> 'region_code';
        cluster := (cur ->> 'cluster_id')::uuid;
    end if;
    if singular = 'approval' then
        candidate := (cur ->> 'candidate_id')::uuid;
    elsif singular = 'candidate' then
        candidate := new.id;
    end if;
    if candidate is not null then
        select c.cluster_id, o.region_code into cluster, region
        from candidate c join organization o on o.id = c.sponsor_id where c.id = candidate;
        if not found then -- deleted in this transaction or before: as it last stood
            select c.cluster_id, (select o.region_code from organization_aud o where o.id = c.sponsor_id
                                  order by o.rev desc limit 1)
            into cluster, region
            from candidate_aud c where c.id = candidate and c.revtype <> 2 order by c.rev desc limit 1;
        end if;
    end if;
    insert into event (type, subject, occurred_at, revision, record_id, changed, region_code, cluster_id,
                       candidate_id, detail)
    values (singular || '.' || kind, '/api/v1/' || resource || '/' || new.id, at, new.rev, new.id, changed, region,
            cluster, candidate, detail);
    return null;
end
$$;

create trigger approval_aud_event after insert on approval_aud
    for each row execute function record_event('approvals', 'approval');
create trigger candidate_aud_event after insert on candidate_aud
    for each row execute function record_event('candidates', 'candidate');
create trigger published_count_aud_event after insert on published_count_aud
    for each row execute function record_event('published-counts', 'published_count');
create trigger source_document_aud_event after insert on source_document_aud
    for each row execute function record_event('sources', 'source');

-- Each target's last judged status and outlook per year (period '2026') and over its whole period ('total').
create table target_state (
    target_id          uuid        not null references target (id) on delete cascade,
    period             varchar(8)  not null,
    status             varchar(16) not null,
    outlook            varchar(16),
    judged_at          timestamp(6) with time zone not null,
    primary key (target_id, period)
);

-- One row per background job that exactly one instance runs at a time: whoever locks the row (skip locked) runs it.
create table event_worker (
    name        varchar(32) primary key,
    last_change bigint,
    last_day    date
);
insert into event_worker (name) values ('targets');

create table webhook (
    id                   uuid primary key,
    -- the name of the API key that made it; it delivers while that key is valid
    owner                varchar(255)  not null,
    url                  varchar(2000) not null,
    description          varchar(500),
    event_types          text[]        not null,
    region_code          varchar(6),
    target_id            uuid,
    cluster_id           uuid,
    candidate_id         uuid,
    secret               varchar(100)  not null,
    previous_secret      varchar(100),
    previous_secret_until timestamp(6) with time zone,
    status               varchar(16)   not null,
    disabled_reason      text,
    created_at           timestamp(6) with time zone not null,
    updated_at           timestamp(6) with time zone not null,
    version              bigint        not null,
    constraint webhook_status_ck check (status in ('ACTIVE', 'PAUSED', 'DISABLED'))
);
create index webhook_owner_idx on webhook (owner, id);

create table delivery (
    id              uuid primary key,
    webhook_id      uuid        not null references webhook (id) on delete cascade,
    event_id        uuid        not null references event (id),
    -- PENDING until an attempt succeeds (DELIVERED) or the retry window is spent or the endpoint is gone (FAILED)
    state           varchar(16) not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamp(6) with time zone not null,
    claimed_by      varchar(100),
    claimed_until   timestamp(6) with time zone,
    created_at      timestamp(6) with time zone not null,
    replay_of       uuid references delivery (id) on delete set null,
    constraint delivery_state_ck check (state in ('PENDING', 'DELIVERED', 'FAILED'))
);
create index delivery_due_idx on delivery (next_attempt_at) where state = 'PENDING';
create index delivery_webhook_idx on delivery (webhook_id, created_at desc, id desc);

create table delivery_attempt (
    delivery_id   uuid         not null references delivery (id) on delete cascade,
    number        integer      not null,
    instance      varchar(100) not null,
    started_at    timestamp(6) with time zone not null,
    -- null while in flight, or when the instance stopped before an answer
    status        integer,
    latency_ms    integer,
    error         varchar(500),
    answer_head   varchar(500),
    primary key (delivery_id, number)
);

create table watchlist (
    id           uuid primary key,
    owner        varchar(255) not null,
    name         varchar(200) not null,
    event_types  text[]       not null default '{}',
    region_code  varchar(6),
    target_id    uuid,
    cluster_id   uuid,
    candidate_id uuid,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint       not null
);
create index watchlist_owner_idx on watchlist (owner, id);
