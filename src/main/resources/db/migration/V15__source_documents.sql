-- Saved official lists (NMPA notices, CDE lists, the marketed-drug catalogue) as records: each file as uploaded,
-- with its provenance, and the changeset its rows propose against the record, reviewed before it is applied.
create table source_document (
    id               uuid primary key,
    kind             varchar(32)   not null,
    media_type       varchar(100)  not null,
    sha256           varchar(64)      not null,
    size_bytes       bigint        not null,
    url              varchar(2000) not null,
    retrieved_at     timestamp(6) with time zone not null,
    uploaded_by      varchar(255)  not null,
    rows_read        integer       not null,
    status           varchar(16)   not null,
    changeset_digest varchar(64)      not null,
    proposed_at      timestamp(6) with time zone not null,
    applied_at       timestamp(6) with time zone,
    applied_by       varchar(255),
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    version          bigint        not null,
    constraint source_document_sha256_uk unique (sha256),
    constraint source_document_kind_ck check (kind in ('NMPA_APPROVAL_NOTICE', 'CDE_ACCEPTANCES', 'CDE_PRIORITY_REVIEW',
                                                       'CDE_BREAKTHROUGH', 'CDE_MARKETED_CATALOGUE')),
    constraint source_document_status_ck check (status in ('PROPOSED', 'APPLIED')),
    constraint source_document_size_ck check (size_bytes > 0)
);
create index source_document_kind_retrieved_idx on source_document (kind, retrieved_at desc, id);

-- The bytes, apart so that lists and lookups of documents never read them. Written once, never changed.
create table source_document_content (
    document_id uuid primary key references source_document (id) on delete cascade,
    content     bytea not null
);

-- One proposed change per data row of a document: what the row means for the record, before and after.
create table source_change (
    id                uuid primary key,
    document_id       uuid        not null references source_document (id) on delete cascade,
    line              integer     not null,
    action            varchar(24) not null,
    acceptance_number varchar(16),
    approval_number   varchar(64),
    drug_name         text,
    company           text,
    candidate_id      uuid,
    approval_id       uuid,
    reason            text,
    before_values     jsonb,
    after_values      jsonb,
    constraint source_change_line_uk unique (document_id, line),
    constraint source_change_action_ck check (action in ('CREATE_CANDIDATE', 'ADD_ACCEPTANCE_NUMBER', 'ADD_MILESTONE',
                                                         'CREATE_APPROVAL', 'SET_DESIGNATION', 'RAISE_EVIDENCE',
                                                         'UNCHANGED', 'NEEDS_REVIEW', 'NOT_INNOVATIVE'))
);
create index source_change_action_idx on source_change (document_id, action, line);

-- Acceptance numbers (受理号) of a candidate's applications, stored in their canonical form (the accepting office's
-- suffix, as in CXSS2500123国, is left out). Each belongs to one candidate: the side table, kept in step by trigger,
-- holds the uniqueness and answers lookups by number.
alter table candidate
    add column acceptance_numbers text[] not null default '{}',
    add constraint candidate_acceptance_numbers_ck
        check (array_to_string(acceptance_numbers, ',') ~ '^([CJ][XYBZ][HZSF][LSBZFR][0-9]{7}(,|$))*$');
alter table candidate_aud add column acceptance_numbers text[];

create table acceptance_number (
    number       varchar(11) primary key,
    candidate_id uuid        not null references candidate (id) on delete cascade
);
create index acceptance_number_candidate_idx on acceptance_number (candidate_id);

create function candidate_acceptance_numbers() returns trigger
    language plpgsql as
$$
begin
    delete from acceptance_number where candidate_id = new.id;
    insert into acceptance_number (number, candidate_id) select distinct n, new.id from unnest(new.acceptance_numbers) n;
    return null;
end
$$;
create trigger candidate_acceptance_numbers after insert or update of acceptance_numbers on candidate
    for each row execute function candidate_acceptance_numbers();

-- Facts written from a source document cite it.
alter table approval add column source_document_id uuid references source_document (id);
alter table approval_aud add column source_document_id uuid;
alter table milestone add column source_document_id uuid references source_document (id);
alter table milestone_aud add column source_document_id uuid;
create index approval_number_id_idx on approval (approval_number, id);

-- Documents are tracked like the rest of the record: change-counted and audited (their bytes are not).
create trigger source_document_changed before insert or update or delete or truncate on source_document
    for each statement execute function record_change();

create table source_document_aud (
    id               uuid   not null,
    rev              bigint not null references revision (id),
    revtype          smallint,
    kind             varchar(32),
    media_type       varchar(100),
    sha256           varchar(64),
    size_bytes       bigint,
    url              varchar(2000),
    retrieved_at     timestamp(6) with time zone,
    uploaded_by      varchar(255),
    rows_read        integer,
    status           varchar(16),
    changeset_digest varchar(64),
    proposed_at      timestamp(6) with time zone,
    applied_at       timestamp(6) with time zone,
    applied_by       varchar(255),
    primary key (rev, id)
);
