-- Demo data for dev mode and the tests; production never loads it (see quarkus.flyway.locations).
-- Facts and their sources: shared domain notes gathered from public reporting; each row cites its source (an
-- article's address where one is known, otherwise the citation in its note, never a generic home page) and says how
-- sure it is. Rows marked ILLUSTRATIVE are invented to show how the pipeline and the forecast behave; they describe no
-- real drug or company.
-- Idempotent: a changed seed re-runs (Flyway repeatable migration) and only adds what is missing.

insert into cluster (id, code, name, name_zh, region_code, district, focus_areas, description, source_url, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000101', 'chongqing-international-bio-city', 'Chongqing International Bio-city', '重庆国际生物城', 'CN-CQ',
 'Banan District (extension of the Chongqing High-tech Zone)', '{"biologics","antibodies","innovative drugs"}',
 'Illustrative choice: the 2025 plan calls for three innovative-drug industry clusters but does not name them. A 2025-12-15 press conference calls Chongqing International Bio-city the core "1" of the city''s "1+5+N" biomedicine system; 渝府办发〔2026〕3号 (cq.gov.cn, t20260127_15358311.html) names Banan among the key areas. Home of Genrix Bio, sponsor of xeligekimab.',
 null, now(), now(), 0),
('01900000-0000-7000-8000-000000000102', 'liangjiang-new-area', 'Liangjiang New Area (Shuitu)', '两江新区（水土）', 'CN-CQ',
 'Liangjiang New Area, Shuitu', '{"biomedicine","medical devices"}',
 'Illustrative choice: the 2025 plan calls for three innovative-drug industry clusters but does not name them. 渝府办发〔2026〕3号 (cq.gov.cn, t20260127_15358311.html) names Liangjiang New Area among the key areas.',
 null, now(), now(), 0),
('01900000-0000-7000-8000-000000000103', 'western-science-city', 'Western (Chongqing) Science City', '西部(重庆)科学城', 'CN-CQ',
 'Chongqing High-tech Zone', '{"research platforms","cell and gene therapy"}',
 'Illustrative choice: the 2025 plan calls for three innovative-drug industry clusters but does not name them. 渝府办发〔2026〕3号 (cq.gov.cn, t20260127_15358311.html) names 西部科学城重庆高新区 among the key areas.',
 null, now(), now(), 0)
on conflict (id) do nothing;

insert into organization (id, name, name_zh, kind, region_code, cluster_id, source_url, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000201', 'Chongqing Genrix Biopharmaceutical (SSE 688443)', '重庆智翔金泰生物制药', 'COMPANY', 'CN-CQ',
 '01900000-0000-7000-8000-000000000101', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000202', 'Chongqing Precision Biotech', '重庆精准生物', 'COMPANY', 'CN-CQ',
 null, null, now(), now(), 0),
('01900000-0000-7000-8000-000000000203', 'ILLUSTRATIVE Sponsor A (fictional)', '示例企业甲（虚构）', 'COMPANY', 'CN-CQ',
 '01900000-0000-7000-8000-000000000102', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000204', 'ILLUSTRATIVE University B (fictional)', '示例大学乙（虚构）', 'UNIVERSITY', 'CN-CQ',
 '01900000-0000-7000-8000-000000000103', null, now(), now(), 0)
on conflict (id) do nothing;

insert into candidate (id, code, name, name_zh, sponsor_id, cluster_id, category, registration_class, modality, therapeutic_area,
                       indication, phase, designations, expected_decision_on, source_url, note, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000301', 'GR1501', 'xeligekimab', '赛立奇单抗', '01900000-0000-7000-8000-000000000201',
 '01900000-0000-7000-8000-000000000101', 'THERAPEUTIC_BIOLOGIC', '1', 'ANTIBODY', 'Dermatology',
 'Moderate-to-severe plaque psoriasis', 'APPROVED', '{}', null, null,
 'Anti-IL-17A monoclonal antibody, brand 金立希; Chongqing''s first Class 1 innovative drug (cq.gov.cn report of 2024-09-06; Yicai, 2024-08-27).',
 now(), now(), 0),
('01900000-0000-7000-8000-000000000302', 'pCAR-19B', null, null, '01900000-0000-7000-8000-000000000202',
 null, 'THERAPEUTIC_BIOLOGIC', '1', 'CELL_THERAPY', 'Haematology',
 'Relapsed/refractory CD19-positive B-cell acute lymphoblastic leukaemia in children and adolescents', 'APPROVED', '{}', null, null,
 'Reported approved (REPORTED: "received NMPA marketing authorisation… first Class 1 biological new drug", flcube.com, undated; mentioned in a Science and Technology Daily piece of 2025-11-27). Generic name probably 普基奥仑赛注射液 (medium confidence). Approval date and number not found, so its approval is an undated reported milestone, not an approval record, and it counts toward no target until a date is known.',
 now(), now(), 0),
('01900000-0000-7000-8000-000000000303', 'DEMO-001', null, '示例候选药物一', '01900000-0000-7000-8000-000000000203',
 '01900000-0000-7000-8000-000000000102', 'CHEMICAL', '1', 'SMALL_MOLECULE', 'Oncology',
 'ILLUSTRATIVE: advanced solid tumours', 'NDA_SUBMITTED', '{"PRIORITY_REVIEW"}', '2027-03-31', null,
 'ILLUSTRATIVE: fictional candidate for demonstration, not real data.', now(), now(), 0),
('01900000-0000-7000-8000-000000000304', 'DEMO-002', null, '示例候选药物二', '01900000-0000-7000-8000-000000000203',
 '01900000-0000-7000-8000-000000000102', 'THERAPEUTIC_BIOLOGIC', '1', 'ADC', 'Oncology',
 'ILLUSTRATIVE: HER2-positive breast cancer', 'PHASE_3', '{"BREAKTHROUGH_THERAPY"}', null, null,
 'ILLUSTRATIVE: fictional candidate for demonstration, not real data.', now(), now(), 0),
('01900000-0000-7000-8000-000000000305', 'DEMO-003', null, '示例候选药物三', '01900000-0000-7000-8000-000000000204',
 '01900000-0000-7000-8000-000000000103', 'THERAPEUTIC_BIOLOGIC', '1', 'CELL_THERAPY', 'Haematology',
 'ILLUSTRATIVE: relapsed multiple myeloma', 'PHASE_2', '{}', null, null,
 'ILLUSTRATIVE: fictional candidate for demonstration, not real data.', now(), now(), 0),
('01900000-0000-7000-8000-000000000306', 'DEMO-004', null, '示例候选药物四', '01900000-0000-7000-8000-000000000204',
 '01900000-0000-7000-8000-000000000103', 'TCM', '1.1', 'TCM_FORMULA', 'Respiratory',
 'ILLUSTRATIVE: chronic cough', 'PHASE_1', '{}', null, null,
 'ILLUSTRATIVE: fictional candidate for demonstration, not real data.', now(), now(), 0),
('01900000-0000-7000-8000-000000000307', 'DEMO-005', null, '示例候选药物五', '01900000-0000-7000-8000-000000000203',
 '01900000-0000-7000-8000-000000000102', 'CHEMICAL', '2.2', 'SMALL_MOLECULE', 'Cardiovascular',
 'ILLUSTRATIVE: hypertension (improved new drug, Class 2.2, never counts toward Class 1 targets)', 'NDA_SUBMITTED', '{}', '2026-12-31', null,
 'ILLUSTRATIVE: fictional candidate for demonstration, not real data.', now(), now(), 0),
('01900000-0000-7000-8000-000000000309', 'GR1801', null, '斯乐韦米单抗', '01900000-0000-7000-8000-000000000201',
 '01900000-0000-7000-8000-000000000101', 'THERAPEUTIC_BIOLOGIC', '1', 'ANTIBODY', 'Infectious disease',
 'Rabies post-exposure prophylaxis', 'APPROVED', '{}', null, null,
 'Anti-rabies bispecific antibody, brand 金速希; therapeutic biological product Class 1 ("注册分类为治疗用生物制品1类", stockstar, 2025-07-29).',
 now(), now(), 0),
('01900000-0000-7000-8000-000000000308', 'DEMO-006', null, '示例候选药物六', '01900000-0000-7000-8000-000000000204',
 '01900000-0000-7000-8000-000000000103', 'THERAPEUTIC_BIOLOGIC', '1', 'ANTIBODY', 'Immunology',
 'ILLUSTRATIVE: atopic dermatitis', 'DISCONTINUED', '{}', null, null,
 'ILLUSTRATIVE: fictional candidate for demonstration, not real data.', now(), now(), 0)
on conflict (id) do nothing;

insert into approval (id, candidate_id, authority, approved_on, approval_number, registration_class, category, approval_type,
                      indication, source_url, evidence, date_precision, note, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000401', '01900000-0000-7000-8000-000000000301', 'NMPA', '2024-08-20',
 'UNCONFIRMED-GR1501-20240820', '1', 'THERAPEUTIC_BIOLOGIC', 'STANDARD', 'Moderate-to-severe plaque psoriasis',
 null, 'CONFIRMED', 'DAY',
 'NMPA registration 2024-08-20, reported by the municipal government (cq.gov.cn report of 2024-09-06) and Yicai (2024-08-27). Registration number not found.',
 now(), now(), 0),
('01900000-0000-7000-8000-000000000402', '01900000-0000-7000-8000-000000000309', 'NMPA', '2026-06-22',
 'UNCONFIRMED-GR1801-20260622', '1', 'THERAPEUTIC_BIOLOGIC', 'STANDARD', 'Rabies post-exposure prophylaxis',
 null, 'REPORTED', 'DAY',
 'Reported approved on 2026-06-22 in a batch of five innovative drugs by a single secondary source (low-to-medium confidence); no official notice or number found.',
 now(), now(), 0)
on conflict (id) do nothing;

insert into milestone (id, candidate_id, phase, reached_on, source_url, note, approval_id, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000501', '01900000-0000-7000-8000-000000000301', 'NDA_SUBMITTED', '2023-03-01',
 null, 'NDA accepted in March 2023; the day was not published, so the 1st of the month stands for it.', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000502', '01900000-0000-7000-8000-000000000301', 'APPROVED', '2024-08-20',
 null, 'Approved by NMPA, 2024-08-20 (cq.gov.cn report of 2024-09-06; Yicai, 2024-08-27). Registration number not confirmed.',
 '01900000-0000-7000-8000-000000000401', now(), now(), 0),
('01900000-0000-7000-8000-000000000509', '01900000-0000-7000-8000-000000000301', 'APPROVED', '2025-01-01',
 null, 'Second indication (ankylosing spondylitis) approved January 2025 (eastmoney report on Genrix): not a new Class 1 drug, so no approval record. The day was not published; the 1st of the month stands for it.',
 null, now(), now(), 0),
('01900000-0000-7000-8000-000000000510', '01900000-0000-7000-8000-000000000302', 'APPROVED', null,
 'https://flcube.com/?p=46887', 'Reported approved, undated ("received NMPA marketing authorisation… first Class 1 biological new drug"); date and number not found.',
 null, now(), now(), 0),
('01900000-0000-7000-8000-000000000511', '01900000-0000-7000-8000-000000000309', 'NDA_SUBMITTED', '2025-01-14',
 null, 'NDA accepted 2025-01-14 (eastmoney).', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000512', '01900000-0000-7000-8000-000000000309', 'APPROVED', '2026-06-22',
 null, 'Reported approved 2026-06-22 by a single secondary source.', '01900000-0000-7000-8000-000000000402', now(), now(), 0),
('01900000-0000-7000-8000-000000000503', '01900000-0000-7000-8000-000000000303', 'NDA_SUBMITTED', '2026-03-15',
 null, 'ILLUSTRATIVE', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000504', '01900000-0000-7000-8000-000000000304', 'PHASE_3', '2024-05-01',
 null, 'ILLUSTRATIVE', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000505', '01900000-0000-7000-8000-000000000305', 'PHASE_2', '2025-01-15',
 null, 'ILLUSTRATIVE', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000506', '01900000-0000-7000-8000-000000000306', 'PHASE_1', '2025-06-01',
 null, 'ILLUSTRATIVE', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000507', '01900000-0000-7000-8000-000000000307', 'NDA_SUBMITTED', '2025-12-20',
 null, 'ILLUSTRATIVE', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000508', '01900000-0000-7000-8000-000000000308', 'DISCONTINUED', '2025-10-10',
 null, 'ILLUSTRATIVE', null, now(), now(), 0)
on conflict (id) do nothing;

insert into target (id, code, name, region_code, cluster_id, metric, authority, from_year, to_year, annual_min, annual_max,
                    cumulative_min, source_title, source_url, published_on, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000601', 'cq-class1-approvals-2025-2027',
 'Chongqing: one to three Class 1 innovative drugs approved for market each year, 2025 to 2027', 'CN-CQ', null,
 'CLASS1_APPROVALS', 'NMPA', 2025, 2027, 1, 3, null,
 '重庆市全链条支持创新药高质量发展若干措施, 渝府办发〔2025〕56号 (General Office of the Chongqing Municipal People''s Government): "到2027年，全市每年获批上市创新药1—3个"',
 'https://www.yicai.com/news/102898653.html', '2025-11-06', now(), now(), 0)
on conflict (id) do nothing;

-- The plan's stock goal beside its yearly band: "到2027年，全市每年获批上市创新药1—3个，力争创新药总数达到10个".
-- The total counts drugs approved before the plan too (such as xeligekimab), so it counts from no start date. The
-- plan says innovative drugs; the tracker counts them as Class 1 approvals by NMPA, as for the yearly band.
insert into target (id, code, name, region_code, cluster_id, metric, authority, kind, from_year, to_year, total_goal,
                    count_from, source_title, source_url, published_on, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000602', 'cq-innovative-drugs-total-2027',
 'Chongqing: strive for ten innovative drugs in total by 2027 (力争创新药总数达到10个)', 'CN-CQ', null,
 'CLASS1_APPROVALS', 'NMPA', 'TOTAL', 2025, 2027, 10, null,
 '重庆市全链条支持创新药高质量发展若干措施, 渝府办发〔2025〕56号: "到2027年，全市每年获批上市创新药1—3个，力争创新药总数达到10个"',
 'https://www.yicai.com/news/102898653.html', '2025-11-06', now(), now(), 0)
on conflict (id) do nothing;

-- The targets' names in Chinese, as the plans state them.
update target set name_zh = '重庆：2025至2027年每年获批上市1类创新药1至3个'
where id = '01900000-0000-7000-8000-000000000601' and name_zh is null;
update target set name_zh = '重庆：到2027年力争创新药总数达到10个'
where id = '01900000-0000-7000-8000-000000000602' and name_zh is null;

-- Evidence of the facts above that are only reported (press or company sources).
update milestone set evidence = 'REPORTED'
where id in ('01900000-0000-7000-8000-000000000509', '01900000-0000-7000-8000-000000000510',
             '01900000-0000-7000-8000-000000000511', '01900000-0000-7000-8000-000000000512')
  and evidence <> 'REPORTED';

-- Databases seeded before sources were cited properly still name a generic home page: take it off.
update cluster set source_url = null where source_url = 'https://www.cq.gov.cn/';
update organization set source_url = null where source_url = 'https://www.cq.gov.cn/';
update candidate set source_url = null where source_url = 'https://www.cq.gov.cn/';
update approval set source_url = null where source_url = 'https://www.cq.gov.cn/';
update milestone set source_url = null where source_url = 'https://www.cq.gov.cn/';
update target set source_url = 'https://www.yicai.com/news/102898653.html'
where id = '01900000-0000-7000-8000-000000000601' and source_url = 'https://www.cq.gov.cn/';

-- Other regions' published goals, to compare plans side by side (secondary sources; see each source title).
insert into target (id, code, name, region_code, cluster_id, metric, authority, kind, from_year, to_year, total_goal,
                    count_from, source_title, source_url, published_on, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000603', 'bj-innovative-drugs-2024-2026',
 'Beijing: ten newly approved innovative drugs, 2024 to 2026 (新增获批上市创新药10个)', 'CN-BJ', null,
 'CLASS1_APPROVALS', 'NMPA', 'TOTAL', 2024, 2026, 10, '2024-01-01',
 'Beijing 2024–2026 action plan, as reported: "新增获批上市创新药10个" (secondary, fairly confident)',
 'https://finance.ifeng.com/c/8Zp0lWISMwo', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000604', 'sh-pudong-class1-2025-2027',
 'Shanghai Pudong: 15 or more new Class 1 drugs in three years, 2025 to 2027 (三年新获批自主创新1类新药15个以上); scoped to all of Shanghai, as regions are provinces here',
 'CN-SH', null, 'CLASS1_APPROVALS', 'NMPA', 'TOTAL', 2025, 2027, 15, '2025-01-01',
 'Shanghai Pudong 2025–2027 plan, as reported: "三年新获批自主创新1类新药15个以上" (secondary, medium confidence)',
 'https://www.yuhaojiang.com/redian/1143594.html', null, now(), now(), 0)
on conflict (id) do nothing;

update target set name_zh = '北京：2024至2026年新增获批上市创新药10个'
where id = '01900000-0000-7000-8000-000000000603' and name_zh is null;
update target set name_zh = '上海浦东：2025至2027年三年新获批自主创新1类新药15个以上（按上海全市统计）'
where id = '01900000-0000-7000-8000-000000000604' and name_zh is null;
