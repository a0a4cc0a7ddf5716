// The home page's pictures: occupancy by module, the referral pipeline and the releases to come. Each picture reads
// the same API a client would (with the console's session), and writes its figures into the table beside it too,
// for those who would rather read, or cannot see the chart.
(function () {
  const root = document.getElementById('dashboard');
  if (!root) { return; }
  // The words come from the page (data attributes and a hidden list), in the reader's language.
  const statusLabels = {};
  root.querySelectorAll('[data-status-label]').forEach(li => { statusLabels[li.dataset.statusLabel] = li.textContent; });
  const L = {occupied: root.dataset.labelOccupied, free: root.dataset.labelFree, none: root.dataset.labelNone,
             statuses: statusLabels};
  const brand = '#13294b', free = '#c9d1dc';

  async function json(path) {
    const response = await fetch(path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (!response.ok) { throw new Error(path + ' ' + response.status); }
    return response.json();
  }

  function fill(figure, rows) {
    const body = figure.querySelector('tbody');
    body.innerHTML = '';
    if (rows.length === 0) {
      const tr = body.insertRow();
      const td = tr.insertCell();
      td.colSpan = 3;
      td.textContent = L.none;
    }
    rows.forEach(cells => {
      const tr = body.insertRow();
      cells.forEach((value, i) => {
        const td = tr.insertCell();
        td.textContent = value;
        if (i > 0) { td.className = 'num'; }
      });
    });
    figure.dataset.loaded = 'true';
  }

  function bars(figure, categories, series, horizontal) {
    if (!window.echarts) { return; }
    const chart = echarts.init(figure.querySelector('.chart'), null, {renderer: 'svg'});
    const category = {type: 'category', data: categories, axisLabel: {color: '#1b1f24'}};
    const value = {type: 'value', minInterval: 1, axisLabel: {color: '#1b1f24'}};
    chart.setOption({
      animation: false, grid: {left: horizontal ? 120 : 40, right: 16, top: 24, bottom: 28},
      tooltip: {trigger: 'axis'}, legend: series.length > 1 ? {top: 0} : undefined,
      xAxis: horizontal ? value : category, yAxis: horizontal ? category : value,
      series: series.map(s => Object.assign({type: 'bar', stack: 'all', barMaxWidth: 28}, s))
    });
    window.addEventListener('resize', () => chart.resize());
  }

  async function occupancy() {
    const figure = document.getElementById('dash-occupancy');
    if (!figure) { return; }
    const data = await json('/api/v1/facilities/' + encodeURIComponent(root.dataset.facility) + '/occupancy');
    const modules = data.modules || [];
    fill(figure, modules.map(m => [m.code, m.occupied, m.workingCapacity]));
    bars(figure, modules.map(m => m.code), [
      {name: L.occupied, data: modules.map(m => m.occupied), itemStyle: {color: brand}},
      {name: L.free, data: modules.map(m => Math.max(0, m.workingCapacity - m.occupied)), itemStyle: {color: free}}
    ], false);
  }

  async function pipeline() {
    const figure = document.getElementById('dash-pipeline');
    const statuses = Object.keys(L.statuses);
    const totals = await Promise.all(statuses.map(s =>
      json('/api/v1/referrals?size=1&status=' + s).then(page => page.total)));
    fill(figure, statuses.map((s, i) => [L.statuses[s], totals[i]]));
    bars(figure, statuses.map(s => L.statuses[s]).reverse(),
      [{name: '', data: totals.slice().reverse(), itemStyle: {color: brand}}], true);
  }

  async function releases() {
    const figure = document.getElementById('dash-releases');
    if (!figure) { return; }
    const data = await json('/api/v1/releases/upcoming?days=180');
    const months = [];
    const start = new Date(data.from + 'T00:00:00Z');
    for (let i = 0; i < 7; i++) {
      const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1));
      months.push(d.toISOString().substring(0, 7));
    }
    const counts = months.map(m => data.items.filter(item => !item.overdue && String(item.releaseDate).startsWith(m)).length);
    const overdue = data.items.filter(item => item.overdue).length;
    const rows = months.map((m, i) => [m, counts[i]]);
    if (overdue > 0) { rows.unshift(['< ' + months[0], overdue]); }
    fill(figure, rows);
    bars(figure, months, [{name: '', data: counts, itemStyle: {color: brand}}], false);
  }

  [occupancy, pipeline, releases].forEach(draw => draw().catch(e => {
    console.warn('dashboard', e);
  }));
})();
