-- An input's version moves once per transaction, however many of its rows the transaction writes: its readers see
-- all of a transaction's writes or none. V22's bump_input moved it once per row, so a statement writing n candidates
-- of one cell rewrote that cell's version n times in one transaction, each rewrite slower than the last (the row's
-- earlier versions cannot be pruned before the commit): 10,000, 20,000 and 40,000 upserts of one row in one
-- transaction took 1.3, 6.3 and 19 s, and TwoInstancesIT's insert of 300,000 candidates ran for over 16 minutes.
-- The transaction-local setting remembers which versions this transaction moved; a rolled-back savepoint forgets
-- its settings with its writes.
create or replace function bump_input(of_input varchar, of_region varchar, of_cluster uuid) returns void
    language plpgsql as
$$
declare
    moved constant text := 'tracker.moved_' || md5(of_input || '/' || coalesce(of_region, '') || '/'
                                                    || coalesce(cast(of_cluster as text), ''));
    this_transaction constant text := cast(txid_current() as text);
begin
    if current_setting(moved, true) = this_transaction then
        return;
    end if;
    insert into input_version values (of_input, of_region, of_cluster, 1)
        on conflict on constraint input_version_key do update set version = input_version.version + 1;
    perform set_config(moved, this_transaction, true);
end
$$;
