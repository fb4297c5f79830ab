-- The counting rule selects approvals whose possible days overlap a period (approved_on <= its end and
-- latest_approved_on >= its start, CountingRule.approvalsOverlapping). Approvals reach far back, so the end bound
-- selects nearly all of them; the start bound selects the few of recent years.
create index approval_latest_approved_on_idx on approval (latest_approved_on);
