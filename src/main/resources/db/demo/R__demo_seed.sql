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
('01900000-0000-7000-8000-000000000302', 'pCAR-19B', null, '普基奥仑赛注射液', '01900000-0000-7000-8000-000000000202',
 null, 'THERAPEUTIC_BIOLOGIC', '1', 'CELL_THERAPY', 'Haematology',
 'Relapsed/refractory CD19-positive B-cell acute lymphoblastic leukaemia in children and young people', 'APPROVED', '{}', null, null,
 'CD19 CAR-T, brand 普利得凯 (a tag also spells the name 普基欧仑赛; no INN found); therapeutic biologic Class 1. Reported approved by NMPA on 2025-11-07 (Chongqing Morning Post 重庆晨报, 2025-12-01, reprinted by eastmoney); the municipal drug regulator calls it the city''s first cell-therapy innovative drug. NDA accepted shortly before 2024-07-30 (exact date not found, so no milestone is recorded for it). Sponsor in Western (Chongqing) Science City.',
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
('01900000-0000-7000-8000-000000000309', 'GR1801', 'silevimig', '斯乐韦米单抗', '01900000-0000-7000-8000-000000000201',
 '01900000-0000-7000-8000-000000000101', 'THERAPEUTIC_BIOLOGIC', '1', 'ANTIBODY', 'Infectious disease',
 'Rabies post-exposure prophylaxis', 'APPROVED', '{}', null, null,
 'Anti-rabies bispecific antibody, INN silevimig, brand 金速希; therapeutic biological product Class 1 ("注册分类为治疗用生物制品1类", stockstar, 2025-07-29). Commercial partner: China Medical System (康哲药业, 867.HK).',
 now(), now(), 0),
('01900000-0000-7000-8000-000000000310', 'GR2001', 'vecantoxatug', null, '01900000-0000-7000-8000-000000000201',
 '01900000-0000-7000-8000-000000000101', 'THERAPEUTIC_BIOLOGIC', '1', 'ANTIBODY', 'Infectious disease',
 null, 'NDA_SUBMITTED', '{"BREAKTHROUGH_THERAPY"}', null, 'https://bioseedin.com/news-detail?id=242',
 'Anti-tetanus-toxin antibody; therapeutic biologic Class 1; breakthrough designation May 2024; NDA accepted 2025-05-22 (bioseedin.com, fairly confident). Not approved as of the sources; one of four NDAs Genrix had pending on 2026-01-29 (GR1801, GR2001, GR1802, GR1803). GR1802 (泰利奇拜单抗, NDA September 2025) and GR1803 (纬利妥米单抗, NDA January 2026) are left out of the demo: the sources do not give their registration class, which a candidate needs.',
 now(), now(), 0),
('01900000-0000-7000-8000-000000000308', 'DEMO-006', null, '示例候选药物六', '01900000-0000-7000-8000-000000000204',
 '01900000-0000-7000-8000-000000000103', 'THERAPEUTIC_BIOLOGIC', '1', 'ANTIBODY', 'Immunology',
 'ILLUSTRATIVE: atopic dermatitis', 'DISCONTINUED', '{}', null, null,
 'ILLUSTRATIVE: fictional candidate for demonstration, not real data.', now(), now(), 0)
on conflict (id) do nothing;

insert into approval (id, candidate_id, authority, approved_on, latest_approved_on, approval_number, registration_class,
                      category, approval_type, indication, source_url, report_source_url, evidence, date_precision, note,
                      created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000401', '01900000-0000-7000-8000-000000000301', 'NMPA', '2024-08-20', '2024-08-20',
 null, '1', 'THERAPEUTIC_BIOLOGIC', 'STANDARD', 'Moderate-to-severe plaque psoriasis',
 null, null, 'REPORTED', 'DAY',
 'NMPA registration 2024-08-20, reported by the municipal government (cq.gov.cn report of 2024-09-06) and Yicai (2024-08-27); confident. REPORTED, not CONFIRMED, until the address of an official source (NMPA''s entry or the municipal report) is recorded: neither address is known here. Registration number not found.',
 now(), now(), 0),
('01900000-0000-7000-8000-000000000402', '01900000-0000-7000-8000-000000000309', 'NMPA', '2026-06-22', '2026-06-22',
 null, '1', 'THERAPEUTIC_BIOLOGIC', 'STANDARD', 'Rabies post-exposure prophylaxis',
 null, 'https://chinahospitalsguide.com/news/2026-06-27-cms-silevimig-worlds-first-bispecific-rabies-passive-immunization-nmpa-approval.html',
 'REPORTED', 'DAY',
 'Reported approved on 2026-06-22 by two independent secondary sources: the announcement of the commercial partner China Medical System (康哲药业, 867.HK) of that day, reported at chinahospitalsguide.com, and a lanpeimed.com article on five innovative drugs approved that day (fairly confident). Genrix''s own exchange notice and the approval number not found.',
 now(), now(), 0),
('01900000-0000-7000-8000-000000000403', '01900000-0000-7000-8000-000000000302', 'NMPA', '2025-11-07', '2025-11-07',
 null, '1', 'THERAPEUTIC_BIOLOGIC', 'STANDARD',
 'Relapsed/refractory CD19-positive B-cell acute lymphoblastic leukaemia in children and young people',
 null, null, 'REPORTED', 'DAY',
 'Reported approved by NMPA on 2025-11-07: "11月7日，重庆精准生物技术有限公司研发的儿童白血病CAR-T细胞治疗产品''普基奥仑赛注射液''获国家药品监督管理局批准上市" (Chongqing Morning Post 重庆晨报, 2025-12-01, reprinted by eastmoney; one dated source, date fairly confident). The indication''s age range differs between sources: 3 to 21 years in the NDA and breakthrough texts, up to 18 on flcube.com. Approval number not found.',
 now(), now(), 0)
on conflict (id) do nothing;

-- A drug counts once: a later approval of the same drug is recorded as what it is, listed and never counted again.
insert into approval (id, candidate_id, authority, approved_on, latest_approved_on, approval_number, registration_class,
                      category, approval_type, kind, indication, source_url, report_source_url, evidence,
                      date_precision, note, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000404', '01900000-0000-7000-8000-000000000301', 'NMPA', '2025-01-01', '2025-01-31',
 null, '1', 'THERAPEUTIC_BIOLOGIC', 'STANDARD', 'NEW_INDICATION', 'Ankylosing spondylitis', null, null, 'REPORTED',
 'MONTH',
 'Second indication of xeligekimab, approved in January 2025 (eastmoney report on Genrix; fairly confident): not a new Class 1 drug. The day and the number were not published.',
 now(), now(), 0)
on conflict (id) do nothing;

-- Databases seeded before approval numbers were optional hold placeholders for the numbers not found: clear them.
update approval set approval_number = null where approval_number like 'UNCONFIRMED-%';
update approval set report_source_url = 'https://chinahospitalsguide.com/news/2026-06-27-cms-silevimig-worlds-first-bispecific-rabies-passive-immunization-nmpa-approval.html',
    note = 'Reported approved on 2026-06-22 by two independent secondary sources: the announcement of the commercial partner China Medical System (康哲药业, 867.HK) of that day, reported at chinahospitalsguide.com, and a lanpeimed.com article on five innovative drugs approved that day (fairly confident). Genrix''s own exchange notice and the approval number not found.'
where id = '01900000-0000-7000-8000-000000000402' and report_source_url is null;

insert into milestone (id, candidate_id, phase, reached_on, date_precision, latest_reached_on, source_url, note, approval_id,
                       created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000501', '01900000-0000-7000-8000-000000000301', 'NDA_SUBMITTED', '2023-03-01', 'MONTH', '2023-03-31',
 null, 'NDA accepted in March 2023; the day was not published.', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000502', '01900000-0000-7000-8000-000000000301', 'APPROVED', '2024-08-20', 'DAY', '2024-08-20',
 null, 'Approved by NMPA, number not yet known (cq.gov.cn report of 2024-09-06; Yicai, 2024-08-27).',
 '01900000-0000-7000-8000-000000000401', now(), now(), 0),
('01900000-0000-7000-8000-000000000513', '01900000-0000-7000-8000-000000000302', 'APPROVED', '2025-11-07', 'DAY', '2025-11-07',
 null, 'Approved by NMPA, number not yet known (reported: Chongqing Morning Post, 2025-12-01).',
 '01900000-0000-7000-8000-000000000403', now(), now(), 0),
('01900000-0000-7000-8000-000000000511', '01900000-0000-7000-8000-000000000309', 'NDA_SUBMITTED', '2025-01-14', 'DAY', '2025-01-14',
 null, 'NDA accepted 2025-01-14 (eastmoney).', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000512', '01900000-0000-7000-8000-000000000309', 'APPROVED', '2026-06-22', 'DAY', '2026-06-22',
 'https://chinahospitalsguide.com/news/2026-06-27-cms-silevimig-worlds-first-bispecific-rabies-passive-immunization-nmpa-approval.html',
 'Approved by NMPA, number not yet known (reported: China Medical System''s announcement of 2026-06-22; lanpeimed.com).',
 '01900000-0000-7000-8000-000000000402', now(), now(), 0),
('01900000-0000-7000-8000-000000000514', '01900000-0000-7000-8000-000000000310', 'NDA_SUBMITTED', '2025-05-22', 'DAY', '2025-05-22',
 'https://bioseedin.com/news-detail?id=242', 'NDA accepted 2025-05-22 (bioseedin.com, fairly confident).', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000503', '01900000-0000-7000-8000-000000000303', 'NDA_SUBMITTED', '2026-03-15', 'DAY', '2026-03-15',
 null, 'ILLUSTRATIVE', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000504', '01900000-0000-7000-8000-000000000304', 'PHASE_3', '2024-05-01', 'DAY', '2024-05-01',
 null, 'ILLUSTRATIVE', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000505', '01900000-0000-7000-8000-000000000305', 'PHASE_2', '2025-01-15', 'DAY', '2025-01-15',
 null, 'ILLUSTRATIVE', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000506', '01900000-0000-7000-8000-000000000306', 'PHASE_1', '2025-06-01', 'DAY', '2025-06-01',
 null, 'ILLUSTRATIVE', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000507', '01900000-0000-7000-8000-000000000307', 'NDA_SUBMITTED', '2025-12-20', 'DAY', '2025-12-20',
 null, 'ILLUSTRATIVE', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000508', '01900000-0000-7000-8000-000000000308', 'DISCONTINUED', '2025-10-10', 'DAY', '2025-10-10',
 null, 'ILLUSTRATIVE', null, now(), now(), 0)
on conflict (id) do nothing;

-- Databases seeded before: pCAR-19B's undated reported approval gives way to its dated approval record, the
-- placeholder numbers leave the approvals' milestones, and the months known only to the month say so.
delete from milestone where id = '01900000-0000-7000-8000-000000000510';
-- xeligekimab's second indication is its approval of kind NEW_INDICATION now, which writes no milestone.
delete from milestone where id = '01900000-0000-7000-8000-000000000509';
update milestone set note = 'Approved by NMPA, number not yet known (cq.gov.cn report of 2024-09-06; Yicai, 2024-08-27).'
where id = '01900000-0000-7000-8000-000000000502' and note like '%UNCONFIRMED-%';
update milestone set note = 'Approved by NMPA, number not yet known (reported: China Medical System''s announcement of 2026-06-22; lanpeimed.com).',
    source_url = 'https://chinahospitalsguide.com/news/2026-06-27-cms-silevimig-worlds-first-bispecific-rabies-passive-immunization-nmpa-approval.html'
where id = '01900000-0000-7000-8000-000000000512' and source_url is null;
update milestone set date_precision = 'MONTH', latest_reached_on = '2023-03-31'
where id = '01900000-0000-7000-8000-000000000501' and date_precision = 'DAY';
update candidate set name_zh = '普基奥仑赛注射液',
    indication = 'Relapsed/refractory CD19-positive B-cell acute lymphoblastic leukaemia in children and young people',
    note = 'CD19 CAR-T, brand 普利得凯 (a tag also spells the name 普基欧仑赛; no INN found); therapeutic biologic Class 1. Reported approved by NMPA on 2025-11-07 (Chongqing Morning Post 重庆晨报, 2025-12-01, reprinted by eastmoney); the municipal drug regulator calls it the city''s first cell-therapy innovative drug. NDA accepted shortly before 2024-07-30 (exact date not found, so no milestone is recorded for it). Sponsor in Western (Chongqing) Science City.'
where id = '01900000-0000-7000-8000-000000000302' and name_zh is null;
update candidate set name = 'silevimig', note = 'Anti-rabies bispecific antibody, INN silevimig, brand 金速希; therapeutic biological product Class 1 ("注册分类为治疗用生物制品1类", stockstar, 2025-07-29). Commercial partner: China Medical System (康哲药业, 867.HK).'
where id = '01900000-0000-7000-8000-000000000309' and name is null;

-- Search in Chinese: the indications as Chinese sources state them, and the other names the drugs are known by.
update candidate set indication_zh = '中重度斑块状银屑病', aliases = '{金立希}'
where id = '01900000-0000-7000-8000-000000000301' and indication_zh is null;
update candidate set indication_zh = '复发或难治性CD19阳性B细胞急性淋巴细胞白血病（儿童及青少年）', aliases = '{普利得凯,普基欧仑赛}'
where id = '01900000-0000-7000-8000-000000000302' and indication_zh is null;
update candidate set indication_zh = '狂犬病暴露后预防', aliases = '{金速希}'
where id = '01900000-0000-7000-8000-000000000309' and indication_zh is null;

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
update approval set evidence = 'REPORTED', note = 'NMPA registration 2024-08-20, reported by the municipal government (cq.gov.cn report of 2024-09-06) and Yicai (2024-08-27); confident. REPORTED, not CONFIRMED, until the address of an official source (NMPA''s entry or the municipal report) is recorded: neither address is known here. Registration number not found.'
where id = '01900000-0000-7000-8000-000000000401' and evidence = 'CONFIRMED' and source_url is null;
update milestone set evidence = 'REPORTED'
where id in ('01900000-0000-7000-8000-000000000502', '01900000-0000-7000-8000-000000000511',
             '01900000-0000-7000-8000-000000000512', '01900000-0000-7000-8000-000000000513',
             '01900000-0000-7000-8000-000000000514')
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
 '《北京市加快医药健康协同创新行动计划（2024-2026年）》, 京政办发〔2024〕14号, signed 2024-05-15 (beijing.gov.cn, t20240523_3692425.html): "新增获批上市创新药10个" (primary source, confident); the address is a secondary copy',
 'https://finance.ifeng.com/c/8Zp0lWISMwo', null, now(), now(), 0),
