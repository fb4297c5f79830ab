package org.cqdrug.tracker.source.service;

import static org.cqdrug.tracker.source.service.Proposed.values;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.cqdrug.tracker.candidate.Designation;
import org.cqdrug.tracker.common.vocabulary.AcceptanceNumbers;
import org.cqdrug.tracker.common.vocabulary.ApprovalNumbers;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.source.ChangeAction;
import org.cqdrug.tracker.source.Field;
import org.cqdrug.tracker.source.SourceKind;
import org.cqdrug.tracker.source.read.ListDates;
import org.cqdrug.tracker.source.read.SavedTable.Row;
import org.cqdrug.tracker.source.service.RecordIndex.Approval;
import org.cqdrug.tracker.source.service.RecordIndex.Cand;
import org.cqdrug.tracker.source.service.RecordIndex.Milestone;
import org.cqdrug.tracker.source.service.RecordIndex.Org;

/**
 * What each row of a list means for the record (src/docs/sources.md): rows are matched to a candidate by acceptance
 * number, then by approval number, then by drug name and sponsor, and each yields one proposed change. An official
 * list makes what it says CONFIRMED. Rows are taken in order, each seeing what the earlier ones propose.
 */
final class Proposer {

    /** The earliest year a record's date may have (SaneDate). */
    private static final int EARLIEST_YEAR = 1950;

    private final SourceKind kind;
    private final RecordIndex index;
    private final LocalDate today;
    /** The line that first gave each acceptance or approval number, to tell a repeated row. */
    private final Map<String, Integer> firstLine = new HashMap<>();

    Proposer(SourceKind kind, RecordIndex index, LocalDate today) {
        this.kind = kind;
        this.index = index;
        this.today = today;
    }

    Proposed propose(Row<Field> row) {
        Builder change = new Builder(row);
        List<String> empty = kind.columns.stream().filter(column -> column.required() && row.get(column.field()) == null)
                .map(column -> column.labels().get(0)).toList();
        if (!empty.isEmpty()) {
            change.action(ChangeAction.NEEDS_REVIEW, "empty " + String.join(", ", empty));
            return change.build();
        }
        try {
            switch (kind) {
                case CDE_ACCEPTANCES -> acceptance(change);
                case NMPA_APPROVAL_NOTICE -> notice(change);
                case CDE_PRIORITY_REVIEW -> designation(change, Designation.PRIORITY_REVIEW);
                case CDE_BREAKTHROUGH -> designation(change, Designation.BREAKTHROUGH_THERAPY);
                case CDE_MARKETED_CATALOGUE -> catalogue(change);
            }
        } catch (Review review) {
            change.action(ChangeAction.NEEDS_REVIEW, review.getMessage());
        }
        return change.build();
    }

