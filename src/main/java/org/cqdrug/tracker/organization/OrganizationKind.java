package org.cqdrug.tracker.organization;

public enum OrganizationKind {
    COMPANY, UNIVERSITY, HOSPITAL, RESEARCH_INSTITUTE
}
