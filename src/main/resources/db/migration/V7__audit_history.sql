-- Audit history (Hibernate Envers). Every committed change of the tracked data is a revision: when, and with whose
-- API key. Each audited table has a <table>_aud twin holding the row as it stood after each revision (revtype 0 added,
-- 1 changed, 2 deleted, with the last state kept). Revision numbers come from revision_seq one at a time, drawn
-- while the writing transaction holds the change counter's lock (V3), so they follow commit order.

create sequence revision_seq;

create table revision (
    id         bigint primary key,
    changed_at timestamp(6) with time zone not null,
    author     varchar(255)                not null
);

-- The audit twins have the audited table's columns, less the ones the revision says (timestamps) or Envers leaves
-- out (version), all nullable, plus the revision and its type.
do
$$
    declare
        audited text;
        required record;
    begin
        foreach audited in array array ['cluster', 'organization', 'candidate', 'milestone', 'approval', 'target',
            'collaboration']
            loop
                execute format('create table %I (like %I)', audited || '_aud', audited);
                execute format('alter table %I drop column created_at, drop column updated_at, drop column version',
                               audited || '_aud');
                for required in
                    select column_name from information_schema.columns
                    where table_schema = current_schema() and table_name = audited || '_aud' and is_nullable = 'NO'
                    loop
                        execute format('alter table %I alter column %I drop not null', audited || '_aud',
                                       required.column_name);
                    end loop;
                execute format('alter table %I add column rev bigint not null references revision (id),'
                                   || ' add column revtype smallint, add primary key (rev, id)', audited || '_aud');
            end loop;
    end
$$;

create table collaboration_party_aud (
    rev              bigint  not null references revision (id),
    revtype          smallint,
    collaboration_id uuid    not null,
    position         integer not null,
    organization_id  uuid    not null,
    primary key (rev, collaboration_id, organization_id, position)
);

-- Rows that exist before history starts get one baseline revision, so that every row has a history and the change
-- feed starts from a complete picture.
do
$$
    declare
        audited text;
        columns text;
        baseline bigint;
    begin
        if not exists(select 1 from cluster union all select 1 from organization union all select 1 from target) then
            return;
        end if;
        baseline := nextval('revision_seq');
        insert into revision (id, changed_at, author) values (baseline, now(), 'history-baseline');
        foreach audited in array array ['cluster', 'organization', 'candidate', 'milestone', 'approval', 'target',
            'collaboration', 'collaboration_party']
            loop
                select string_agg(quote_ident(column_name), ', ') into columns from information_schema.columns
                where table_schema = current_schema() and table_name = audited || '_aud'
                  and column_name not in ('rev', 'revtype');
                execute format('insert into %I (%s, rev, revtype) select %s, %s, 0 from %I', audited || '_aud',
                               columns, columns, baseline, audited);
            end loop;
    end
$$;
