package org.cqdrug.tracker.approval.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What makes an approval's source official, so that it may be CONFIRMED. */
@ConfigMapping(prefix = "tracker.evidence")
public interface EvidenceConfig {

    /**
     * Hosts of official sources: a regulator, its review centre or a government. An address counts when its host is
     * one of them or ends in "." and one of them (www.nmpa.gov.cn under gov.cn).
     */
    @WithDefault("gov.cn,cde.org.cn,fda.gov,europa.eu,pmda.go.jp,gov.uk")
    List<String> officialHosts();
}
