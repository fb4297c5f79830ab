-- Core record: clusters, organizations, candidates with their phase history, approvals and targets.
-- Every row carries created_at, updated_at and version (optimistic locking).

create table cluster (
    id           uuid primary key,
    code         varchar(64)  not null,
    name         varchar(200) not null,
    name_zh      varchar(200),
    region_code  varchar(6)   not null,
    district     varchar(200),
    focus_areas  text[]       not null default '{}',
    description  text,
    source_url   varchar(2000),
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint       not null,
    constraint cluster_code_uk unique (code),
    constraint cluster_code_ck check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint cluster_region_code_ck check (region_code ~ '^[A-Z]{2}(-[A-Z0-9]{1,3})?$')
);

create table organization (
    id           uuid primary key,
    name         varchar(300) not null,
    name_zh      varchar(300),
    kind         varchar(32)  not null,
    region_code  varchar(6)   not null,
    cluster_id   uuid references cluster (id),
    source_url   varchar(2000),
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint       not null,
    constraint organization_kind_ck check (kind in ('COMPANY', 'UNIVERSITY', 'HOSPITAL', 'RESEARCH_INSTITUTE')),
    constraint organization_region_code_ck check (region_code ~ '^[A-Z]{2}(-[A-Z0-9]{1,3})?$')
);
create index organization_cluster_idx on organization (cluster_id);
create index organization_region_idx on organization (region_code);

create table candidate (
    id                   uuid primary key,
    code                 varchar(64)  not null,
    name                 varchar(200),
    name_zh              varchar(200),
    sponsor_id           uuid         not null references organization (id),
    cluster_id           uuid references cluster (id),
    category             varchar(32)  not null,
    registration_class   varchar(8)   not null,
    modality             varchar(32)  not null,
    therapeutic_area     varchar(200),
    indication           text,
    phase                varchar(32)  not null,
    designations         text[]       not null default '{}',
    expected_decision_on date,
    source_url           varchar(2000),
    note                 text,
    created_at           timestamp(6) with time zone not null,
    updated_at           timestamp(6) with time zone not null,
    version              bigint       not null,
    constraint candidate_sponsor_code_uk unique (sponsor_id, code),
    constraint candidate_category_ck check (category in ('CHEMICAL', 'THERAPEUTIC_BIOLOGIC', 'PREVENTIVE_BIOLOGIC', 'TCM')),
    constraint candidate_registration_class_ck check (registration_class ~ '^[1-5](\.[1-9][0-9]?)?$'),
    constraint candidate_modality_ck check (modality in ('SMALL_MOLECULE', 'ANTIBODY', 'ADC', 'CELL_THERAPY', 'GENE_THERAPY',
                                                         'VACCINE', 'PEPTIDE', 'TCM_FORMULA', 'OTHER')),
    constraint candidate_phase_ck check (phase in ('PRECLINICAL', 'IND_APPROVED', 'PHASE_1', 'PHASE_2', 'PHASE_3',
                                                   'NDA_SUBMITTED', 'APPROVED', 'DISCONTINUED'))
);
create index candidate_cluster_idx on candidate (cluster_id);
create index candidate_phase_idx on candidate (phase);

create table approval (
    id                 uuid primary key,
    candidate_id       uuid         not null references candidate (id),
    authority          varchar(16)  not null,
    approved_on        date         not null,
    approval_number    varchar(64)  not null,
    registration_class varchar(8)   not null,
    category           varchar(32)  not null,
    approval_type      varchar(16)  not null,
    indication         text,
    source_url         varchar(2000),
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    version            bigint       not null,
    constraint approval_authority_number_uk unique (authority, approval_number),
    constraint approval_authority_ck check (authority in ('NMPA', 'FDA', 'EMA', 'PMDA', 'MHRA', 'OTHER')),
    constraint approval_approved_on_ck check (approved_on between date '1950-01-01' and date '2100-12-31'),
    constraint approval_registration_class_ck check (registration_class ~ '^[1-5](\.[1-9][0-9]?)?$'),
    constraint approval_category_ck check (category in ('CHEMICAL', 'THERAPEUTIC_BIOLOGIC', 'PREVENTIVE_BIOLOGIC', 'TCM')),
    constraint approval_type_ck check (approval_type in ('STANDARD', 'CONDITIONAL', 'PRIORITY'))
);
create index approval_candidate_idx on approval (candidate_id);
create index approval_approved_on_idx on approval (approved_on);

-- Phase history. A milestone written by recording an approval points at it and goes with it.
create table milestone (
    id           uuid primary key,
    candidate_id uuid        not null references candidate (id) on delete cascade,
    phase        varchar(32) not null,
    reached_on   date        not null,
    source_url   varchar(2000),
    note         text,
    approval_id  uuid references approval (id) on delete cascade,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint      not null,
    constraint milestone_phase_ck check (phase in ('PRECLINICAL', 'IND_APPROVED', 'PHASE_1', 'PHASE_2', 'PHASE_3',
                                                   'NDA_SUBMITTED', 'APPROVED', 'DISCONTINUED')),
    constraint milestone_reached_on_ck check (reached_on between date '1950-01-01' and date '2100-12-31')
);
create index milestone_candidate_idx on milestone (candidate_id, reached_on);
create index milestone_approval_idx on milestone (approval_id);

create table target (
    id             uuid primary key,
    code           varchar(64)  not null,
    name           varchar(300) not null,
    region_code    varchar(6),
    cluster_id     uuid references cluster (id),
    metric         varchar(32)  not null,
    authority      varchar(16)  not null,
    from_year      integer      not null,
    to_year        integer      not null,
    annual_min     integer      not null,
    annual_max     integer,
    cumulative_min integer,
    source_title   varchar(500),
    source_url     varchar(2000),
    published_on   date,
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null,
    version        bigint       not null,
    constraint target_code_uk unique (code),
    constraint target_scope_ck check (region_code is not null or cluster_id is not null),
    constraint target_region_code_ck check (region_code ~ '^[A-Z]{2}(-[A-Z0-9]{1,3})?$'),
    constraint target_metric_ck check (metric in ('CLASS1_APPROVALS')),
    constraint target_authority_ck check (authority in ('NMPA', 'FDA', 'EMA', 'PMDA', 'MHRA', 'OTHER')),
    constraint target_years_ck check (from_year between 2000 and 2100 and to_year between 2000 and 2100 and from_year <= to_year),
    constraint target_annual_ck check (annual_min >= 0 and (annual_max is null or annual_min <= annual_max)),
    constraint target_cumulative_ck check (cumulative_min is null or cumulative_min >= 0)
);
create index target_cluster_idx on target (cluster_id);
