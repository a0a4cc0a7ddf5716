// The home page's pictures. Each figure's table, rendered by the server in the reader's language, holds the figures
// (raw in data-value, written out in the cell); this script draws the chart beside it from that table, so the
// picture and the table never disagree and the figures stay readable without the picture. Numbers on the axes
// are written the page's way (Spanish 1.000, English 1,000).
(function () {
  const root = document.getElementById('dashboard');
  if (!root || !window.echarts) { return; }
  const lang = document.documentElement.lang || 'en';
  const grouping = {useGrouping: 'always'};
  const integer = new Intl.NumberFormat(lang, Object.assign({maximumFractionDigits: 0}, grouping));
  const decimal = new Intl.NumberFormat(lang, Object.assign({minimumFractionDigits: 2, maximumFractionDigits: 2}, grouping));
  const brand = '#13294b', capacity = '#c9d1dc', over = '#a4161a', second = '#6b8fb5';
  const ink = '#1b1f24';

  function read(figure) {
    const table = figure.querySelector('table.dash-table');
    const heads = Array.from(table.querySelectorAll('thead th')).slice(1);
    const rows = Array.from(table.querySelectorAll('tbody tr')).filter(tr => !tr.classList.contains('empty'));
    return {
      columns: heads.map((th, i) => ({name: th.textContent.trim(), drawn: th.dataset.drawn !== 'false', index: i})),
      labels: rows.map(tr => tr.querySelector('th').textContent.trim()),
      flagged: rows.map(tr => tr.classList.contains('flagged')),
      values: rows.map(tr => Array.from(tr.querySelectorAll('td')).map(td => Number(td.dataset.value)))
    };
  }

  function draw(figure) {
    const data = read(figure);
    const kind = figure.dataset.kind;
    const horizontal = data.labels.some(l => l.length > 12) && kind === 'bars';
    const drawn = data.columns.filter(c => c.drawn);
    const money = data.values.some(v => v.some(x => !Number.isInteger(x)));
    const format = value => (money ? decimal : integer).format(value);
    let series;
    if (kind === 'capacity') {
      series = [
        {name: data.columns[1].name, type: 'bar', barGap: '-100%', barMaxWidth: 28, silent: true,
         data: data.values.map(v => v[1]), itemStyle: {color: capacity}},
        {name: data.columns[0].name, type: 'bar', barMaxWidth: 28, itemStyle: {color: brand},
         data: data.values.map((v, i) => ({value: v[0], itemStyle: {color: data.flagged[i] ? over : brand}}))}
      ];
    } else {
      series = drawn.map((c, n) => ({
        name: c.name, type: 'bar', barMaxWidth: 28, itemStyle: {color: n === 0 ? brand : second},
        data: data.values.map((v, i) => ({value: v[c.index], itemStyle: {color: data.flagged[i] ? over : (n === 0 ? brand : second)}}))
      }));
    }
    const chart = echarts.init(figure.querySelector('.chart'), null, {renderer: 'svg'});
    const category = {type: 'category', data: horizontal ? data.labels.slice().reverse() : data.labels,
                      axisLabel: {color: ink, width: horizontal ? 150 : undefined, overflow: 'truncate'}};
    const value = {type: 'value', minInterval: 1, axisLabel: {color: ink, formatter: format}};
    if (horizontal) { series.forEach(s => { s.data = s.data.slice().reverse(); }); }
    chart.setOption({
      animation: false,
      grid: {left: horizontal ? 160 : 56, right: 16, top: series.length > 1 ? 32 : 16, bottom: 28, containLabel: false},
      tooltip: {trigger: 'axis', valueFormatter: format},
      legend: series.length > 1 ? {top: 0, textStyle: {color: ink}} : undefined,
      xAxis: horizontal ? value : category, yAxis: horizontal ? category : value,
      series: series
    });
    window.addEventListener('resize', () => chart.resize());
    figure.dataset.loaded = 'true';
  }

  root.querySelectorAll('figure[data-kind]').forEach(figure => {
    try { draw(figure); } catch (e) { console.warn('dashboard', e); }
  });
})();