('01900000-0000-7000-8000-000000000604', 'sh-pudong-class1-2025-2027',
 'Shanghai Pudong: 15 or more new Class 1 drugs in three years, 2025 to 2027 (三年新获批自主创新1类新药15个以上); scoped to all of Shanghai, as regions are provinces here',
 'CN-SH', null, 'CLASS1_APPROVALS', 'NMPA', 'TOTAL', 2025, 2027, 15, '2025-01-01',
 'Shanghai Pudong 2025–2027 plan, as reported: "三年新获批自主创新1类新药15个以上" (secondary, medium confidence)',
 'https://www.yuhaojiang.com/redian/1143594.html', null, now(), now(), 0)
on conflict (id) do nothing;

update target set source_title = '《北京市加快医药健康协同创新行动计划（2024-2026年）》, 京政办发〔2024〕14号, signed 2024-05-15 (beijing.gov.cn, t20240523_3692425.html): "新增获批上市创新药10个" (primary source, confident); the address is a secondary copy'
where id = '01900000-0000-7000-8000-000000000603' and source_title like 'Beijing 2024–2026 action plan, as reported%';
update target set name_zh = '北京：2024至2026年新增获批上市创新药10个'
where id = '01900000-0000-7000-8000-000000000603' and name_zh is null;
update target set name_zh = '上海浦东：2025至2027年三年新获批自主创新1类新药15个以上（按上海全市统计）'
where id = '01900000-0000-7000-8000-000000000604' and name_zh is null;

