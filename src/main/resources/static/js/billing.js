// Billing's pictures: revenue per month and the share of the prison system's cost the fee covers. Each chart is
// drawn from the table beside it (the same figures, for those who would rather read or cannot see the chart).
(function () {
  if (!window.echarts) { return; }
  ['revenue-chart', 'coverage-chart'].forEach(function (id) {
    const figure = document.getElementById(id);
    if (!figure) { return; }
    const rows = Array.from(figure.querySelectorAll('tbody tr[data-period]'));
    const chart = echarts.init(figure.querySelector('.chart'), null, {renderer: 'svg'});
    chart.setOption({
      animation: false,
      grid: {left: 70, right: 10, top: 10, bottom: 30},
      xAxis: {type: 'category', data: rows.map(r => r.dataset.period), axisLabel: {color: '#1b1f24'}},
      yAxis: {type: 'value', axisLabel: {color: '#1b1f24'}},
      series: [{type: 'bar', data: rows.map(r => Number(r.dataset.value)), itemStyle: {color: '#13294b'}}]
    });
  });
})();
