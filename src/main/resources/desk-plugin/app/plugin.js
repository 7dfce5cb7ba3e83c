// The managers' desk (售后工作台) in Cockpit: find any case, open or closed, and read its whole story; the deadline
// board; today's money and work. Reads /camunda/api/cockpit/plugin/desk/{engine}/… (desk/DeskResource), which
// answers 403 to anyone without the desk grant; the navigation entry hides itself for them.
// Text from the server is always set as textContent, never as HTML.

const base = document.querySelector('base');
const engine = (window.location.pathname.match(/\/app\/cockpit\/([^/]+)/) || [])[1] || 'default';
const deskApi = `${base.getAttribute('cockpit-api')}plugin/desk/${engine}/`;
const engineApi = `${base.getAttribute('engine-api')}engine/${engine}/`;

const STATUS = {OPEN: '处理中', CLOSED: '已结案'};
const RESOLUTION = {
  REFUNDED: '已退款', WITHDRAWN: '买家撤销', REJECTED: '已拒绝', REFUSED: '拒绝退款', TO_RETURN: '转退货退款',
  RESOLVED: '已解决', NOT_CONFIRMED: '未确认', EXPIRED: '超时关闭', CANCELLED: '已取消', TO_EXCHANGE: '转换货',
  RETAINED: '买家保留商品', RESHIPPED: '已补发', GOODS_IN_LIEU: '以货代款', FOUND: '包裹已找到', EXCHANGED: '已换货',
  COMPENSATED: '已补偿',
  TRACKING_CORRECTED: '已更正单号', POSTAL_TRACKED: '邮政件已查询', TRACKING_SHOWN: '已告知物流', TO_RESHIP: '转补发'
};
const INSTANCE_STATE = {
  ACTIVE: '进行中', SUSPENDED: '已挂起', COMPLETED: '已完成', EXTERNALLY_TERMINATED: '被取消',
  INTERNALLY_TERMINATED: '流程内终止'
};

async function get(path) {
  const response = await fetch(deskApi + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.message || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

/** h('td', {class: 'x'}, 'text', otherNode, [more]): an element; strings become text nodes, arrays are spread. */
function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== false) element.setAttribute(name, value);
  });
  children.flat(Infinity).forEach(child => {
    if (child === null || child === undefined) return;
    element.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child);
  });
  return element;
}

const money = amount => amount === null || amount === undefined ? '' : `¥${Number(amount).toFixed(2)}`;
const duration = minutes => minutes < 60 ? `${minutes} 分钟`
  : minutes < 48 * 60 ? `${(minutes / 60).toFixed(1)} 小时` : `${(minutes / 1440).toFixed(1)} 天`;
const time = iso => iso ? iso.replace('T', ' ').slice(0, 16) : '';
const caseLink = caseNo => caseNo ? h('a', {href: `#/desk/case/${encodeURIComponent(caseNo)}`}, caseNo) : '（无单号）';
const listLink = (count, query) => h('a', {href: `#/desk/list?${new URLSearchParams(query)}`, class: 'desk-count'},
  String(count));

function table(headers, rows, attrs) {
  return h('table', Object.assign({class: 'table table-condensed desk-table'}, attrs || {}),
    h('thead', null, h('tr', null, headers.map(label => h('th', null, label)))),
    h('tbody', null, rows.length ? rows.map(cells => h('tr', null, cells.map(cell => h('td', null, cell))))
      : h('tr', null, h('td', {colspan: headers.length, class: 'desk-empty'}, '无'))));
}

function section(title, ...content) {
  return h('section', {class: 'desk-section'}, h('h3', null, title), content);
}

function failure(node, error) {
  node.replaceChildren(h('div', {class: 'alert alert-danger desk-error'},
    error.status === 403 ? '售后工作台只对主管开放。' : `读取失败：${error.message}`));
}

function searchForm(value) {
  const input = h('input', {type: 'search', class: 'form-control', name: 'q', value: value || '',
    placeholder: '售后单号、订单号、买家 ID／姓名／电话、运单号', 'aria-label': '查找售后单', maxlength: '64'});
  const form = h('form', {class: 'desk-search form-inline', role: 'search'}, input,
    h('button', {type: 'submit', class: 'btn btn-primary'}, '查找'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    window.location.hash = `#/desk/search?${new URLSearchParams({q: input.value.trim()})}`;
  });
  return form;
}