    /** 受理品种信息: a new Class 1 drug's application. A marketing one is the NDA_SUBMITTED milestone, dated by 承办日期. */
    private void acceptance(Builder change) {
        String number = acceptanceNumber(change);
        if (number == null) {
            return;
        }
        if (!AcceptanceNumbers.clinicalTrial(number) && !AcceptanceNumbers.marketing(number)) {
            change.action(ChangeAction.NOT_INNOVATIVE, "neither a clinical-trial nor a marketing application");
            return;
        }
        ListedClass listed = ListedClass.of(change.get(Field.REGISTRATION_CLASS), change.get(Field.DRUG_TYPE), number)
                .orElseThrow(() -> new Review("注册分类 '" + change.get(Field.REGISTRATION_CLASS)
                        + "' gives no registration class and category (a biologic needs 治疗用 or 预防用)"));
        if (!listed.class1()) {
            change.action(ChangeAction.NOT_INNOVATIVE, "registration class " + listed.registrationClass()
                    + ", not Class 1");
            return;
        }
        LocalDate acceptedOn = date(change, Field.ACCEPTED_ON, "承办日期");
        boolean marketing = AcceptanceNumbers.marketing(number);
        Cand cand = matchCandidate(number, change.get(Field.DRUG_NAME), change.get(Field.COMPANY));
        if (repeated(change, number, cand)) {
            return;
        }
        if (cand == null) {
            requireLength("药品名称", change.get(Field.DRUG_NAME), 200);
            requireLength("企业名称", change.get(Field.COMPANY), 300);
            Org sponsor = sponsor(change, change.get(Field.COMPANY));
            Phase phase = marketing ? Phase.NDA_SUBMITTED : Phase.PRECLINICAL;
            cand = index.proposeCandidate(change.line, sponsor, change.get(Field.DRUG_NAME), listed, phase);
            index.addNumber(cand, number);
            if (marketing) {
                index.addMilestone(cand, Phase.NDA_SUBMITTED, acceptedOn);
            }
            change.after.putAll(values("code", number, "nameZh", change.get(Field.DRUG_NAME),
                    "category", listed.category().name(), "registrationClass", listed.registrationClass(),
                    "modality", "OTHER", "phase", phase.name(), "phaseReachedOn", marketing ? acceptedOn.toString() : null,
                    "acceptanceNumbers", List.of(number)));
            putSponsor(change.after, sponsor);
            change.action(ChangeAction.CREATE_CANDIDATE, marketing
                    ? "a marketing application accepted on " + acceptedOn + ": NDA_SUBMITTED from that day"
                    : "a clinical-trial application accepted on " + acceptedOn + ": in development, before trials");
            return;
        }
        change.candidate(cand);
        requireNumberFree(cand, number);
        if (marketing) {
            Optional<Milestone> submitted = cand.milestones.stream()
                    .filter(m -> m.phase == Phase.NDA_SUBMITTED && acceptedOn.equals(m.reachedOn)).findFirst();
            if (submitted.isPresent()) {
                if (submitted.get().evidence != Evidence.CONFIRMED && submitted.get().id != null) {
                    confirmMilestone(change, cand, number, submitted.get());
                    return;
                }
            } else {
                requireNoStepBack(cand, acceptedOn);
                index.addMilestone(cand, Phase.NDA_SUBMITTED, acceptedOn);
                change.before.putAll(values("phase", cand.phase.name(), "acceptanceNumbers", List.copyOf(cand.acceptanceNumbers)));
                index.addNumber(cand, number);
                change.after.putAll(values("phase", Phase.NDA_SUBMITTED.name(), "reachedOn", acceptedOn.toString(),
                        "evidence", Evidence.CONFIRMED.name(), "acceptanceNumbers", List.copyOf(cand.acceptanceNumbers)));
                change.action(ChangeAction.ADD_MILESTONE, "marketing application accepted on " + acceptedOn);
                return;
            }
        }
        addNumberOrUnchanged(change, cand, number);
    }

    /** 送达信息: the approval documents of a matched new drug's marketing application, dated by 签发日期. */
    private void notice(Builder change) {
        String number = acceptanceNumber(change);
        if (number == null) {
            return;
        }
        if (!AcceptanceNumbers.marketing(number)) {
            change.action(ChangeAction.NOT_INNOVATIVE, "not a marketing application (its fourth letter is "
                    + number.charAt(3) + "): no approval to market");
            return;
        }
        String approvalNumber = approvalNumber(change);
        LocalDate issuedOn = date(change, Field.ISSUED_ON, "签发日期");
        Approval recorded = index.approval(approvalNumber);
        if (recorded != null) {
            change.candidate(recorded.candidate);
            requireNumberFree(recorded.candidate, number);
            if (recorded.evidence == Evidence.CONFIRMED && issuedOn.equals(recorded.approvedOn)) {
                addNumberOrUnchanged(change, recorded.candidate, number);
            } else {
                confirmApproval(change, recorded, approvalNumber, issuedOn);
            }
            return;
        }
        Cand cand = matchCandidate(number, change.get(Field.DRUG_NAME), change.get(Field.COMPANY));
        if (cand == null) {
            throw new Review("no candidate has acceptance number " + number + " or is named '"
                    + change.get(Field.DRUG_NAME) + "' by '" + change.get(Field.COMPANY) + "', so its registration"
                    + " class is unknown: import its CDE acceptance or record the candidate, then propose again");
        }
        change.candidate(cand);
        requireNumberFree(cand, number);
        Optional<Approval> unconfirmed = cand.approvals.stream().filter(Approval::awaitingList).findFirst();
        if (unconfirmed.isPresent()) {
            confirmApproval(change, unconfirmed.get(), approvalNumber, issuedOn);
            return;
        }
        if (!cand.approvals.isEmpty()) {
            throw new Review("candidate already holds confirmed approval " + cand.approvals.get(0).number
                    + "; a second one for it is recorded by hand");
        }
        change.before.putAll(values("phase", cand.phase.name()));
        index.addNumber(cand, number);
        index.addApproval(cand, approvalNumber, issuedOn);
        change.after.putAll(values("authority", "NMPA", "approvedOn", issuedOn.toString(), "approvalNumber",
                approvalNumber, "registrationClass", cand.registrationClass, "category", cand.category.name(),
                "evidence", Evidence.CONFIRMED.name(), "acceptanceNumbers", List.copyOf(cand.acceptanceNumbers)));
        change.action(ChangeAction.CREATE_APPROVAL, "approval documents issued on " + issuedOn);
    }

