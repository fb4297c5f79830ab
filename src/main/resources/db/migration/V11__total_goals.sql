-- Targets of two kinds. ANNUAL: a band of approvals each year (and optionally a minimum over the period), as before.
-- TOTAL: a stock goal, "the total of counted approvals since count_from (or ever) reaches total_goal by the end of
-- to_year", such as Chongqing's "力争创新药总数达到10个" by 2027, which counts drugs approved before the plan too.
alter table target
    add column kind       varchar(8) not null default 'ANNUAL',
    add column total_goal integer,
    add column count_from date,
    alter column annual_min drop not null,
    drop constraint target_annual_ck,
    add constraint target_annual_ck
        check (annual_min is null or (annual_min >= 0 and (annual_max is null or annual_min <= annual_max))),
    add constraint target_kind_ck check (
        (kind = 'ANNUAL' and annual_min is not null and total_goal is null and count_from is null)
        or (kind = 'TOTAL' and total_goal >= 0 and annual_min is null and annual_max is null
            and cumulative_min is null));

alter table target_aud
    add column kind       varchar(8),
    add column total_goal integer,
    add column count_from date;