function hashQuery() {
  const hash = window.location.hash;
  return new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
}

// ---- the board ---------------------------------------------------------------------------------------------

async function renderBoard(node) {
  // the search form is there at once and stays: what an agent types while the board loads is kept
  const title = h('h2', null, '售后工作台');
  const body = h('div', null, h('p', null, '正在读取…'));
  node.replaceChildren(h('div', {class: 'desk'}, title, searchForm(), body));
  try {
    const [board, today] = await Promise.all([get('board'), get('today')]);
    title.appendChild(h('small', null, ` 截至 ${time(board.at)}`));
    body.replaceChildren(h('div', {class: 'desk-columns'},
      h('div', {class: 'desk-column'}, deadlines(board)),
      h('div', {class: 'desk-column'}, todayFigures(today), waitingSteps(board))));
  } catch (error) {
    failure(node, error);
  }
}

function deadlines(board) {
  return [
    section('任务期限', table(['', '任务数'], [
      ['已超时', listLink(board.tasksOverdue, {kind: 'tasks', overdue: 'true'})],
      [`${board.dueSoonWithin}内到期`, listLink(board.tasksDueSoon, {kind: 'tasks', overdue: 'false'})]
    ], {'data-board': 'tasks'})),
    section('平台时限', table(['时限', '计时中', `${board.atRiskWithin}内到期`], board.clocks.map(clock => [
      clock.label,
      listLink(clock.running, {kind: 'clock', clock: clock.clock}),
      h('span', {class: clock.atRisk > 0 ? 'desk-risk' : ''},
        listLink(clock.atRisk, {kind: 'clock', clock: clock.clock, atRisk: 'true'}))
    ]), {'data-board': 'clocks'})),
    section('故障（按原因）', table(['流程', '步骤', '原因', '数量'], board.incidents.map(incident => [
      incident.process, incident.step, incident.cause,
      listLink(incident.count, {kind: 'incidents', process: incident.process, activity: incident.activityId,
        cause: incident.cause})
    ]), {'data-board': 'incidents'})),
    section('未结案件（按流程）', table(['流程', '未结案件'], board.processes.map(process => [
      process.name || process.process, listLink(process.openCases, {kind: 'open', process: process.process})
    ]), {'data-board': 'processes'}))
  ];
}

function waitingSteps(board) {
  return section('等待中的步骤', table(['流程', '步骤', '等待中'], board.steps.map(step => [
    step.processName || step.process, step.step,
    listLink(step.waiting, {kind: 'steps', process: step.process, activity: step.activityId})
  ]), {'data-board': 'steps'}));
}

function todayFigures(today) {
  const name = key => today.processNames[key] || key;
  const week = today.timeToClose.map(t => [name(t.process), String(t.cases), duration(t.medianMinutes)]);
  return section(`今日（${today.day}）`,
    h('p', {class: 'desk-money', 'data-board': 'refunds'},
      `已退款 ${today.refundsPaid} 笔，共 ${money(today.refundedAmount)}`),
    h('h4', null, '今日新开'),
    table(['流程', '案件'], today.opened.map(o => [name(o.process), String(o.cases)]), {'data-board': 'opened'}),
    h('h4', null, '今日结案'),
    table(['流程', '结果', '案件'], today.closed.map(c => [name(c.process), RESOLUTION[c.resolution] || c.resolution || '',
      String(c.cases)]), {'data-board': 'closed'}),
    h('h4', null, '近 7 天结案用时（中位数）'),
    table(['流程', '结案数', '中位用时'], week, {'data-board': 'time-to-close'}));
}

// ---- a list behind a number, and search results ----------------------------------------------------------------

async function renderList(node) {
  const query = hashQuery();
  const kind = query.get('kind');
  query.delete('kind');
  const paths = {open: 'board/open', tasks: 'board/tasks', steps: 'board/steps', incidents: 'board/incidents',
    clock: `board/clocks/${encodeURIComponent(query.get('clock') || '')}`};
  if (kind === 'clock') query.delete('clock'); // in the path, not the query
  node.replaceChildren(h('div', {class: 'desk'}, h('p', null, '正在读取…')));
  try {
    if (!paths[kind]) throw new Error(`没有这种清单：${kind}`);
    const list = await get(`${paths[kind]}?${query}`);
    node.replaceChildren(h('div', {class: 'desk'},
      h('p', null, h('a', {href: '#/desk'}, '‹ 返回工作台')),
      h('h2', null, list.title, h('small', null, ` 共 ${list.total} 件`)),
      table(['售后单', '情况', '期限', ''], list.lines.map(line => [
        caseLink(line.caseNo), line.what || '', time(line.due),
        h('a', {href: `#/process-instance/${encodeURIComponent(line.processInstanceId)}/runtime`}, '流程实例')
      ]), {'data-list': kind}),
      list.total > list.lines.length ? h('p', null, `只列出最早的 ${list.lines.length} 件。`) : null));
  } catch (error) {
    failure(node, error);
  }
}