-- Counts regions and the nation published about themselves (shared domain notes; each with its source, its
-- confidence carried into evidence and note). They are shown beside the counts of records and never added to them.
-- A press report of a government's figure is REPORTED; the government's own page CONFIRMED; a figure whose source
-- the notes do not name UNCONFIRMED. Suzhou's 6 Class 1 drugs in January–July 2025 (14% of the national total, Suzhou
-- Daily) are left out: a city has no ISO 3166-2 code, and regions here are provinces.
insert into published_count (id, region_code, cluster_id, metric, period_from, period_to, value, national_share, source_url,
                             evidence, published_on, note, created_at, updated_at, version) values
('01900000-0000-7000-8000-000000000701', 'CN-JS', null, 'CLASS1_APPROVALS', '2024-01-01', '2024-12-31', 13, null, null,
 'REPORTED', '2025-03-03', '13 Class 1 innovative drugs approved in 2024 (China News Service, 2025-03-03; confident).', now(), now(), 0),
('01900000-0000-7000-8000-000000000702', 'CN-JS', null, 'CLASS1_APPROVALS', '2025-01-01', '2025-07-31', 14, null, null,
 'UNCONFIRMED', null, '14 of the 49 Class 1 innovative drugs approved nationally in January–July 2025 (fairly confident; the source is not recorded).', now(), now(), 0),
