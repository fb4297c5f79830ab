-- A drug counts once. An approval is the drug's first marketing approval by its authority (NEW_DRUG), or a later
-- one of the same drug: a new indication or another supplement. Only the first counts toward a target, and a
-- candidate holds at most one per authority.
alter table approval add column kind varchar(16);
-- Rows recorded before the rule: a candidate's earliest approval by an authority is its first, any later one a
-- supplement, so that nothing already recorded is counted twice.
update approval a set kind = case when ranked.position = 1 then 'NEW_DRUG' else 'SUPPLEMENT' end
from (select id, row_number() over (partition by candidate_id, authority order by approved_on, id) as position
      from approval) ranked
where ranked.id = a.id;
alter table approval alter column kind set not null, alter column kind set default 'NEW_DRUG',
    add constraint approval_kind_ck check (kind in ('NEW_DRUG', 'NEW_INDICATION', 'SUPPLEMENT'));
create unique index approval_one_new_drug_uk on approval (candidate_id, authority) where kind = 'NEW_DRUG';
alter table approval_aud add column kind varchar(16);
update approval_aud a set kind = approval.kind from approval where approval.id = a.id;

-- Search in Chinese: the indication in Chinese, and other names (brand names, former codes, other spellings).
alter table candidate add column indication_zh text,
    add column aliases text[] not null default '{}';
alter table candidate_aud add column indication_zh text, add column aliases text[];

-- History as it was known must read like the live record: audit rows written before a column existed get the value
-- its migration gave the live rows (V10: evidence CONFIRMED, precision DAY; V11: kind ANNUAL; V15: no acceptance
-- numbers; V16: the latest day from the precision; V17: a candidate's earliest approval is its first).
update approval_aud set evidence = 'CONFIRMED' where evidence is null;
update approval_aud set date_precision = 'DAY' where date_precision is null;
update approval_aud set latest_approved_on = case date_precision
        when 'MONTH' then cast(date_trunc('month', approved_on) + interval '1 month - 1 day' as date)
        when 'YEAR' then cast(date_trunc('year', approved_on) + interval '1 year - 1 day' as date)
        else approved_on end
    where latest_approved_on is null and approved_on is not null;
update approval_aud a set kind = case when not exists(
        select 1 from approval_aud b where b.candidate_id = a.candidate_id and b.authority = a.authority
          and (b.approved_on, b.id) < (a.approved_on, a.id)) then 'NEW_DRUG' else 'SUPPLEMENT' end
    where kind is null;
update milestone_aud set evidence = 'CONFIRMED' where evidence is null;
update milestone_aud set date_precision = 'DAY', latest_reached_on = reached_on
    where date_precision is null and reached_on is not null;
update target_aud set kind = 'ANNUAL' where kind is null;
update candidate_aud set acceptance_numbers = '{}' where acceptance_numbers is null;
update candidate_aud set aliases = '{}' where aliases is null;

-- A row's revisions by id, for its history, the change feed and the record as it was known.
create index approval_aud_id_idx on approval_aud (id, rev);
create index candidate_aud_id_idx on candidate_aud (id, rev);
create index milestone_aud_id_idx on milestone_aud (id, rev);
create index organization_aud_id_idx on organization_aud (id, rev);
create index target_aud_id_idx on target_aud (id, rev);
create index cluster_aud_id_idx on cluster_aud (id, rev);
create index collaboration_aud_id_idx on collaboration_aud (id, rev);
create index published_count_aud_id_idx on published_count_aud (id, rev);
create index source_document_aud_id_idx on source_document_aud (id, rev);