async function renderSearch(node) {
  const q = hashQuery().get('q') || '';
  const body = h('div', null, h('p', null, '正在查找…'));
  node.replaceChildren(h('div', {class: 'desk'}, h('p', null, h('a', {href: '#/desk'}, '‹ 返回工作台')),
    searchForm(q), body));
  try {
    const found = await get(`cases?${new URLSearchParams({q})}`);
    body.replaceChildren(
      h('h2', null, `“${q}”`, h('small', null, ` 找到 ${found.length} 件`)),
      table(['售后单', '订单号', '流程', '状态', '结果', '金额', '申请时间', '结案时间'], found.map(c => [
        caseLink(c.caseNo), c.orderNo, c.processName, STATUS[c.status] || c.status,
        RESOLUTION[c.resolution] || c.resolution || '', money(c.amount), time(c.openedAt), time(c.closedAt)
      ]), {'data-list': 'search'}));
  } catch (error) {
    failure(body, error);
  }
}

// ---- a case's story --------------------------------------------------------------------------------------------

async function renderStory(node, scope) {
  const caseNo = decodeURIComponent((window.location.hash.match(/#\/desk\/case\/([^?]+)/) || [])[1] || '');
  node.replaceChildren(h('div', {class: 'desk'}, h('p', null, '正在读取…')));
  try {
    const story = await get(`cases/${encodeURIComponent(caseNo)}`);
    const c = story.ledger;
    const diagrams = [];
    node.replaceChildren(h('div', {class: 'desk desk-story'},
      h('p', null, h('a', {href: '#/desk'}, '‹ 返回工作台')),
      searchForm(),
      h('h2', null, `售后单 ${c.caseNo}`, h('small', null, ` ${STATUS[c.status] || c.status}`
        + (c.resolution ? ` · ${RESOLUTION[c.resolution] || c.resolution}` : ''))),
      h('dl', {class: 'dl-horizontal desk-ledger'},
        h('dt', null, '订单号'), h('dd', null, c.orderNo),
        h('dt', null, '申请'), h('dd', null, story.asked),
        h('dt', null, '金额'), h('dd', null, money(c.amount)),
        h('dt', null, '流程'), h('dd', null, story.processName),
        h('dt', null, '申请人'), h('dd', null, c.openedBy || ''),
        h('dt', null, '处理人'), h('dd', null, c.handledBy || ''),
        h('dt', null, '申请时间'), h('dd', null, time(c.openedAt)),
        h('dt', null, '结案时间'), h('dd', null, time(c.closedAt) || '未结案'),
        c.note ? [h('dt', null, '说明'), h('dd', null, c.note)] : null),
      story.linkedCases.length
        ? section('关联售后单', h('p', null, story.linkedCases.map(no => [caseLink(no), ' ']))) : null,
      section('流程经过', story.instances.map(instance => processInstance(instance, diagrams))),
      section('任务', table(['任务', '处理人', '创建', '期限', '结束', '结果'], story.tasks.map(t => [
        t.name, t.assignee || '（未认领）', time(t.createdAt), time(t.dueAt), time(t.endedAt), t.outcome
      ]), {'data-story': 'tasks'})),
      section('退款', table(['金额', '状态', '幂等键', '支付参考号', '退款时间', '到账'], story.ledger.refunds.map(r => [
        money(r.amount), r.status === 'SUCCEEDED' ? '已退款' : '处理中', r.idempotencyKey, r.reference || '',
        time(r.paidAt), r.arrival || ''
      ]), {'data-story': 'refunds'})),
      section('备注', table(['时间', '备注', '旗帜', '作者'], story.ledger.remarks.map(r => [
        time(r.at), r.text, r.flag || '', r.author || ''
      ]), {'data-story': 'remarks'})),
      section('时间线', table(['时间', '事件', '操作人'], story.ledger.timeline.map(e => [
        time(e.at), e.text, e.actor || ''
      ]), {'data-story': 'timeline'}))));
    // drawn once on the page: the viewer fits the diagram to its holder's size
    diagrams.forEach(([holder, instance]) => drawPath(holder, instance, scope));
  } catch (error) {
    failure(node, error);
  }
}

function processInstance(instance, diagrams) {
  const diagram = h('div', {class: 'desk-diagram', 'data-instance': instance.id});
  const header = h('h4', null, `${instance.definitionName || instance.definitionKey}（第 ${instance.version} 版）`,
    h('small', null, ` ${INSTANCE_STATE[instance.state] || instance.state} · ${time(instance.startedAt)}`
      + (instance.endedAt ? ` – ${time(instance.endedAt)}` : '')),
    instance.state === 'ACTIVE'
      ? [' ', h('a', {href: `#/process-instance/${encodeURIComponent(instance.id)}/runtime`}, '在 Cockpit 中查看')]
      : null);
  const steps = table(['步骤', '类型', '开始', '结束'], instance.steps.map(step => [
    step.name || step.activityId, step.type, time(step.startedAt),
    step.canceled ? `${time(step.endedAt)}（中止）` : time(step.endedAt) || '进行中'
  ]), {'data-steps': instance.id});
  diagrams.push([diagram, instance]);
  return h('div', {class: 'desk-instance'}, header, diagram, h('details', null, h('summary', null,
    `经过的 ${instance.steps.length} 个步骤`), steps));
}

/**
 * The diagram as deployed, drawn by Cockpit's own BPMN viewer widget; the steps this instance took are marked
 * (finished green, still open blue), and a flow between two steps it took is drawn bold.
 */
async function drawPath(holder, instance, scope) {
  try {
    const response = await fetch(`${engineApi}process-definition/${encodeURIComponent(instance.definitionId)}/xml`,
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!response.ok) throw new Error(`${response.status}`);
    const xml = (await response.json()).bpmn20Xml;
    const injector = window.angular.element(document).injector() || window.angular.element(document.body).injector();
    const viewerScope = (scope && scope.$new ? scope : injector.get('$rootScope')).$new(true);
    viewerScope.xml = xml;
    viewerScope.control = {};
    viewerScope.loaded = () => markPath(viewerScope.control.getViewer(), instance, holder);
    const element = injector.get('$compile')('<div cam-widget-bpmn-viewer diagram-data="xml" control="control" '
      + `key="desk-${instance.id}" on-load="loaded()"></div>`)(viewerScope);
    holder.appendChild(element[0]);
    viewerScope.$applyAsync();
  } catch (error) {
    holder.appendChild(h('p', {class: 'desk-empty'}, `流程图无法显示（${error.message}）`));
  }
}

function markPath(viewer, instance, holder) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const taken = new Set();
  instance.steps.forEach(step => {
    const id = step.activityId.split('#')[0];
    if (!registry.get(id)) return;
    taken.add(id);
    canvas.addMarker(id, step.endedAt ? 'desk-done' : 'desk-open');
  });
  registry.filter(element => element.type === 'bpmn:SequenceFlow').forEach(flow => {
    if (taken.has(flow.source.id) && taken.has(flow.target.id)) canvas.addMarker(flow.id, 'desk-flow');
  });
  holder.setAttribute('data-marked', String(taken.size));
}

// ---- plugin points ---------------------------------------------------------------------------------------------

const route = (id, path, render) => ({
  id, pluginPoint: 'cockpit.route', priority: 0, properties: {path},
  render: (node, context, scope) => { render(node, scope); }
});

export default [
  {
    id: 'desk-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: {
      pagePath: '#/desk',
      checkActive: path => path.indexOf('#/desk') > -1,
      // shown only to those the desk answers; anyone else (an analyst in Cockpit) does not see the entry
      access: ['$rootScope', $rootScope => callback => {
        const answer = allowed => {
          callback(null, allowed);
          $rootScope.$applyAsync();
        };
        get('access').then(() => answer(true), () => answer(false));
      }]
    },
    render: node => {
      node.appendChild(h('a', {href: '#/desk', class: 'desk-navigation'}, '售后工作台'));
    }
  },
  route('desk-board', '/desk', renderBoard),
  route('desk-search', '/desk/search', renderSearch),
  route('desk-list', '/desk/list', renderList),
  route('desk-case', '/desk/case/:caseNo', renderStory)
];
