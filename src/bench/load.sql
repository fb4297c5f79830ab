-- Benchmark volume, loaded straight into the schema the service migrated: clusters, organizations, candidates with
-- their phase history, approvals and targets. psql variable :candidates sets the volume (100000 by
-- default); the other counts follow the issue's proportions. Ids are derived from the row number, so every run loads
-- the same data.
\set ON_ERROR_STOP on
\if :{?candidates}
\else
\set candidates 100000
\endif

begin;

-- The standing pipeline (V20__standing_pipeline.sql) is rebuilt once at the end rather than row by row.
alter table candidate disable trigger candidate_restand;
alter table milestone disable trigger milestone_restand;

insert into cluster (id, code, name, name_zh, region_code, district, focus_areas, created_at, updated_at, version)
select md5('cluster' || i)::uuid, 'bench-cluster-' || i, 'Bench cluster ' || i, '基准园区' || i,
       case when i <= 30 then 'CN-CQ' else (array ['CN-BJ', 'CN-SH', 'CN-JS', 'CN-GD'])[1 + i % 4] end,
       'District ' || i, array ['biologics', '生物药'], now(), now(), 0
from generate_series(1, 50) i;

insert into organization (id, name, name_zh, kind, region_code, cluster_id, created_at, updated_at, version)
select md5('org' || i)::uuid, 'Bench organization ' || i, '基准公司' || i,
       (array ['COMPANY', 'COMPANY', 'COMPANY', 'UNIVERSITY', 'HOSPITAL', 'RESEARCH_INSTITUTE'])[1 + i % 6],
       case when i % 50 < 30 then 'CN-CQ' else (array ['CN-BJ', 'CN-SH', 'CN-JS', 'CN-GD'])[1 + i % 4] end,
       case when i % 5 = 0 then null else md5('cluster' || (1 + i % 50))::uuid end, now(), now(), 0
from generate_series(1, 2000) i;

-- Candidates 1..:candidates/10 are approved (one approval each below); the rest spread over the other phases.
insert into candidate (id, code, name, name_zh, sponsor_id, cluster_id, category, registration_class, modality,
                       therapeutic_area, indication, phase, designations, expected_decision_on, created_at, updated_at,
                       version)
select md5('candidate' || i)::uuid, 'BENCH-' || i, 'benchimab ' || i, '基准单抗' || i,
       md5('org' || (1 + i % 2000))::uuid,
       case when (1 + i % 2000) % 5 = 0 then null else md5('cluster' || (1 + (1 + i % 2000) % 50))::uuid end,
       (array ['CHEMICAL', 'THERAPEUTIC_BIOLOGIC', 'PREVENTIVE_BIOLOGIC', 'TCM'])[1 + i % 4],
       (array ['1', '1', '2.1', '2.2', '3', '4', '5.1'])[1 + i % 7],
       (array ['SMALL_MOLECULE', 'ANTIBODY', 'ADC', 'CELL_THERAPY', 'GENE_THERAPY', 'VACCINE', 'PEPTIDE', 'TCM_FORMULA',
               'OTHER'])[1 + i % 9],
       'Oncology', 'Indication ' || i,
       case when i <= :candidates / 10 then 'APPROVED'
            else (array ['PRECLINICAL', 'IND_APPROVED', 'PHASE_1', 'PHASE_2', 'PHASE_3', 'NDA_SUBMITTED',
                         'DISCONTINUED'])[1 + i % 7] end,
       '{}', case when i % 7 = 5 then date '2027-01-01' + (i % 700) end,
       now() - make_interval(days => i % 3000), now(), 0
from generate_series(1, :candidates) i;

-- Phase history: every phase up to the candidate's current one, a year apart, ending at most a year ago.
insert into milestone (id, candidate_id, phase, reached_on, date_precision, latest_reached_on, evidence, created_at,
                       updated_at, version)
select md5('milestone' || c.i || '-' || p.n)::uuid, md5('candidate' || c.i)::uuid, p.phase,
       date '2026-06-01' - (c.i % 900) - (c.last - p.n) * 365, 'DAY',
       date '2026-06-01' - (c.i % 900) - (c.last - p.n) * 365, 'CONFIRMED', now(), now(), 0
from (select i, case when i <= :candidates / 10 then 6
                     else (array [1, 2, 3, 4, 5, 6, 4])[1 + i % 7] end as last
      from generate_series(1, :candidates) i) c
         cross join lateral (select n, (array ['PRECLINICAL', 'IND_APPROVED', 'PHASE_1', 'PHASE_2', 'PHASE_3',
                                               'NDA_SUBMITTED'])[n] as phase
                             from generate_series(1, c.last) n) p;

insert into approval (id, candidate_id, authority, approved_on, latest_approved_on, approval_number, registration_class,
                      category, approval_type, indication, source_url, evidence, date_precision, created_at, updated_at,
                      version)
select md5('approval' || c.i)::uuid, c.id, 'NMPA', date '2012-01-01' + (c.i * 37 % 5440),
       date '2012-01-01' + (c.i * 37 % 5440), 'BENCH-' || c.i,
       c.registration_class, c.category, 'STANDARD', c.indication, 'https://example.org/bench/' || c.i, 'CONFIRMED',
       'DAY', now(), now(), 0
from (select i, md5('candidate' || i)::uuid as id, (array ['1', '1', '2.1', '2.2', '3', '4', '5.1'])[1 + i % 7]
             as registration_class, (array ['CHEMICAL', 'THERAPEUTIC_BIOLOGIC', 'PREVENTIVE_BIOLOGIC', 'TCM'])[1 + i % 4]
             as category, 'Indication ' || i as indication
      from generate_series(1, :candidates / 10) i) c;

insert into milestone (id, candidate_id, phase, reached_on, date_precision, latest_reached_on, approval_id, evidence,
                       created_at, updated_at, version)
select md5('approved' || a.id)::uuid, a.candidate_id, 'APPROVED', a.approved_on, 'DAY', a.approved_on, a.id,
       'CONFIRMED', now(), now(), 0
from approval a
where a.approval_number like 'BENCH-%';

insert into target (id, code, name, region_code, cluster_id, metric, authority, from_year, to_year, annual_min,
                    annual_max, kind, created_at, updated_at, version)
select md5('target' || i)::uuid, 'bench-target-' || i, 'Bench target ' || i,
       case when i = 1 then 'CN-CQ' end, case when i > 1 then md5('cluster' || i)::uuid end,
       'CLASS1_APPROVALS', 'NMPA', 2025, 2027, 1, 3, 'ANNUAL', now(), now(), 0
from generate_series(1, 10) i;

select rebuild_standing();
alter table candidate enable trigger candidate_restand;
alter table milestone enable trigger milestone_restand;

commit;

vacuum analyze;
