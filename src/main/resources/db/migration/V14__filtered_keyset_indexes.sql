-- A list filtered by a reference or a code reads its keyset batches in id order (the default sort): an index on
-- (filter column, id) answers each batch by a range scan whatever the planner's statistics say. With the single
-- column indexes alone, a table filled faster than autovacuum analyzes it (an import, a bulk load) made the planner
-- expect a few matching rows and sort every match for each batch of an export, so that a 300,000-row export of one
-- cluster took over 30 s instead of a few. The composite indexes serve the lookups by the column alone as well.
create index candidate_cluster_id_idx on candidate (cluster_id, id);
drop index candidate_cluster_idx;
create index candidate_sponsor_id_idx on candidate (sponsor_id, id);
create index candidate_phase_id_idx on candidate (phase, id);
drop index candidate_phase_idx;
create index organization_cluster_id_idx on organization (cluster_id, id);
drop index organization_cluster_idx;
create index organization_region_id_idx on organization (region_code, id);
drop index organization_region_idx;
create index approval_candidate_id_idx on approval (candidate_id, id);
drop index approval_candidate_idx;
create index target_cluster_id_idx on target (cluster_id, id);
drop index target_cluster_idx;
