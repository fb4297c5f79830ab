package org.cqdrug.tracker.organization.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.common.References;
import org.cqdrug.tracker.common.Versions;
import org.cqdrug.tracker.common.paging.Keyset;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.organization.Organization;
import org.cqdrug.tracker.organization.mapping.OrganizationInput;
import org.cqdrug.tracker.organization.mapping.OrganizationMapper;
import org.cqdrug.tracker.organization.mapping.OrganizationView;

@ApplicationScoped
@Transactional
public class OrganizationService {

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrganizationView> list(PageParams page) {
        return Keyset.page(page, (where, sort, params) -> Organization.find(where, sort, params),
                OrganizationMapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrganizationView> find(UUID id) {
        return Organization.<Organization>findByIdOptional(id).map(OrganizationMapper::toView);
    }

    public OrganizationView create(OrganizationInput input) {
        Organization organization = new Organization();
        OrganizationMapper.apply(input, cluster(input), organization);
        organization.persistAndFlush();
        return OrganizationMapper.toView(organization);
    }

    public Optional<OrganizationView> replace(UUID id, OrganizationInput input) {
        return Organization.<Organization>findByIdOptional(id).map(organization -> {
            Versions.requireCurrent(organization, input.version(), "Organization");
            OrganizationMapper.apply(input, cluster(input), organization);
            Organization.flush();
            return OrganizationMapper.toView(organization);
        });
    }

    /** Refused with 409 by the database while candidates or collaborations still point at the organization. */
    public boolean delete(UUID id) {
        boolean deleted = Organization.delete("id", id) > 0;
        Organization.flush();
        return deleted;
    }

    private static Cluster cluster(OrganizationInput input) {
        return References.optional(Cluster.class, input.clusterId(), "clusterId", "cluster");
    }
}
