-- How sure a fact is. CONFIRMED: an official source (the regulator's announcement or database, a government notice);
-- REPORTED: a company or press report; UNCONFIRMED: neither yet. Facts recorded before evidence levels count as
-- confirmed, as they were counted. An approval whose date is not known to the day says how precisely it is known. An
-- approval keeps a source per level: source_url for the official one, report_source_url for the report.

alter table approval
    add column evidence       varchar(16) not null default 'CONFIRMED',
    add column date_precision varchar(8)  not null default 'DAY',
    add column note           text,
    add column report_source_url varchar(2000),
    add constraint approval_evidence_ck check (evidence in ('CONFIRMED', 'REPORTED', 'UNCONFIRMED')),
    add constraint approval_date_precision_ck check (date_precision in ('DAY', 'MONTH', 'YEAR'));

alter table milestone
    add column evidence varchar(16) not null default 'CONFIRMED',
    add constraint milestone_evidence_ck check (evidence in ('CONFIRMED', 'REPORTED', 'UNCONFIRMED'));

alter table approval_aud
    add column evidence          varchar(16),
    add column date_precision    varchar(8),
    add column note              text,
    add column report_source_url varchar(2000);

alter table milestone_aud
    add column evidence varchar(16);