    /** 优先审评 and 突破性治疗 lists: a matched candidate holds the designation. */
    private void designation(Builder change, Designation designation) {
        String number = acceptanceNumber(change);
        if (number == null) {
            return;
        }
        Cand cand = matchCandidate(number, change.get(Field.DRUG_NAME), change.get(Field.COMPANY));
        if (cand == null) {
            throw new Review("no candidate has acceptance number " + number + " or is named '"
                    + change.get(Field.DRUG_NAME) + "' by '" + change.get(Field.COMPANY) + "', and the list gives no"
                    + " registration class: import its CDE acceptance or record the candidate, then propose again");
        }
        change.candidate(cand);
        requireNumberFree(cand, number);
        if (cand.designations.contains(designation.name())) {
            addNumberOrUnchanged(change, cand, number);
            return;
        }
        change.before.putAll(values("designations", List.copyOf(cand.designations),
                "acceptanceNumbers", List.copyOf(cand.acceptanceNumbers)));
        cand.designations.add(designation.name());
        index.addNumber(cand, number);
        change.after.putAll(values("designations", List.copyOf(cand.designations),
                "acceptanceNumbers", List.copyOf(cand.acceptanceNumbers)));
        change.action(ChangeAction.SET_DESIGNATION, designation.name() + " since "
                + ListDates.parse(change.get(Field.INCLUDED_ON)).map(LocalDate::toString).orElse(change.get(Field.INCLUDED_ON)));
    }

    /** 中国上市药品目录集: a row marked 创新药 confirms the approval it names (number and holder). */
    private void catalogue(Builder change) {
        String category = change.get(Field.CATALOGUE_CATEGORY);
        if (!category.contains("创新药")) {
            change.action(ChangeAction.NOT_INNOVATIVE, "收录类别 " + category);
            return;
        }
        String approvalNumber = approvalNumber(change);
        Approval recorded = index.approval(approvalNumber);
        if (recorded == null) {
            List<Cand> named = index.byNameAndSponsor(change.get(Field.DRUG_NAME), change.get(Field.HOLDER));
            Optional<Approval> unconfirmed = named.size() != 1 ? Optional.empty() : named.get(0).approvals.stream()
                    .filter(Approval::awaitingList).findFirst();
            if (unconfirmed.isEmpty()) {
                throw new Review("the catalogue lists approval " + approvalNumber + " of '" + change.get(Field.DRUG_NAME)
                        + "' held by '" + change.get(Field.HOLDER) + "', which the tracker does not hold (or not"
                        + " once); it gives no approval date: record it from its NMPA notice");
            }
            recorded = unconfirmed.get();
        }
        change.candidate(recorded.candidate);
        if (recorded.evidence == Evidence.CONFIRMED && approvalNumber.equals(recorded.number)) {
            change.action(ChangeAction.UNCHANGED, "the record has this approval, confirmed");
            return;
        }
        confirmApproval(change, recorded, approvalNumber, null);
    }

