'use strict';
// The dashboard: built on the public API only. Every answer is kept with its ETag and asked for again with
// If-None-Match, so a refresh that finds nothing changed costs 304s and redraws nothing.
(function () {
  const API = '/api/v1';
  const TEXT = window.DASHBOARD_TEXT;
  const FILTERS = ['target', 'region', 'cluster', 'asOf', 'evidence'];
  // Every five minutes while visible: about twenty requests a load, well inside one address's anonymous limit.
  const REFRESH_MS = 300000;
  const STATUS_COLORS = {
    MET: '#2e7d32', EXCEEDED: '#00897b', IN_PROGRESS: '#1e88e5', MISSED: '#c62828', NOT_STARTED: '#9e9e9e'
  };
  const CATEGORY_COLORS = ['#1e88e5', '#43a047', '#fb8c00', '#8e24aa'];
  const PHASES = ['PRECLINICAL', 'IND_APPROVED', 'PHASE_1', 'PHASE_2', 'PHASE_3', 'NDA_SUBMITTED', 'APPROVED', 'DISCONTINUED'];
  const COLLABORATION_TYPES = ['JOINT_RD', 'TECH_TRANSFER', 'LICENSING'];

  const kept = new Map();
  const charts = [];
  const stats = { requests: 0, notModified: 0, loads: 0 };
  let filters = {};
  let lang = 'zh';
  let loadSeq = 0;
  let loading = false;
  // What is on screen: the language and filters it was drawn for, so that a view made only of 304s is redrawn when
  // it is not the one shown.
  let rendered = null;

  // ---- words and numbers ----

  function t(key, vars) {
    let text = TEXT[lang][key] ?? TEXT.en[key] ?? key;
    for (const [name, value] of Object.entries(vars || {})) {
      text = text.replaceAll('{' + name + '}', () => String(value));
    }
    return text;
  }

  function percent(p) {
    return p == null ? '–' : (p * 100).toFixed(1) + '%';
  }

  function decimal(x) {
    return x == null ? '–' : (Math.round(x * 100) / 100).toString();
  }

  function localName(row) {
    return (lang === 'zh' && row.nameZh) || row.name || row.nameZh || row.code;
  }

  /** A candidate as the target panels name it (its name, else its code), with its other names beside it. */
  function candidateLabel(candidate) {
    const first = (lang === 'zh' && candidate.nameZh) || candidate.name || candidate.code;
    const others = [candidate.name, candidate.nameZh, candidate.code].filter(x => x && x !== first);
    return [first, others.length ? el('span', { class: 'muted' }, ' ' + [...new Set(others)].join(' · ')) : null];
  }

  function scope() {
    return { regionCode: filters.region, clusterId: filters.cluster };
  }

  function inScope(row, clusterOf) {
    return (!filters.region || row.regionCode === filters.region) && (!filters.cluster || clusterOf(row) === filters.cluster);
  }

  function yearsShown(year) {
    return { from: year - 9, to: year };
  }

  // ---- the API ----

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem.detail || problem.title || String(status));
      this.status = status;
      this.problem = problem;
    }
  }

  function address(path, params) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== undefined && value !== null && value !== '') {
        query.set(name, value);
      }
    }
    const text = query.toString();
    return API + path + (text ? '?' + text : '');
  }

  async function getJson(path, params) {
    const url = address(path, params);
    const known = kept.get(url);
    const headers = { Accept: 'application/json' };
    if (known) {
      headers['If-None-Match'] = known.etag;
    }
    let response;
    try {
      response = await fetch(url, { headers, cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, { detail: t('unreachable') });
    }
    stats.requests++;
    if (response.status === 304 && known) {
      stats.notModified++;
      return known.body;
    }
    if (!response.ok) {
      let problem;
      try {
        problem = await response.json();
      } catch (e) {
        problem = { title: response.statusText };
      }
      throw new ApiError(response.status, problem);
    }
    const body = await response.json();
    const etag = response.headers.get('ETag');
    if (etag) {
      kept.set(url, { etag, body });
    }
    return body;
  }

  async function allPages(path, params) {
    let items = [];
    let cursor = null;
    do {
      const page = await getJson(path, { ...params, limit: 500, cursor });
      items = items.concat(page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  // ---- the page's state in its URL ----

  function readUrl() {
    const query = new URLSearchParams(location.search);
    filters = {};
    for (const name of FILTERS) {
      filters[name] = query.get(name) || '';
    }
    const asked = query.get('lang');
    lang = asked === 'en' || asked === 'zh' ? asked : (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  function writeUrl() {
    const query = new URLSearchParams();
    for (const name of FILTERS) {
      if (filters[name]) {
        query.set(name, filters[name]);
      }
    }
    query.set('lang', lang);
    history.replaceState(null, '', location.pathname + '?' + query.toString());
  }

  // ---- DOM helpers ----

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) {
        continue;
      }
      if (name === 'class') {
        node.className = value;
      } else if (name === 'style') {
        Object.assign(node.style, value);
      } else {
        node.setAttribute(name, value === true ? '' : value);
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child !== undefined && child !== null && child !== false) {
        node.append(child instanceof Node ? child : String(child));
      }
    }
    return node;
  }

  function chip(value, kind) {
    return el('span', { class: 'chip ' + (kind || '') + ' ' + String(value).toLowerCase(), 'data-value': value }, t(value));
  }

  function sourceLink(url) {
    let safe = null;
    try {
      safe = url && ['http:', 'https:'].includes(new URL(url).protocol) ? url : null;
    } catch (e) {
      safe = null;
    }
    return safe ? el('a', { href: safe, target: '_blank', rel: 'noopener noreferrer' }, t('open'))
      : el('span', { class: 'muted' }, t('noSource'));
  }

  function translateStatic() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    for (const node of document.querySelectorAll('[data-i18n]')) {
      node.textContent = t(node.dataset.i18n);
    }
    document.getElementById('lang').textContent = t('switchTo');
  }

  function setState(state) {
    document.body.dataset.state = state;
    document.getElementById('content').hidden = state !== 'ready';
    document.getElementById('error').hidden = state !== 'error';
    document.getElementById('empty').hidden = state !== 'empty';
  }

  function showStats() {
    document.body.dataset.requests = stats.requests;
    document.body.dataset.notModified = stats.notModified;
    document.body.dataset.loads = stats.loads;
  }

  function options(select, entries, chosen) {
    const first = select.options[0];
    select.replaceChildren(first);
    first.textContent = t('all');
    for (const [value, label] of entries) {
      select.append(el('option', { value, selected: value === chosen }, label));
    }
    select.value = chosen;
  }

  // ---- charts ----

  function disposeCharts() {
    while (charts.length) {
      charts.pop().dispose();
    }
  }

  /** A chart, described for screen readers by {@code label} rather than by ECharts' generated text. */
  function chart(node, option, label) {
    const instance = echarts.init(node, null, { renderer: 'svg', locale: lang === 'zh' ? 'ZH' : 'EN' });
    instance.setOption({ animation: false, aria: { enabled: false }, textStyle: { fontFamily: 'inherit' }, ...option });
    node.setAttribute('aria-label', label);
    charts.push(instance);
    return instance;
  }

  // ---- loading ----

  async function load(background) {
    if (background && loading) {
      return;
    }
    loading = true;
    const seq = ++loadSeq;
    const before = { requests: stats.requests, notModified: stats.notModified };
    translateStatic();
    const view = lang + '|' + JSON.stringify(filters);
    if (!rendered) {
      setState('loading');
    }
    if (!background) {
      setStatus(t('loading'));
    }
    try {
      const data = await fetchAll();
      if (seq !== loadSeq) {
        return;
      }
      stats.loads++;
      const unchanged = stats.requests - before.requests === stats.notModified - before.notModified;
      const time = new Date().toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB');
      if (data.empty) {
        rendered = null;
        disposeCharts();
        setState('empty');
      } else if (!(unchanged && rendered === view)) {
        render(data);
        rendered = view;
        setState('ready');
      }
      // A background refresh that found nothing new stays quiet, so that a screen reader is not told every time.
      if (!(background && unchanged)) {
        setStatus(t(unchanged && stats.loads > 1 ? 'unchanged' : 'updated', { time }));
      }
    } catch (error) {
      if (seq !== loadSeq) {
        return;
      }
      rendered = null;
      disposeCharts();
      showError(error);
    } finally {
      if (seq === loadSeq) {
        loading = false;
      }
      showStats();
    }
  }

  function setStatus(text) {
    document.getElementById('status').textContent = text;
  }

  function showError(error) {
    const detail = error instanceof ApiError
      ? (error.status === 0 ? t('unreachable') : t('errorStatus', {
        status: error.status, title: error.problem.title || '', detail: error.problem.detail || ''
      }))
      : t('unreachable');
    document.getElementById('error-detail').textContent = detail;
    setStatus('');
    setState('error');
  }

  async function fetchAll() {
    const [targets, clusters] = await Promise.all([allPages('/targets'), allPages('/clusters')]);
    fillFilters(targets, clusters);
    const [report, league, pipeline, approvals, freshness, changes, outlooks] = await Promise.all([
      getJson('/indicators', { targetId: filters.target, asOf: filters.asOf, include: 'approvals' }),
      getJson('/indicators/league', { asOf: filters.asOf }),
      getJson('/pipeline', scope()),
      getJson('/approvals', { ...scope(), approvedTo: filters.asOf, sort: '-approvedOn', limit: 10 }),
      getJson('/sources/freshness'),
      getJson('/changes', { limit: 1 }),
      getJson('/events', { type: 'target.outlook_changed', limit: 500 })
    ]);
    if (!targets.length && !clusters.length && !approvals.items.length) {
      const everything = await getJson('/pipeline');
      if (everything.total === 0) {
        return { empty: true };
      }
    }
    const year = Number(report.asOf.slice(0, 4));
    const shownClusters = clusters.filter(c => inScope(c, x => x.id));
    const candidateIds = [...new Set(approvals.items.map(a => a.candidateId))];
    // Regions publish their counts after a year ends: compare the last whole year before the as-of date.
    const [yearly, scorecards, candidates, regions] = await Promise.all([
      getJson('/approvals/yearly', { ...scope(), ...yearsShown(year), evidence: filters.evidence }),
      Promise.all(shownClusters.map(c => getJson('/clusters/' + c.id + '/scorecard', { year }))),
      Promise.all(candidateIds.map(id => getJson('/candidates/' + id))),
      getJson('/indicators/regions', { year: Math.max(year - 1, 1950), asOf: filters.asOf })
    ]);
    const shownTargets = targets.filter(target => inScope(target, x => x.clusterId));
    return {
      targets, shownTargets, clusters, shownClusters, report, league, pipeline, approvals, yearly, scorecards, year, freshness,
      regions, changes, outlooks,
      candidates: new Map(candidates.map(c => [c.id, c]))
    };
  }

  function fillFilters(targets, clusters) {
    const form = document.getElementById('filters');
    const regions = [...new Set(targets.map(x => x.regionCode).concat(clusters.map(x => x.regionCode)).filter(Boolean))].sort();
    options(form.region, regions.map(code => [code, code]), filters.region);
    options(form.cluster, clusters.filter(c => !filters.region || c.regionCode === filters.region)
      .map(c => [c.id, localName(c)]), filters.cluster);
    options(form.target, targets.filter(x => inScope(x, y => y.clusterId)).map(x => [x.id, localName(x)]), filters.target);
    form.evidence.value = filters.evidence;
    // A date the field cannot hold is left to the API, which answers what is wrong with it; one being typed is kept.
    if (document.activeElement !== form.asOf) {
      form.asOf.value = /^\d{4}-\d{2}-\d{2}$/.test(filters.asOf) ? filters.asOf : '';
    }
  }

  // ---- rendering ----

  function render(data) {
    disposeCharts();
    renderDownloads(data);
    renderFreshness(data.freshness);
    renderChanged(data.changes);
    renderLeague(data);
    renderRegions(data.regions);
    renderTargets(data);
    renderPipeline(data.pipeline);
    renderYearly(data.yearly);
    renderApprovals(data);
    renderScorecards(data);
  }

  /** How current the counts are: each official list's latest saved copy (GET /sources/freshness). */
  function renderFreshness(freshness) {
    const saved = freshness.filter(entry => entry.documentId);
    document.getElementById('freshness').textContent = saved.length === 0 ? t('noSources')
      : t('freshness', {
        lists: saved.map(entry => t(entry.ageDays === 0 ? 'savedToday' : 'savedDaysAgo',
          { kind: t(entry.kind), days: entry.ageDays }) + (entry.pending ? t('pending', { n: entry.pending }) : ''))
          .join(lang === 'zh' ? '；' : '; ')
      });
  }

  /** When the data last changed: the latest revision's commit time (GET /changes), not when the page loaded. */
  function renderChanged(changes) {
    document.getElementById('data-changed').textContent = changes.latestChangedAt
      ? t('dataChanged', { time: new Date(changes.latestChangedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') })
      : '';
  }

  /** The count a chart or line shows: confirmed, or confirmed or reported when the page is asked to show both. */
  function shownCount(counts, confirmed) {
    return filters.evidence === 'REPORTED' ? counts.confirmedOrReported : confirmed;
  }

  /** "1 if the reports hold" beside a confirmed count, when the reports would change it. */
  function ifReports(counts, confirmed) {
    return counts && counts.confirmedOrReported !== confirmed
      ? el('span', { class: 'muted', 'data-field': 'if-reports' }, ' ' + t('ifReports', { n: counts.confirmedOrReported }))
      : null;
  }

  /** Excel and CSV (with the byte-order mark Excel needs for Chinese) of what {@code what} names, in the page's language. */
  function downloadLinks(what, path, params, feed) {
    const words = lang === 'zh' ? { lang: 'zh' } : {};
    const links = [el('span', { class: 'muted' }, t(what) + ':'),
      el('a', { href: address(path, { ...params, ...words, format: 'xlsx' }), download: true, 'data-format': 'xlsx' }, t('xlsx')),
      el('a', { href: address(path, { ...params, ...words, format: 'csv', bom: true }), download: true, 'data-format': 'csv' }, t('csv'))];
    if (feed) {
      links.push(el('a', { href: address(feed.path, { ...feed.params, ...words, format: 'atom' }), type: 'application/atom+xml',
        'data-format': 'atom', title: t('feedHint') }, t('feed')));
    }
    return links;
  }

  /** The Atom feed of what a section shows: its events, or the changes of its records. */
  const TARGET_EVENTS = 'target.status_changed,target.outlook_changed';
  function eventsFeed(type, params) {
    return { path: '/events', params: { type, ...params } };
  }

  function renderDownloads(data) {
    const links = {
      league: downloadLinks('dlLeague', '/indicators/league', { asOf: filters.asOf }, eventsFeed(TARGET_EVENTS, {})),
      regions: downloadLinks('dlRegions', '/indicators/regions', { year: data.regions.year, asOf: filters.asOf },
        eventsFeed('published_count.created,published_count.updated,published_count.deleted', {})),
      candidates: downloadLinks('dlCandidates', '/candidates', scope(),
        eventsFeed('candidate.created,candidate.phase_changed,candidate.updated,candidate.deleted', scope())),
      yearly: downloadLinks('dlYearly', '/approvals/yearly', { ...scope(), ...yearsShown(data.year), evidence: filters.evidence },
        eventsFeed('approval.created,approval.updated,approval.deleted', scope())),
      approvals: downloadLinks('dlApprovals', '/approvals', { ...scope(), approvedTo: filters.asOf, sort: '-approvedOn' },
        eventsFeed('approval.created,approval.updated,approval.deleted', scope())),
      clusters: downloadLinks('dlClusters', '/clusters', { regionCode: filters.region },
        { path: '/changes', params: { resource: 'clusters,organizations,collaborations' } })
    };
    for (const node of document.querySelectorAll('[data-download]')) {
      node.replaceChildren(...links[node.dataset.download]);
    }
  }

  /** A count a region published about itself, labelled as its own claim, with its period and source. */
  function claim(published) {
    if (!published) {
      return '';
    }
    const period = published.periodFrom.slice(0, 7) + '–' + published.periodTo.slice(0, 7);
    return el('span', { class: 'claim', title: t('claimHint') }, t('ownClaim', { n: published.value, period }),
      published.sourceUrl ? ' ' : '', published.sourceUrl ? sourceLink(published.sourceUrl) : '');
  }

  function renderLeague(data) {
    const shown = new Set(data.shownTargets.map(x => x.id));
    const table = document.getElementById('league');
    table.tHead.replaceChildren(el('tr', {}, ['rank', 'name', 'period', 'goal', 'actual', 'reached', 'status',
      'probability', 'outlook', 'published'].map(key => el('th', {}, t(key)))));
    table.tBodies[0].replaceChildren(...data.league.filter(entry => shown.has(entry.targetId)).map(entry => el('tr', {
      'data-target': entry.targetId, class: entry.targetId === filters.target ? 'selected' : null
    },
    el('td', { class: 'num' }, entry.rank),
    el('td', {}, el('a', { href: '#target-' + entry.targetId }, localName(entry)), ' ', chip(entry.kind, 'kind')),
    el('td', {}, entry.fromYear + '–' + entry.toYear),
    el('td', { class: 'num', 'data-field': 'goal', title: t(entry.kind === 'ANNUAL' ? 'goalAnnual' : 'goalTotal') },
      entry.goal),
    el('td', { class: 'num', 'data-field': 'actual' }, entry.actual),
    el('td', { 'data-field': 'reached' }, el('span', { class: 'bar' },
      el('span', { style: { width: Math.min(100, (entry.shareReached || 0) * 100) + '%' } })), ' ',
    percent(entry.shareReached),
    entry.yearsJudged == null ? '' : el('span', { class: 'muted', 'data-field': 'years' },
      ' ' + t('yearsMet', { met: entry.yearsMet, judged: entry.yearsJudged }))),
    el('td', {}, chip(entry.status, 'status')),
    el('td', { class: 'num', 'data-field': 'probability' }, percent(entry.probability)),
    el('td', {}, chip(entry.outlook, 'outlook')),
    el('td', { 'data-field': 'published' }, claim(entry.published)))));
  }

  /** Each region's confirmed count beside the count it published, and the national total. */
  function renderRegions(regions) {
    const rows = regions.regions;
    const name = code => t(code) === code ? code : t(code);
    document.getElementById('regions-note').textContent = t('regionsNote', {
      year: regions.year,
      national: regions.national ? t(regions.national.metric === 'NMPA_INNOVATIVE_DRUGS' ? 'nationalNmpa' : 'nationalClass1',
        { n: regions.national.value }) : t('noNational')
    });
    chart(document.getElementById('regions-chart'), {
      legend: { top: 0, itemGap: 16 },
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 12, top: 32, bottom: 48 },
      xAxis: { type: 'category', data: rows.map(r => name(r.regionCode)), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('counted'), type: 'bar', data: rows.map(r => r.counted), color: '#1565c0',
          label: { show: true, position: 'top', formatter: p => (p.value ? p.value : '') } },
        { name: t('ownClaimSeries'), type: 'bar', data: rows.map(r => r.published), color: '#bdbdbd',
          itemStyle: { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -0.8 } },
          label: { show: true, position: 'top', formatter: p => (p.value == null ? '' : p.value) } }
      ]
    }, t('regions') + ': ' + rows.map(r => name(r.regionCode) + ' ' + r.counted
      + (r.published == null ? '' : ' / ' + t('ownClaimSeries') + ' ' + r.published)).join('; '));
    const table = document.getElementById('regions');
    table.tHead.replaceChildren(el('tr', {}, ['rank', 'region', 'counted', 'countedOrReported', 'ownClaimSeries',
      'coverage', 'share', 'publishedShare'].map(key => el('th', {}, t(key)))));
    table.tBodies[0].replaceChildren(...rows.map(r => el('tr', {
      'data-region': r.regionCode, class: r.regionCode === filters.region ? 'selected' : null
    },
    el('td', { class: 'num' }, r.rank),
    el('td', {}, name(r.regionCode)),
    el('td', { class: 'num', 'data-field': 'counted' }, r.counted),
    el('td', { class: 'num', 'data-field': 'countedOrReported' }, r.countedOrReported),
    el('td', { class: 'num claim', 'data-field': 'published', title: t('claimHint') },
      r.published == null ? '–' : r.published, r.publishedSourceUrl ? ' ' : '',
      r.publishedSourceUrl ? sourceLink(r.publishedSourceUrl) : ''),
    el('td', { class: 'num', 'data-field': 'coverage' }, percent(r.coverage)),
    el('td', { class: 'num', 'data-field': 'share' }, percent(r.share)),
    el('td', { class: 'num claim', 'data-field': 'publishedShare' }, percent(r.publishedShare)))));
  }

  function renderTargets(data) {
    const container = document.getElementById('targets');
    const shown = data.shownTargets.filter(x => !filters.target || x.id === filters.target);
    document.getElementById('no-targets').hidden = shown.length > 0;
    container.replaceChildren(...shown.map(target => targetPanel(target, data)));
    for (const target of shown) {
      drawTarget(target, data);
    }
  }

  function targetPanel(target, data) {
    const panel = el('section', { class: 'panel wide target', id: 'target-' + target.id, 'data-code': target.code },
      el('div', { class: 'panel-head' },
        el('h2', {}, localName(target)),
        el('span', { class: 'meta' }, chip(target.kind, 'kind'), ' ', target.fromYear + '–' + target.toYear, ' · ',
          target.regionCode || '', ' · ', t('source') + ': ', sourceLink(target.sourceUrl))),
      el('span', { class: 'downloads', 'data-download-target': target.id },
        downloadLinks('dlTarget', '/indicators', { targetId: target.id, asOf: filters.asOf },
          eventsFeed(TARGET_EVENTS, { targetId: target.id }))));
    panel.append(alertNote(target, data));
    const items = data.report.items.filter(item => item.targetId === target.id);
    const total = data.report.totals.find(x => x.targetId === target.id);
    const cumulative = data.report.cumulative.find(x => x.targetId === target.id);
    panel.append(el('p', { class: 'hint', 'data-field': 'evidence-counted' },
      t(filters.evidence === 'REPORTED' ? 'countsReported' : 'countsConfirmed')));
    if (total) {
      panel.append(progress('total', total.actual, total.goal, total.status, total.outlook,
        t('goalOf', { actual: total.actual, goal: total.goal }) + ' ' + t('ifReports', { n: total.byEvidence.confirmedOrReported })
        + ' · ' + t('expectedBy', { expected: decimal(total.expected) })
        + ' · ' + t('chance', { p: percent(total.probabilityReachingGoal) }) + ' · '
        + (total.countFrom ? t('countsSince', { since: total.countFrom }) : t('countsEver')), total.approvals,
        total.uncertain));
    }
    if (cumulative) {
      panel.append(progress('cumulative', cumulative.cumulativeActual, cumulative.cumulativeMin, cumulative.status, null,
        t('goalOf', { actual: cumulative.cumulativeActual, goal: cumulative.cumulativeMin }), []));
    }
    if (items.length) {
      panel.append(el('h3', {}, t('yearlyBand')),
        el('div', { class: 'chart', id: 'annual-' + target.id, role: 'img' }),
        el('ul', { class: 'years' }, items.map(item => yearLine(item))),
        el('div', { class: 'distributions' }, items.filter(item => item.forecast).map(item =>
          el('div', { class: 'distribution' },
            el('h4', {}, t('distribution', { year: item.year })),
            el('div', { class: 'chart small', id: 'distribution-' + target.id + '-' + item.year, role: 'img' })))));
    }
    return panel;
  }

  /** When the target's outlook last changed, from its target.outlook_changed events. */
  function alertNote(target, data) {
    const last = data.outlooks.items.find(event => event.data.id === target.id);
    if (!last) {
      return el('p', { class: 'hint alert', 'data-field': 'outlook-changed' }, t('outlookNeverChanged'));
    }
    return el('p', { class: 'hint alert', 'data-field': 'outlook-changed' }, t('outlookChanged', {
      time: new Date(last.time).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'), period: last.data.period,
      from: t(last.data.previousOutlook), to: t(last.data.outlook) }));
  }

  function progress(kind, actual, goal, status, outlook, text, approvals, uncertain = []) {
    return el('div', { class: 'progress', 'data-kind': kind, 'data-actual': actual, 'data-goal': goal },
      el('div', { class: 'progress-label' }, el('strong', {}, t(kind)), ' ', chip(status, 'status'),
        outlook ? chip(outlook, 'outlook') : null),
      el('div', { class: 'bar big' }, el('span', {
        style: { width: Math.min(100, goal ? actual / goal * 100 : 0) + '%', background: STATUS_COLORS[status] }
      })),
      el('p', {}, text),
      approvals.length ? el('p', { class: 'counted' }, approvals.map(a => approvalRef(a))) : null,
      uncertain.length ? el('p', { class: 'counted' }, uncertain.map(a => uncertainRef(a))) : null);
  }

  /** An approval behind a count; one short of confirmed is listed but says that it does not count. */
  function approvalRef(approval) {
    const counted = approval.evidence === 'CONFIRMED';
    return el('span', { class: 'counted-approval', 'data-counted': String(counted) }, approval.candidateName, ' (',
      dated(approval), ', ', chip(approval.evidence, 'evidence'), counted ? null : ', ' + t('notCounted'), ') ');
  }

  /** An approval that may fall in the year (or period) but not certainly: listed apart, never counted. */
  function uncertainRef(approval) {
    return el('span', { class: 'uncertain-approval', 'data-approval': approval.id }, approval.candidateName, ' (',
      dated(approval), ', ', chip(approval.evidence, 'evidence'), ', ' + t('uncertainYear'), ') ');
  }

  /** A date as precisely as it is known: the day, or the range of days it lies in. */
  function dated(approval) {
    const latest = approval.latestApprovedOn;
    return !latest || latest === approval.approvedOn ? approval.approvedOn : approval.approvedOn + '…' + latest;
  }

  function yearLine(item) {
    const parts = [el('strong', {}, item.year), ' ', chip(item.status, 'status'), ' ',
      t('actual') + ' ' + item.actual + ' / ' + item.annualMin + (item.annualMax != null ? '–' + item.annualMax : '+'),
      ifReports(item.byEvidence, item.actual)];
    if (item.forecast) {
      parts.push(' · ', t('meetMin', { p: percent(item.forecast.probabilityMeetingMin) }),
        ' · ', t('within', { p: percent(item.forecast.probabilityWithinRange) }), ' ', chip(item.forecast.outlook, 'outlook'));
    }
    if (item.approvals.length) {
      parts.push(el('br'), item.approvals.map(a => approvalRef(a)));
    }
    if (item.uncertain.length) {
      parts.push(el('br'), item.uncertain.map(a => uncertainRef(a)));
    }
    return el('li', { 'data-year': item.year }, parts);
  }

  function drawTarget(target, data) {
    const items = data.report.items.filter(item => item.targetId === target.id);
    if (!items.length) {
      return;
    }
    const min = items[0].annualMin;
    const max = items[0].annualMax;
    const countName = t(filters.evidence === 'REPORTED' ? 'countReported' : 'actualCount');
    const description = t('yearlyBand') + ': ' + items.map(item => item.year + ' ' + countName + ' '
      + shownCount(item.byEvidence, item.actual)
      + (item.forecast ? ', ' + t('expected') + ' ' + decimal(item.forecast.expected) : '')).join('; ');
    chart(document.getElementById('annual-' + target.id), {
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      legend: { top: 0, itemGap: 16, data: [countName, t('expected')] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: items.map(item => String(item.year)) },
      yAxis: { type: 'value', minInterval: 1, max: value => Math.max(value.max, (max ?? min) + 1) },
      series: [{
        name: countName, type: 'bar', barMaxWidth: 48, color: '#607d8b',
        data: items.map(item => ({ value: shownCount(item.byEvidence, item.actual), itemStyle: { color: STATUS_COLORS[item.status] } })),
        label: { show: true, position: 'top' },
        markArea: {
          silent: true, itemStyle: { color: 'rgba(46,125,50,0.12)' },
          label: { show: true, position: 'insideTopRight', color: '#1b5e20', formatter: t('band') + ' ' + min + '–' + (max ?? '∞') },
          data: [[{ yAxis: min }, { yAxis: max ?? min }]]
        }
      }, {
        name: t('expected'), type: 'line', symbolSize: 8, connectNulls: false,
        data: items.map(item => item.forecast ? item.forecast.expected : null),
        label: { show: true, formatter: p => decimal(p.value) }
      }]
    }, description);
    for (const item of items.filter(x => x.forecast)) {
      const entries = item.forecast.distribution;
      chart(document.getElementById('distribution-' + target.id + '-' + item.year), {
        grid: { left: 44, right: 8, top: 24, bottom: 36 },
        tooltip: { trigger: 'axis', valueFormatter: percent },
        xAxis: { type: 'category', name: t('countAxis'), nameLocation: 'middle', nameGap: 22,
          data: entries.map(e => e.count + (e.orMore ? '+' : '')) },
        yAxis: { type: 'value', max: 1, axisLabel: { formatter: v => Math.round(v * 100) + '%' } },
        series: [{
          type: 'bar', name: t('probAxis'),
          data: entries.map(e => ({
            value: e.probability,
            itemStyle: { color: e.count >= min && (max == null || e.count <= max) ? '#2e7d32' : '#90a4ae' }
          })),
          label: { show: true, position: 'top', formatter: p => percent(p.value) }
        }]
      }, t('distribution', { year: item.year }) + ': ' + entries.map(e => e.count + (e.orMore ? '+' : '') + ' '
        + percent(e.probability)).join('; '));
    }
  }

  function renderPipeline(pipeline) {
    const byPhase = new Map(pipeline.byPhase.map(x => [x.phase, x.count]));
    const categories = [...new Set(pipeline.byPhaseAndCategory.map(x => x.category))];
    const count = (phase, category) =>
      (pipeline.byPhaseAndCategory.find(x => x.phase === phase && x.category === category) || {}).count || 0;
    chart(document.getElementById('pipeline-chart'), {
      title: { text: t('candidates') + ' ' + pipeline.total, textStyle: { fontSize: 13 } },
      legend: { bottom: 0, type: 'scroll', itemGap: 16 },
      tooltip: { trigger: 'axis' },
      grid: { left: 100, right: 36, top: 32, bottom: 48 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: PHASES.map(p => t(p) + ' ' + (byPhase.get(p) || 0)) },
      series: categories.map((category, i) => ({
        name: t(category), type: 'bar', stack: 'phase', color: CATEGORY_COLORS[i % CATEGORY_COLORS.length],
        data: PHASES.map(phase => count(phase, category))
      }))
    }, t('pipeline') + ': ' + PHASES.map(p => t(p) + ' ' + (byPhase.get(p) || 0)).join('; '));
  }

  function renderYearly(yearly) {
    document.getElementById('yearly-evidence').textContent =
      t(filters.evidence === 'REPORTED' ? 'countsReported' : 'countsConfirmed');
    chart(document.getElementById('yearly'), {
      legend: { top: 0, itemGap: 16 },
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 12, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: yearly.items.map(x => String(x.year)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('allApprovals'), type: 'bar', data: yearly.items.map(x => x.total), color: '#90caf9' },
        { name: t('class1'), type: 'bar', data: yearly.items.map(x => x.class1), color: '#1565c0',
          label: { show: true, position: 'top', formatter: p => (p.value ? p.value : '') } }
      ]
    }, t('yearly') + ': ' + yearly.items.map(x => x.year + ' ' + x.total + ' / ' + t('class1') + ' ' + x.class1).join('; '));
  }

  function renderApprovals(data) {
    const table = document.getElementById('approvals');
    const items = data.approvals.items;
    document.getElementById('no-approvals').hidden = items.length > 0;
    table.tHead.replaceChildren(el('tr', {}, ['approvedOn', 'drug', 'class', 'category', 'evidence', 'source']
      .map(key => el('th', {}, t(key)))));
    table.tBodies[0].replaceChildren(...items.map(approval => {
      const candidate = data.candidates.get(approval.candidateId) || {};
      return el('tr', { 'data-approval': approval.id },
        el('td', {}, dated(approval)),
        el('td', {}, candidateLabel(candidate)),
        el('td', {}, approval.registrationClass),
        el('td', {}, t(approval.category)),
        el('td', {}, chip(approval.evidence, 'evidence')),
        el('td', {}, sourceLink(approval.sourceUrl || approval.reportSourceUrl),
          approval.note ? el('details', {}, el('summary', {}, t('note')), el('p', {}, approval.note)) : null));
    }));
  }

  function renderScorecards(data) {
    const container = document.getElementById('scorecards');
    document.getElementById('no-clusters').hidden = data.shownClusters.length > 0;
    document.getElementById('scorecard-note').textContent = t('scorecardNote', { year: data.year });
    container.replaceChildren(...data.scorecards.map((card, i) => {
      const cluster = data.shownClusters[i];
      const most = Math.max(1, ...card.candidatesByPhase.map(x => x.count));
      const collaborations = (list) => COLLABORATION_TYPES.map(type =>
        t(type) + ' ' + ((list.find(x => x.type === type) || {}).count || 0)).join(' · ');
      return el('article', { class: 'scorecard', 'data-cluster': cluster.id },
        el('h3', {}, localName(cluster)),
        el('p', { class: 'muted' }, [cluster.regionCode, cluster.district].filter(Boolean).join(' · ')),
        el('dl', {},
          el('dt', {}, t('approvals') + ' ' + t('inYear', { year: card.year })),
          el('dd', { 'data-field': 'approvalsInYear' }, t('class1') + ' ' + card.approvalsInYear.class1 + ' · ' + t('all1') + ' ' + card.approvalsInYear.all),
          el('dt', {}, t('approvals') + ' ' + t('toDate')),
          el('dd', { 'data-field': 'approvalsToDate' }, t('class1') + ' ' + card.approvalsToDate.class1 + ' · ' + t('all1') + ' ' + card.approvalsToDate.all),
          el('dt', {}, t('collaborations') + ' ' + t('inYear', { year: card.year })),
          el('dd', {}, collaborations(card.collaborationsInYear)),
          el('dt', {}, t('collaborations') + ' ' + t('toDate')),
          el('dd', {}, collaborations(card.collaborationsToDate))),
        el('ul', { class: 'phases' }, card.candidatesByPhase.map(x => el('li', { 'data-phase': x.phase },
          el('span', { class: 'phase-name' }, t(x.phase)),
          el('span', { class: 'bar' }, el('span', { style: { width: (x.count / most * 100) + '%' } })),
          el('span', { class: 'num' }, x.count)))));
    }));
  }

  // ---- wiring ----

  function start() {
    readUrl();
    const form = document.getElementById('filters');
    form.addEventListener('change', event => {
      const name = event.target.name;
      if (!FILTERS.includes(name)) {
        return;
      }
      filters[name] = event.target.value;
      if (name === 'region') {
        filters.cluster = '';
        filters.target = '';
      } else if (name === 'cluster') {
        filters.target = '';
      }
      writeUrl();
      load();
    });
    form.addEventListener('submit', event => event.preventDefault());
    document.getElementById('refresh').addEventListener('click', () => load());
    document.getElementById('retry').addEventListener('click', () => load());
    document.getElementById('clear').addEventListener('click', () => {
      for (const name of FILTERS) {
        filters[name] = '';
      }
      writeUrl();
      load();
    });
    document.getElementById('lang').addEventListener('click', () => {
      lang = lang === 'zh' ? 'en' : 'zh';
      writeUrl();
      load();
    });
    window.addEventListener('resize', () => charts.forEach(c => c.resize()));
    setInterval(() => {
      if (document.visibilityState === 'visible') {
        load(true);
      }
    }, REFRESH_MS);
    writeUrl();
    load();
  }

  window.dashboard = { refresh: load, charts: () => charts.slice() };
  document.addEventListener('DOMContentLoaded', start);
})();
