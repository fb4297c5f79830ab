package org.cqdrug.tracker.source;

import java.util.List;

import org.cqdrug.tracker.source.read.SavedTable.Column;

/**
 * The official lists the tracker reads, each with the columns it needs and the labels the list gives them (the
 * first label is the one a missing-column problem names). Layouts are read from third-party copies and vary, so
 * each field takes every label seen for it.
 */
public enum SourceKind {

    /** NMPA 药品批准证明文件送达信息: approval documents issued, daily. */
    NMPA_APPROVAL_NOTICE(List.of(
            required(Field.ACCEPTANCE_NUMBER, "受理号"),
            required(Field.DRUG_NAME, "品名", "药品名称", "产品名称"),
            required(Field.COMPANY, "申请单位", "申请人", "企业名称"),
            required(Field.APPROVAL_NUMBER, "批准文号", "批准文号/注册证号", "注册证号"),
            required(Field.ISSUED_ON, "签发日期", "批准日期", "发文日期"))),

    /** CDE 受理品种信息: applications accepted. */
    CDE_ACCEPTANCES(List.of(
            required(Field.ACCEPTANCE_NUMBER, "受理号"),
            required(Field.DRUG_NAME, "药品名称", "品名"),
            optional(Field.DRUG_TYPE, "药品类型"),
            optional(Field.APPLICATION_TYPE, "申请类型"),
            required(Field.REGISTRATION_CLASS, "注册分类"),
            required(Field.COMPANY, "企业名称", "申请人", "注册申请人"),
            required(Field.ACCEPTED_ON, "承办日期", "受理日期"))),

    /** CDE 优先审评 list: applications included in priority review. */
    CDE_PRIORITY_REVIEW(designationColumns()),

    /** CDE 突破性治疗 list: breakthrough-therapy designations. */
    CDE_BREAKTHROUGH(designationColumns()),

    /** CDE 中国上市药品目录集: the catalogue of marketed drugs, whose 收录类别 marks 创新药. */
    CDE_MARKETED_CATALOGUE(List.of(
            required(Field.DRUG_NAME, "药品名称"),
            optional(Field.ACTIVE_INGREDIENT, "活性成分(英文)", "活性成分"),
            optional(Field.DOSAGE_FORM, "剂型"),
            required(Field.APPROVAL_NUMBER, "批准文号/注册证号", "批准文号", "注册证号"),
            required(Field.HOLDER, "上市许可持有人", "持有人"),
            optional(Field.MANUFACTURER, "生产厂商"),
            optional(Field.MARKETING_STATUS, "上市销售状态"),
            required(Field.CATALOGUE_CATEGORY, "收录类别")));

    public final List<Column<Field>> columns;

    SourceKind(List<Column<Field>> columns) {
        this.columns = columns;
    }

    private static List<Column<Field>> designationColumns() {
        return List.of(
                required(Field.ACCEPTANCE_NUMBER, "受理号"),
                required(Field.DRUG_NAME, "药品名称", "品名"),
                required(Field.COMPANY, "企业名称", "申请人", "注册申请人"),
                // The inclusion date tells these lists from an acceptance list, whose other columns they share.
                required(Field.INCLUDED_ON, "纳入时间", "纳入日期", "拟纳入时间", "纳入优先审评时间", "纳入突破性治疗时间"),
                optional(Field.NOTICE_ON, "公示时间", "公示日期", "公示截止日期", "公示截止时间"));
    }

    private static Column<Field> required(Field field, String... labels) {
        return new Column<>(field, true, List.of(labels));
    }

    private static Column<Field> optional(Field field, String... labels) {
        return new Column<>(field, false, List.of(labels));
    }
}
