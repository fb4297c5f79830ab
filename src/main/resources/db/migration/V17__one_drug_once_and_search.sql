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