    private void confirmApproval(Builder change, Approval approval, String number, LocalDate on) {
        change.approvalId = approval.id;
        change.before.putAll(values("evidence", approval.evidence.name(), "approvalNumber", approval.number,
                "approvedOn", String.valueOf(approval.approvedOn),
                "acceptanceNumbers", List.copyOf(approval.candidate.acceptanceNumbers)));
        if (change.acceptanceNumber != null) {
            requireNumberFree(approval.candidate, change.acceptanceNumber);
            index.addNumber(approval.candidate, change.acceptanceNumber);
        }
        index.renumber(approval, number);
        if (on != null && approval.approvedOn != null && !on.equals(approval.approvedOn)) {
            change.reasonSuffix = "; the record's date " + approval.approvedOn + " becomes the list's " + on;
        }
        approval.evidence = Evidence.CONFIRMED;
        if (on != null) {
            approval.approvedOn = on;
        }
        change.after.putAll(values("evidence", Evidence.CONFIRMED.name(), "approvalNumber", number,
                "approvedOn", String.valueOf(approval.approvedOn), "datePrecision", on != null ? "DAY" : null,
                "acceptanceNumbers", List.copyOf(approval.candidate.acceptanceNumbers)));
        change.action(ChangeAction.RAISE_EVIDENCE, "an official list confirms the approval");
    }

    private void confirmMilestone(Builder change, Cand cand, String number, Milestone milestone) {
        change.before.putAll(values("milestoneId", milestone.id.toString(), "evidence", milestone.evidence.name(),
                "acceptanceNumbers", List.copyOf(cand.acceptanceNumbers)));
        milestone.evidence = Evidence.CONFIRMED;
        index.addNumber(cand, number);
        change.after.putAll(values("milestoneId", milestone.id.toString(), "evidence", Evidence.CONFIRMED.name(),
                "acceptanceNumbers", List.copyOf(cand.acceptanceNumbers)));
        change.action(ChangeAction.RAISE_EVIDENCE, "an official list confirms the NDA_SUBMITTED milestone of "
                + milestone.reachedOn);
    }

    private void addNumberOrUnchanged(Builder change, Cand cand, String number) {
        if (cand.acceptanceNumbers.contains(number)) {
            change.action(ChangeAction.UNCHANGED, "the record already says this");
            return;
        }
        change.before.putAll(values("acceptanceNumbers", List.copyOf(cand.acceptanceNumbers)));
        index.addNumber(cand, number);
        change.after.putAll(values("acceptanceNumbers", List.copyOf(cand.acceptanceNumbers)));
        change.action(ChangeAction.ADD_ACCEPTANCE_NUMBER, "the candidate gains this application's number");
    }

    /** An acceptance number belongs to one candidate: a row giving another candidate's number needs review. */
    private void requireNumberFree(Cand cand, String number) {
        Cand holder = index.byAcceptanceNumber(number);
        if (holder != null && holder != cand) {
            throw new Review("acceptance number " + number + " belongs to another candidate ("
                    + (holder.id == null ? "created by line " + holder.createdByLine : holder.id.toString())
                    + ") than the one the row matches");
        }
    }

    private static void requireLength(String label, String value, int max) {
        if (value.length() > max) {
            throw new Review(label + " is longer than " + max + " characters");
        }
    }

    /** A row repeating an earlier one of the document (lists repeat rows across pages) changes nothing more. */
    private boolean repeated(Builder change, String number, Cand cand) {
        Integer first = firstLine.putIfAbsent(number, change.line);
        if (first != null && cand != null && cand.acceptanceNumbers.contains(number)) {
            change.candidate(cand);
            change.action(ChangeAction.UNCHANGED, "repeats line " + first);
            return true;
        }
        return false;
    }

    private Cand matchCandidate(String number, String drugName, String company) {
        Cand byNumber = index.byAcceptanceNumber(number);
        if (byNumber != null) {
            return byNumber;
        }
        List<Cand> named = index.byNameAndSponsor(drugName, company);
        if (named.size() > 1) {
            throw new Review(named.size() + " candidates match '" + drugName + "' by '" + company + "': "
                    + named.stream().map(c -> c.id == null ? "line " + c.createdByLine : c.id.toString()).toList());
        }
        return named.isEmpty() ? null : named.get(0);
    }