('01900000-0000-7000-8000-000000000703', 'CN-JS', null, 'CLASS1_APPROVALS', '2025-01-01', '2025-12-31', 17, 0.2237,
 'https://en.jiangsu.gov.cn/art/2026/1/21/art_54122_11720082.html', 'CONFIRMED', '2026-01-21',
 '17 Class 1 innovative drugs in 2025, "占全国总数22.37%", first in China (the provincial government''s site; 17/76 = 22.37%; confident).', now(), now(), 0),
('01900000-0000-7000-8000-000000000704', 'CN-SH', null, 'CLASS1_APPROVALS', '2019-01-01', '2024-11-30', 26, null, null,
 'REPORTED', null, '26 domestic Class 1 drugs from 2019 to November 2024 (a copy of a report by The Paper; fairly confident). The period''s last day stands for "November".', now(), now(), 0),
('01900000-0000-7000-8000-000000000705', 'CN-SH', null, 'CLASS1_APPROVALS', '2024-01-01', '2024-11-30', 6, null, null,
 'REPORTED', null, '6 of the 26 domestic Class 1 drugs were approved in 2024 up to November (a copy of a report by The Paper; fairly confident).', now(), now(), 0),
('01900000-0000-7000-8000-000000000706', 'CN-SH', null, 'CLASS1_APPROVALS', '2021-01-01', '2025-09-30', 30, 0.17, null,
 'REPORTED', '2025-10-13', '30 domestic Class 1 drugs from 2021 to September 2025, 17% of the national total (People''s Daily, 2025-10-13; fairly confident).', now(), now(), 0),
