-- Demo data for dev mode and the tests; production never loads it (see quarkus.flyway.locations).
-- Facts and their sources: shared domain notes gathered from public reporting. Rows marked ILLUSTRATIVE are invented
-- to show how the pipeline and the forecast behave; they describe no real drug or company.
-- Idempotent: a changed seed re-runs (Flyway repeatable migration) and only adds what is missing.

insert into cluster (id, code, name, name_zh, region_code, district, focus_areas, description, source_url, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000101', 'chongqing-international-bio-city', 'Chongqing International Bio-city', '重庆国际生物城', 'CN-CQ',
 'Banan District (extension of the Chongqing High-tech Zone)', '{"biologics","antibodies","innovative drugs"}',
 'Illustrative choice: the 2025 plan calls for three innovative-drug industry clusters but does not name them. Home of Genrix Bio, sponsor of xeligekimab.',
 'https://www.cq.gov.cn/', now(), now(), 0),
('01900000-0000-7000-8000-000000000102', 'liangjiang-new-area', 'Liangjiang New Area (Shuitu)', '两江新区（水土）', 'CN-CQ',
 'Liangjiang New Area, Shuitu', '{"biomedicine","medical devices"}',
 'Illustrative choice: the 2025 plan calls for three innovative-drug industry clusters but does not name them.',
 'https://www.cq.gov.cn/', now(), now(), 0),
('01900000-0000-7000-8000-000000000103', 'western-science-city', 'Western (Chongqing) Science City', '西部(重庆)科学城', 'CN-CQ',
 'Chongqing High-tech Zone', '{"research platforms","cell and gene therapy"}',
 'Illustrative choice: the 2025 plan calls for three innovative-drug industry clusters but does not name them.',
 'https://www.cq.gov.cn/', now(), now(), 0)
on conflict (id) do nothing;

insert into organization (id, name, name_zh, kind, region_code, cluster_id, source_url, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000201', 'Chongqing Genrix Biopharmaceutical (SSE 688443)', '重庆智翔金泰生物制药', 'COMPANY', 'CN-CQ',
 '01900000-0000-7000-8000-000000000101', 'https://www.cq.gov.cn/', now(), now(), 0),
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
 'Moderate-to-severe plaque psoriasis', 'APPROVED', '{}', null, 'https://www.cq.gov.cn/',
 'Anti-IL-17A monoclonal antibody, brand 金立希; Chongqing''s first Class 1 innovative drug (cq.gov.cn report of 2024-09-06; Yicai, 2024-08-27).',
 now(), now(), 0),
('01900000-0000-7000-8000-000000000302', 'pCAR-19B', null, null, '01900000-0000-7000-8000-000000000202',
 null, 'THERAPEUTIC_BIOLOGIC', '1', 'CELL_THERAPY', 'Haematology',
 'Relapsed/refractory CD19-positive B-cell acute lymphoblastic leukaemia in children and adolescents', 'APPROVED', '{}', null, null,
 'Reported approved before late 2025 by secondary sources; approval date, number and generic name unconfirmed, so no approval is recorded and it counts toward no target.',
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
('01900000-0000-7000-8000-000000000308', 'DEMO-006', null, '示例候选药物六', '01900000-0000-7000-8000-000000000204',
 '01900000-0000-7000-8000-000000000103', 'THERAPEUTIC_BIOLOGIC', '1', 'ANTIBODY', 'Immunology',
 'ILLUSTRATIVE: atopic dermatitis', 'DISCONTINUED', '{}', null, null,
 'ILLUSTRATIVE: fictional candidate for demonstration, not real data.', now(), now(), 0)
on conflict (id) do nothing;

insert into approval (id, candidate_id, authority, approved_on, approval_number, registration_class, category, approval_type,
                      indication, source_url, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000401', '01900000-0000-7000-8000-000000000301', 'NMPA', '2024-08-20',
 'UNCONFIRMED-GR1501-20240820', '1', 'THERAPEUTIC_BIOLOGIC', 'STANDARD', 'Moderate-to-severe plaque psoriasis',
 'https://www.cq.gov.cn/', now(), now(), 0)
on conflict (id) do nothing;

insert into milestone (id, candidate_id, phase, reached_on, source_url, note, approval_id, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000501', '01900000-0000-7000-8000-000000000301', 'NDA_SUBMITTED', '2023-03-01',
 'https://www.cq.gov.cn/', 'NDA accepted in March 2023; the day was not published, so the 1st is used.', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000502', '01900000-0000-7000-8000-000000000301', 'APPROVED', '2024-08-20',
 'https://www.cq.gov.cn/', 'Approved by NMPA, 2024-08-20 (cq.gov.cn report of 2024-09-06; Yicai, 2024-08-27). Registration number not confirmed.',
 '01900000-0000-7000-8000-000000000401', now(), now(), 0),
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
 '重庆市全链条支持创新药高质量发展若干措施 (General Office of the Chongqing Municipal People''s Government)',
 'https://www.cq.gov.cn/', '2025-11-06', now(), now(), 0)
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
