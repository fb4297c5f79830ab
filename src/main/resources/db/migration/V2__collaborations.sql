-- Joint R&D, tech transfers and licensing deals between organizations, the plan's measure of cluster activity.

create table collaboration (
    id           uuid primary key,
    type         varchar(16)  not null,
    title        varchar(300),
    candidate_id uuid references candidate (id),
    cluster_id   uuid references cluster (id),
    signed_on    date         not null,
    value_cny    numeric(18, 2),
    source_url   varchar(2000),
    note         text,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint       not null,
    constraint collaboration_type_ck check (type in ('JOINT_RD', 'TECH_TRANSFER', 'LICENSING')),
    constraint collaboration_signed_on_ck check (signed_on between date '1950-01-01' and date '2100-12-31'),
    constraint collaboration_value_ck check (value_cny is null or value_cny >= 0)
);
create index collaboration_cluster_idx on collaboration (cluster_id, signed_on);
create index collaboration_candidate_idx on collaboration (candidate_id);

-- The organizations in a collaboration, in the order given (for transfers and licences: source first).
create table collaboration_party (
    collaboration_id uuid    not null references collaboration (id) on delete cascade,
    position         integer not null,
    organization_id  uuid    not null references organization (id),
    primary key (collaboration_id, position),
    constraint collaboration_party_uk unique (collaboration_id, organization_id)
);
create index collaboration_party_organization_idx on collaboration_party (organization_id);
