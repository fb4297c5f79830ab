-- Counts that regions and the nation publish about themselves, kept beside the counts derived from records and
-- never mixed into them: each for a region (a province such as CN-JS, or CN for the nation) or a cluster, over a
-- period of dates, with its source and evidence.
create table published_count (
    id             uuid primary key,
    region_code    varchar(6),
    cluster_id     uuid references cluster (id),
    metric         varchar(32)   not null,
    period_from    date          not null,
    period_to      date          not null,
    value          integer       not null,
    national_share numeric(7, 6),
    source_url     varchar(2000),
    evidence       varchar(16)   not null,
    published_on   date,
    note           text,
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null,
    version        bigint        not null,
    constraint published_count_scope_ck check ((region_code is null) <> (cluster_id is null)),
    constraint published_count_region_code_ck check (region_code ~ '^[A-Z]{2}(-[A-Z0-9]{1,3})?$'),
    constraint published_count_metric_ck check (metric in ('CLASS1_APPROVALS', 'NMPA_INNOVATIVE_DRUGS')),
    constraint published_count_period_ck check (period_from <= period_to
        and period_from >= date '1950-01-01' and period_to <= date '2100-12-31'),
    constraint published_count_value_ck check (value >= 0),
    constraint published_count_share_ck check (national_share is null or national_share between 0 and 1),
    constraint published_count_evidence_ck check (evidence in ('CONFIRMED', 'REPORTED', 'UNCONFIRMED'))
);
-- The same figure for the same scope, metric and period from the same source is one record.
create unique index published_count_natural_uk on published_count
    (coalesce(region_code, ''), coalesce(cluster_id, '00000000-0000-0000-0000-000000000000'), metric, period_from,
     period_to, coalesce(source_url, ''));
create index published_count_region_idx on published_count (region_code, metric, period_from);
create index published_count_cluster_idx on published_count (cluster_id, metric, period_from);

create trigger published_count_changed before insert or update or delete or truncate on published_count
    for each statement execute function record_change();

create table published_count_aud (
    id             uuid   not null,
    rev            bigint not null references revision (id),
    revtype        smallint,
    region_code    varchar(6),
    cluster_id     uuid,
    metric         varchar(32),
    period_from    date,
    period_to      date,
    value          integer,
    national_share numeric(7, 6),
    source_url     varchar(2000),
    evidence       varchar(16),
    published_on   date,
    note           text,
    primary key (rev, id)
);

-- Dates known only roughly. An approval or milestone dated at MONTH or YEAR precision starts on the first day of
-- it; one known only between two dates (RANGE, such as "before 2025-11-27") starts on the earliest and names the
-- latest. The latest possible day is kept for every dated row, so that a count can tell the year a fact certainly
-- falls in from the years it may fall in.
alter table approval
    drop constraint approval_date_precision_ck,
    add constraint approval_date_precision_ck check (date_precision in ('DAY', 'MONTH', 'YEAR', 'RANGE')),
    add column latest_approved_on date;
-- A date known to the month or year was to be sent as the first day of it, but nothing checked that: it is now.
update approval set approved_on = cast(date_trunc('month', approved_on) as date)
where date_precision = 'MONTH' and extract(day from approved_on) <> 1;
update approval set approved_on = cast(date_trunc('year', approved_on) as date)
where date_precision = 'YEAR' and extract(doy from approved_on) <> 1;
update approval set latest_approved_on = case date_precision
    when 'MONTH' then cast(date_trunc('month', approved_on) + interval '1 month' - interval '1 day' as date)
    when 'YEAR' then cast(date_trunc('year', approved_on) + interval '1 year' - interval '1 day' as date)
    else approved_on end;
alter table approval
    alter column latest_approved_on set not null,
    add constraint approval_latest_approved_on_ck check (latest_approved_on >= approved_on),
    -- An approval number is recorded once it is known, never as a placeholder; when known it is unique per authority.
    alter column approval_number drop not null;
alter table approval_aud add column latest_approved_on date;

alter table milestone
    add column date_precision    varchar(8),
    add column latest_reached_on date;
update milestone set date_precision = 'DAY', latest_reached_on = reached_on where reached_on is not null;
alter table milestone
    add constraint milestone_date_precision_ck check (date_precision in ('DAY', 'MONTH', 'YEAR', 'RANGE')),
    add constraint milestone_dated_ck check ((reached_on is null) = (date_precision is null)
        and (reached_on is null) = (latest_reached_on is null) and latest_reached_on >= reached_on);
alter table milestone_aud
    add column date_precision    varchar(8),
    add column latest_reached_on date;
