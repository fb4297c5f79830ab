-- Keyset paging by the sort keys dashboards use most stays index-driven at any depth.
create index candidate_code_idx on candidate (code, id);
create index approval_approved_on_id_idx on approval (approved_on, id);
