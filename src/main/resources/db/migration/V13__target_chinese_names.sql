-- Targets get a Chinese name beside the English one, as clusters, organizations and candidates have, so that a
-- Chinese page or report can name a target in the language of the plan that set it.
alter table target add column name_zh varchar(300);
alter table target_aud add column name_zh varchar(300);
