package org.cqdrug.tracker.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The events the service tells about, by their stable dotted names. Record events are written by the audit twins'
 * trigger (V18__events_and_webhooks.sql) in the transaction of the change; target events are derived after commits
 * ({@code TargetWatch}); a ping goes to one webhook only.
 */
public enum EventType {
    APPROVAL_CREATED("approval.created", "Approval recorded", "批准已记录"),
    APPROVAL_UPDATED("approval.updated", "Approval changed", "批准已更改"),
    APPROVAL_DELETED("approval.deleted", "Approval deleted", "批准已删除"),
    CANDIDATE_CREATED("candidate.created", "Candidate recorded", "候选药物已记录"),
    CANDIDATE_PHASE_CHANGED("candidate.phase_changed", "Candidate changed phase", "候选药物进入新阶段"),
    CANDIDATE_UPDATED("candidate.updated", "Candidate changed", "候选药物已更改"),
    CANDIDATE_DELETED("candidate.deleted", "Candidate deleted", "候选药物已删除"),
    TARGET_STATUS_CHANGED("target.status_changed", "Target's status changed", "目标状态变化"),
    TARGET_OUTLOOK_CHANGED("target.outlook_changed", "Target's outlook changed", "目标前景变化"),
    PUBLISHED_COUNT_CREATED("published_count.created", "Published count recorded", "公布数字已记录"),
    PUBLISHED_COUNT_UPDATED("published_count.updated", "Published count changed", "公布数字已更改"),
    PUBLISHED_COUNT_DELETED("published_count.deleted", "Published count deleted", "公布数字已删除"),
    SOURCE_APPLIED("source.applied", "Official list applied", "官方清单已应用"),
    PING("webhook.ping", "Ping", "测试");

    /** The name events carry ({@code type}) and subscriptions name. */
    public final String id;
    public final String title;
    public final String titleZh;

    EventType(String id, String title, String titleZh) {
        this.id = id;
        this.title = title;
        this.titleZh = titleZh;
    }

    /** The types a subscription or a feed may name: all but the ping, which is sent on request only. */
    public static List<String> subscribable() {
        return Arrays.stream(values()).filter(type -> type != PING).map(type -> type.id).toList();
    }

    public static EventType of(String id) {
        for (EventType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException(id);
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