    /** The sponsor by its name, or a new one whose region its name's place name tells. */
    private Org sponsor(Builder change, String company) {
        List<Org> named = index.organizationsNamed(company);
        if (named.size() > 1) {
            throw new Review(named.size() + " organizations are named '" + company + "'");
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        index.closeOrganization(company).ifPresent(close -> {
            throw new Review("sponsor '" + company + "' is not in the tracker by that name, but '" + close.name
                    + "' (" + close.id + ") is close: give the organization the list's name (nameZh), then propose"
                    + " again");
        });
        String region = Regions.of(company).orElseThrow(() -> new Review("sponsor '" + company + "' is not in the"
                + " tracker and its name starts with no place name to tell its region: record the organization first"));
        return index.proposeOrganization(change.line, company, region);
    }

    private static void putSponsor(TreeMap<String, Object> after, Org sponsor) {
        if (sponsor.id != null) {
            after.put("sponsorId", sponsor.id.toString());
        } else {
            after.putAll(values("sponsorName", sponsor.name, "sponsorRegionCode", sponsor.regionCode));
            after.put("sponsorCreatedByLine", sponsor.createdByLine);
        }
    }

    private void requireNoStepBack(Cand cand, LocalDate on) {
        for (Milestone other : cand.milestones) {
            if (other.reachedOn == null || other.phase == Phase.DISCONTINUED) {
                continue;
            }
            if (other.reachedOn.isBefore(on) && other.phase.compareTo(Phase.NDA_SUBMITTED) > 0
                    || other.reachedOn.isAfter(on) && other.phase.compareTo(Phase.NDA_SUBMITTED) < 0) {
                throw new Review("NDA_SUBMITTED on " + on + " would step back from " + other.phase + " on "
                        + other.reachedOn + " in the candidate's history");
            }
        }
    }

    private String acceptanceNumber(Builder change) {
        String written = change.get(Field.ACCEPTANCE_NUMBER);
        String number = AcceptanceNumbers.canonical(written).orElseThrow(() -> new Review("受理号 '" + written
                + "' is not an acceptance number"));
        change.acceptanceNumber = number;
        if (!AcceptanceNumbers.newDrug(number)) {
            change.action(ChangeAction.NOT_INNOVATIVE, AcceptanceNumbers.applicationType(number));
            return null;
        }
        return number;
    }

    private String approvalNumber(Builder change) {
        String written = change.get(Field.APPROVAL_NUMBER);
        String number = ApprovalNumbers.canonical(written).orElseThrow(() -> new Review("批准文号 '" + written
                + "' is not an NMPA approval number"));
        change.approvalNumber = number;
        return number;
    }

    private LocalDate date(Builder change, Field field, String label) {
        LocalDate date = ListDates.parse(change.get(field)).orElseThrow(() -> new Review(label + " '"
                + change.get(field) + "' is not a date"));
        if (date.isAfter(today.plusDays(1))) {
            throw new Review(label + " " + date + " is in the future");
        }
        if (date.getYear() < EARLIEST_YEAR) {
            throw new Review(label + " " + date + " is before " + EARLIEST_YEAR + ", as no record's date is");
        }
        return date;
    }

    /** A row that cannot be written as it is. */
    private static final class Review extends RuntimeException {
        Review(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Builder {
        final int line;
        final Row<Field> row;
        ChangeAction action;
        String reason;
        String reasonSuffix = "";
        String acceptanceNumber;
        String approvalNumber;
        UUID candidateId;
        Integer candidateLine;
        UUID approvalId;
        final TreeMap<String, Object> before = new TreeMap<>();
        final TreeMap<String, Object> after = new TreeMap<>();

        Builder(Row<Field> row) {
            this.row = row;
            this.line = row.line();
        }

        String get(Field field) {
            return row.get(field);
        }

        void action(ChangeAction action, String reason) {
            this.action = action;
            this.reason = reason;
        }

        void candidate(Cand cand) {
            candidateId = cand.id;
            candidateLine = cand.id == null ? cand.createdByLine : null;
        }

        Proposed build() {
            if (action == ChangeAction.NEEDS_REVIEW || action == ChangeAction.NOT_INNOVATIVE) {
                before.clear();
                after.clear();
            } else if (candidateLine != null && action != ChangeAction.CREATE_CANDIDATE) {
                after.put("candidateCreatedByLine", candidateLine);
            }
            String drug = get(Field.DRUG_NAME);
            String company = get(Field.COMPANY) != null ? get(Field.COMPANY) : get(Field.HOLDER);
            return new Proposed(line, action, acceptanceNumber, approvalNumber, drug, company,
                    action == ChangeAction.CREATE_CANDIDATE ? null : candidateId, approvalId, reason + reasonSuffix,
                    new TreeMap<>(before), new TreeMap<>(after));
        }
    }
}