('01900000-0000-7000-8000-000000000707', 'CN-BJ', null, 'CLASS1_APPROVALS', '2018-01-01', '2023-12-31', 14, null, null,
 'REPORTED', '2024-06-06', '14 innovative drugs (创新药, as Beijing counts them) from 2018 to 2023 (press conference of 2024-06-06, kw.beijing.gov.cn; fairly confident).', now(), now(), 0),
('01900000-0000-7000-8000-000000000708', 'CN-BJ', null, 'CLASS1_APPROVALS', '2020-07-01', '2025-06-30', 17, null,
 'https://beijing.qianlong.com/2025/0620/8508484.shtml', 'REPORTED', '2025-06-20',
 '17 innovative drugs in the five years to June 2025 (the Beijing drug regulator, as reported by qianlong.com; confident). The period''s first day stands for "five years to June 2025".', now(), now(), 0),
('01900000-0000-7000-8000-000000000709', 'CN-BJ', null, 'CLASS1_APPROVALS', '2025-01-01', '2025-02-28', 4, null, null,
 'REPORTED', '2025-03-03', '4 innovative drugs in January–February 2025 (China News Service, 2025-03-03; fairly confident).', now(), now(), 0),
('01900000-0000-7000-8000-000000000710', 'CN-HB', null, 'CLASS1_APPROVALS', '2020-01-01', '2024-12-02', 9, null, null,
 'REPORTED', '2024-12-02', '9 Class 1 drugs "2020–2024" (Changjiang Business Daily, 2024-12-02; fairly confident): the period ends on the day it was published.', now(), now(), 0),
('01900000-0000-7000-8000-000000000711', 'CN-HB', null, 'CLASS1_APPROVALS', '2025-01-01', '2025-12-31', 4, null, null,
 'REPORTED', '2026-01-13', '4 Class 1 drugs in 2025, 3 of them from Wuhan (Changjiang Business Daily, 2026-01-13; fairly confident).', now(), now(), 0),
('01900000-0000-7000-8000-000000000712', 'CN-ZJ', null, 'CLASS1_APPROVALS', '2025-01-01', '2025-09-30', 4, null, null,
 'UNCONFIRMED', null, '4 Class 1 approvals in January–September 2025, all in Hangzhou (fairly confident; the source is not recorded).', now(), now(), 0),
('01900000-0000-7000-8000-000000000713', 'CN', null, 'NMPA_INNOVATIVE_DRUGS', '2020-01-01', '2020-12-31', 20, null, null,
 'UNCONFIRMED', null, 'Innovative drugs (not marketed in China or abroad) approved by NMPA in 2020, by product, foreign sponsors included (the publication is not recorded).', now(), now(), 0),
('01900000-0000-7000-8000-000000000714', 'CN', null, 'NMPA_INNOVATIVE_DRUGS', '2021-01-01', '2021-12-31', 47, null, null,
 'UNCONFIRMED', null, '47 innovative drugs passed review in 2021 (a count of reviews passed, as published; the publication is not recorded).', now(), now(), 0),
