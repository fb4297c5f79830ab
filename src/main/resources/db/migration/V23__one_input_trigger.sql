-- V22's two statement-trigger functions made one: the input whose version a write moves on is the trigger's argument.
create function input_changed() returns trigger
    language plpgsql as
$$
begin
    perform bump_input(TG_ARGV[0], null, null);
    return null;
end
$$;

drop trigger approval_input_changed on approval;
create trigger approval_input_changed after insert or update or delete or truncate on approval
    for each statement execute function input_changed('approvals');
drop trigger candidate_input_changed on candidate;
create trigger candidate_input_changed after update on candidate
    for each row when (old.name is distinct from new.name or old.code is distinct from new.code
                       or old.sponsor_id is distinct from new.sponsor_id or old.cluster_id is distinct from new.cluster_id)
    execute function input_changed('approvals');
drop trigger organization_input_changed on organization;
create trigger organization_input_changed after update on organization
    for each row when (old.region_code is distinct from new.region_code)
    execute function input_changed('approvals');
drop trigger published_count_input_changed on published_count;
create trigger published_count_input_changed after insert or update or delete or truncate on published_count
    for each statement execute function input_changed('published');

drop function approvals_changed();
drop function published_changed();
