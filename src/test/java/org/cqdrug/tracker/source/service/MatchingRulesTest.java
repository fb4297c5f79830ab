package org.cqdrug.tracker.source.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How a list's rows are matched to the record: a sponsor's region, a registration class, a drug name's key. */
@Tag(Lanes.UNIT)
class MatchingRulesTest {

    @Test
    void aSponsorsRegionIsThePlaceItsNameStartsWith() {
        assertEquals(Optional.of("CN-CQ"), Regions.of("重庆智翔金泰生物制药股份有限公司"));
        assertEquals(Optional.of("CN-JS"), Regions.of("江苏恒瑞医药股份有限公司"));
        assertEquals(Optional.of("CN-JS"), Regions.of("苏州盛迪亚生物医药有限公司"));
        assertEquals(Optional.of("CN-NM"), Regions.of("内蒙古示例药业有限公司"));
        assertEquals(Optional.of("CN-HL"), Regions.of("黑龙江示例制药有限公司"));
    }

    @Test
    void aNameStartingWithNoPlaceGivesNoRegion() {
        assertEquals(Optional.empty(), Regions.of("正大天晴药业集团股份有限公司"));
        // A place further on is not guessed from.
        assertEquals(Optional.empty(), Regions.of("百济神州（北京）生物科技有限公司"));
        assertEquals(Optional.empty(), Regions.of(""));
        assertEquals(Optional.empty(), Regions.of(null));
    }

    @Test
    void theClassAndCategoryAreReadFromTheClassText() {
        ListedClass chemical = ListedClass.of("化学药品1类", null, "CXHL2400123").orElseThrow();
        assertEquals(new ListedClass("1", Category.CHEMICAL), chemical);
        assertTrue(chemical.class1());
        assertEquals(Optional.of(new ListedClass("1", Category.THERAPEUTIC_BIOLOGIC)),
                ListedClass.of("治疗用生物制品1类", null, "CXSL2400123"));
        ListedClass vaccine = ListedClass.of("预防用生物制品1.1类", null, "CXSL2400124").orElseThrow();
        assertEquals(new ListedClass("1.1", Category.PREVENTIVE_BIOLOGIC), vaccine);
        assertTrue(vaccine.class1());
        assertEquals(Optional.of(new ListedClass("1.1", Category.TCM)), ListedClass.of("中药1.1类", null, "CXZL2400125"));
    }

    @Test
    void aSubclassOfAnotherClassIsNotClass1() {
        ListedClass improved = ListedClass.of("化药2.4类", null, "CXHS2400126").orElseThrow();
        assertEquals(new ListedClass("2.4", Category.CHEMICAL), improved);
        assertFalse(improved.class1());
        assertFalse(ListedClass.of("化学药品3类", null, "CYHS2400127").orElseThrow().class1());
    }

    @Test
    void aBareClassTakesItsCategoryFromTheDrugTypeElseTheAcceptanceNumber() {
        assertEquals(Optional.of(new ListedClass("1", Category.CHEMICAL)), ListedClass.of("1", "化药", "CXSL2400123"));
        assertEquals(Optional.of(new ListedClass("1", Category.PREVENTIVE_BIOLOGIC)),
                ListedClass.of("1", "预防用生物制品", "CXSL2400123"));
        assertEquals(Optional.of(new ListedClass("1", Category.TCM)), ListedClass.of("1", null, "CXZS2400001"));
        assertEquals(Optional.of(new ListedClass("1", Category.CHEMICAL)), ListedClass.of("1", "", "CXHL2400123"));
    }

    @Test
    void textWithoutAClassGivesNone() {
        assertEquals(Optional.empty(), ListedClass.of("无", null, "CXHL2400123"));
        assertEquals(Optional.empty(), ListedClass.of("", "化药", "CXHL2400123"));
        assertEquals(Optional.empty(), ListedClass.of(null, "化药", "CXHL2400123"));
    }

    @Test
    void aDrugNameKeyLeavesOutTheDosageForm() {
        assertEquals(DrugNames.key("赛立奇单抗"), DrugNames.key("赛立奇单抗注射液"));
        assertEquals(DrugNames.key("示例单抗"), DrugNames.key("注射用示例单抗"));
        assertEquals("甲苯磺酸尼拉帕利", DrugNames.key("甲苯磺酸尼拉帕利胶囊"));
        assertEquals("示例替尼", DrugNames.key("示例替尼片"));
        // A name that is nothing but a form keeps it.
        assertEquals("胶囊", DrugNames.key("胶囊"));
    }

    @Test
    void aDrugNameKeyIgnoresFullWidthFormsSpacesAndCase() {
        assertEquals(DrugNames.key("赛立奇单抗注射液"), DrugNames.key(" 赛立奇单抗\u3000注射液 "));
        assertEquals(DrugNames.key("PD-1单抗"), DrugNames.key("ＰＤ－１单抗注射液"));
        assertEquals(DrugNames.key("pd-1单抗"), DrugNames.key("PD-1 单抗"));
        assertEquals(DrugNames.key("示例单抗"), DrugNames.key(" 注射用 示例单抗 "));
    }
}