('01900000-0000-7000-8000-000000000715', 'CN', null, 'NMPA_INNOVATIVE_DRUGS', '2022-01-01', '2022-12-31', 21, null, null,
 'UNCONFIRMED', null, '21 innovative drugs passed review in 2022 (a count of reviews passed, as published; the publication is not recorded).', now(), now(), 0),
('01900000-0000-7000-8000-000000000716', 'CN', null, 'NMPA_INNOVATIVE_DRUGS', '2023-01-01', '2023-12-31', 40, null, null,
 'CONFIRMED', null, '40 innovative drugs (19 chemical, 16 biologic, 5 TCM): CDE 《2023年度药品审评报告》, whose annex 1 lists each drug and its applicant (confident).', now(), now(), 0),
('01900000-0000-7000-8000-000000000717', 'CN', null, 'NMPA_INNOVATIVE_DRUGS', '2024-01-01', '2024-12-31', 48, null, null,
 'UNCONFIRMED', null, '48 innovative drugs (23 chemical, 22 therapeutic biologic, 3 TCM; confident, the publication is not recorded).', now(), now(), 0),
('01900000-0000-7000-8000-000000000718', 'CN', null, 'NMPA_INNOVATIVE_DRUGS', '2025-01-01', '2025-12-31', 76, null, null,
 'CONFIRMED', '2026-01-03', '76 innovative drugs (47 chemical, 9 of them imported; 23 biologic, 2 imported; 6 TCM; 11 first-in-class): NMPA, 2026-01-03 (confident). Yaozh counts 86 by drug and company.', now(), now(), 0),
('01900000-0000-7000-8000-000000000719', 'CN', null, 'NMPA_INNOVATIVE_DRUGS', '2025-01-01', '2025-07-31', 50, null, null,
 'UNCONFIRMED', null, '50 innovative drugs by the end of July 2025 (the publication is not recorded).', now(), now(), 0),
('01900000-0000-7000-8000-000000000720', 'CN', null, 'NMPA_INNOVATIVE_DRUGS', '2021-01-01', '2025-12-31', 230, null, null,
 'UNCONFIRMED', null, '230 innovative drugs in 2021–2025 (the publication is not recorded).', now(), now(), 0)
on conflict (id) do nothing;

-- Databases seeded before these counts were reviewed: figures whose publication is not recorded are UNCONFIRMED,
-- and Hubei's 2020–2024 count ends on the day it was published.
update published_count set evidence = 'UNCONFIRMED'
where id in ('01900000-0000-7000-8000-000000000713', '01900000-0000-7000-8000-000000000714',
             '01900000-0000-7000-8000-000000000715', '01900000-0000-7000-8000-000000000717',
             '01900000-0000-7000-8000-000000000719', '01900000-0000-7000-8000-000000000720')
  and evidence = 'REPORTED';
update published_count set period_to = '2024-12-02'
where id = '01900000-0000-7000-8000-000000000710' and period_to = '2024-12-31';

-- The demo's rows get one baseline revision, as V7 gives rows that exist before history starts: each row's history
-- then starts from its seeded state, so that its first edit lists only what the edit changed, and the record as it
-- was known at a past instant can be rebuilt from history. Rows that already have a history are left alone.
do
$$
    declare
        audited text;
        columns text;
        baseline bigint;
        missing boolean := false;
        pending boolean;
    begin
        foreach audited in array array ['cluster', 'organization', 'candidate', 'milestone', 'approval', 'target',
            'published_count']
            loop
                execute format('select exists(select 1 from %I t where not exists(select 1 from %I h where h.id = t.id))',
                               audited, audited || '_aud') into pending;
                missing := missing or pending;
            end loop;
        if not missing then
            return;
        end if;
        baseline := nextval('revision_seq');
        insert into revision (id, changed_at, author) values (baseline, now(), 'demo-seed');
        foreach audited in array array ['cluster', 'organization', 'candidate', 'milestone', 'approval', 'target',
            'published_count']
            loop
                select string_agg(quote_ident(column_name), ', ') into columns from information_schema.columns
                where table_schema = current_schema() and table_name = audited || '_aud'
                  and column_name not in ('rev', 'revtype');
                execute format('insert into %I (%s, rev, revtype) select %s, %s, 0 from %I t'
                                   || ' where not exists(select 1 from %I h where h.id = t.id)', audited || '_aud',
                               columns, columns, baseline, audited, audited || '_aud');
            end loop;
    end
$$;
